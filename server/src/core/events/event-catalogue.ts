import type { z } from 'zod';

/** Event name → payload schema, as a publisher declares them in `domain/src/<module>/events.ts`. */
export type EventSchemas = Readonly<Record<string, z.ZodType>>;

/** The payload types of a publisher's schemas. */
export type EventPayloads<S extends EventSchemas> = { -readonly [K in keyof S]: z.output<S[K]> };

/**
 * Every event of the platform, name → payload. Each publisher merges its own in from its manifest
 * (`declare module '…/core/events/event-catalogue.ts' { interface EventCatalogue extends
 * EventPayloads<typeof legalEvents> {} }`), so `publish` and `on` are typed without core naming a module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the publishers' declaration merging
export interface EventCatalogue {}

export type EventType = keyof EventCatalogue & string;

/**
 * A domain event: something a module recorded that other modules may count or react to
 * (ARCHITECTURE.md: modules talk through services and events, never through each other's tables).
 * `regionCode` is the place the fact belongs to (a village or community, or a higher region for
 * facts that belong to one); `occurredOn` is the business date (YYYY-MM-DD) that periods use.
 */
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: { type: K; regionCode: string; occurredOn: string; payload: EventCatalogue[K] };
}[T];
