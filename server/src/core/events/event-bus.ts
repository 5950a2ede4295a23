import type { Tx } from '../db/schema.ts';

/**
 * A domain event: something a module recorded that other modules may count or react to
 * (ARCHITECTURE.md: modules talk through services and events, never through each other's tables).
 * `villageCode` is the place the fact belongs to (a village or community, or a higher region for
 * facts that belong to one); `occurredOn` is the business date (YYYY-MM-DD) that periods use.
 */
export interface DomainEvent<P = Readonly<Record<string, unknown>>> {
  type: string;
  regionCode: string;
  occurredOn: string;
  payload: P;
}

/** Handlers run inside the publisher's transaction, so what they keep is exactly as fresh as the record. */
export type EventHandler = (tx: Tx, event: DomainEvent) => Promise<void>;

/**
 * In-process, synchronous, transactional: `publish` awaits every handler of the type inside the
 * caller's transaction, so a failing handler rolls the record back and no roll-up drifts.
 */
export class EventBus {
  private readonly handlers = new Map<string, EventHandler[]>();

  on(type: string, handler: EventHandler): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
  }

  async publish(tx: Tx, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(tx, event);
  }

  /** True when someone listens to the type (a publisher may skip building costly payloads). */
  has(type: string): boolean {
    return (this.handlers.get(type)?.length ?? 0) > 0;
  }
}
