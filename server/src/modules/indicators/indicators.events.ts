import { periodOf } from '@rg/domain/indicators/period';
import type { AppContext } from '../../core/context.ts';
import { insertRow } from '../../core/db/prepared.ts';
import type { Tx } from '../../core/db/schema.ts';
import type { DomainEvent, EventType } from '../../core/events/event-catalogue.ts';
import type { CountedDelta } from '../../core/module.ts';
import type { RollupEngine } from './rollup.engine.ts';

/** Records the raw facts of one event and adds them to the roll-up of its place and every region above. */
async function countEvent(tx: Tx, engine: RollupEngine, event: DomainEvent, counted: readonly CountedDelta[]): Promise<void> {
  if (counted.length === 0) return;
  const period = periodOf(event.occurredOn);
  const deltas = counted.map((d) => ({ indicatorCode: d.indicatorCode, num: d.num, den: d.den, period: d.period ?? period }));
  for (const d of deltas) {
    await insertRow(tx, 'indicator_facts', {
      indicator_code: d.indicatorCode,
      unit_code: event.regionCode,
      period: d.period,
      occurred_on: event.occurredOn,
      num: d.num,
      den: d.den,
    });
  }
  await engine.apply(tx, event.regionCode, deltas);
}

/**
 * "Enter once": the event-counted indicators are fed by the publishers' own manifests (`feeds`), so
 * nobody reports these figures again and this module names no other module's events or payloads.
 */
export function subscribeIndicators(ctx: AppContext, engine: RollupEngine): void {
  for (const module of ctx.modules) {
    for (const [type, feed] of Object.entries(module.feeds ?? {})) {
      if (!feed) continue;
      // `feeds` is keyed by event type, so the feed is called only with events of its own key.
      const count = feed as (event: DomainEvent) => readonly CountedDelta[];
      ctx.events.on(type as EventType, (tx, event) => countEvent(tx, engine, event, count(event)));
    }
  }
}
