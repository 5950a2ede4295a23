import type { z } from 'zod';
import type { Tx } from '../db/schema.ts';
import type { DomainEvent, EventType } from './event-catalogue.ts';

export type { DomainEvent, EventType } from './event-catalogue.ts';

/** Handlers run inside the publisher's transaction, so what they keep is exactly as fresh as the record. */
export type EventHandler<T extends EventType = EventType> = (tx: Tx, event: DomainEvent<T>) => Promise<void>;

/**
 * In-process, synchronous, transactional: `publish` awaits every handler of the type inside the
 * caller's transaction, so a failing handler rolls the record back and no roll-up drifts. It knows
 * the payload schema of every event the modules declare (`ModuleManifest.events`): a subscription to
 * an event nobody publishes, and a payload that does not match its schema, are refused.
 */
export class EventBus {
  /** Each type's handlers; `never` admits a handler of any one type, and `publish` looks them up by that type. */
  private readonly handlers = new Map<string, EventHandler<never>[]>();

  constructor(private readonly schemas: ReadonlyMap<string, z.ZodType>) {}

  on<T extends EventType>(type: T, handler: EventHandler<T>): void {
    if (!this.schemas.has(type)) throw new Error(`no module publishes the event ${type}`);
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
  }

  async publish<T extends EventType>(tx: Tx, event: DomainEvent<T>): Promise<void> {
    const schema = this.schemas.get(event.type);
    if (!schema) throw new Error(`the event ${event.type} is not declared by any module`);
    const checked = schema.safeParse(event.payload);
    if (!checked.success) throw new Error(`the payload of ${event.type} does not match its schema: ${checked.error.message}`);
    // The list under a type holds only handlers of that type (see `on`).
    const handlers = (this.handlers.get(event.type) ?? []) as EventHandler<T>[];
    for (const handler of handlers) await handler(tx, event);
  }

  /** The event types someone subscribes to, for the contract test. */
  subscribed(): string[] {
    return [...this.handlers.keys()];
  }
}
