import { periodOf } from '@rg/domain/indicators/period';
import type { AppContext } from '../../core/context.ts';
import { insertRow } from '../../core/db/prepared.ts';
import type { Tx } from '../../core/db/schema.ts';
import type { DomainEvent } from '../../core/events/event-bus.ts';
import type { Delta, RollupEngine } from './rollup.engine.ts';

/** Outcomes of a closed mediation case that count as a success (调解成功: an agreement was reached). */
const SUCCESS_OUTCOMES = new Set(['agreement', 'success', 'resolved', 'mediated']);

/**
 * How other modules' events feed the event indicators ("enter once": nobody reports these again).
 * Each maps an event to the deltas it adds; the handler runs in the publisher's transaction.
 */
type Rule = (event: DomainEvent) => (Omit<Delta, 'period'> & { period?: string })[];

/** The business date a changed record had before, if the event says so. */
function previousDate(event: DomainEvent): string | null {
  const previous = event.payload.previous;
  if (!previous || typeof previous !== 'object' || !('occurredOn' in previous)) return null;
  const date = (previous as { occurredOn: unknown }).occurredOn;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

export const EVENT_RULES: Readonly<Record<string, Rule>> = {
  'legal.service_recorded': () => [{ indicatorCode: 'legal.services', num: 1, den: 0 }],
  // A corrected service date moves the count to its new quarter (nothing changes within one quarter).
  'legal.service_changed': (e) => {
    const before = previousDate(e);
    return before
      ? [
          { indicatorCode: 'legal.services', num: -1, den: 0, period: periodOf(before) },
          { indicatorCode: 'legal.services', num: 1, den: 0 },
        ]
      : [];
  },
  'mediation.case_registered': () => [{ indicatorCode: 'mediation.cases', num: 1, den: 0 }],
  'mediation.case_closed': (e) => [
    { indicatorCode: 'mediation.success_rate', num: SUCCESS_OUTCOMES.has(String(e.payload.outcome ?? '')) ? 1 : 0, den: 1 },
  ],
  'programs.designated': () => [{ indicatorCode: 'programs.designated', num: 1, den: 0 }],
  'programs.revoked': () => [{ indicatorCode: 'programs.designated', num: -1, den: 0 }],
};

/** Records the raw fact and adds it to the roll-up of its place and every region above. */
export async function countEvent(tx: Tx, engine: RollupEngine, event: DomainEvent): Promise<void> {
  const rule = EVENT_RULES[event.type];
  if (!rule) return;
  const period = periodOf(event.occurredOn);
  const deltas = rule(event).map((d) => ({ indicatorCode: d.indicatorCode, num: d.num, den: d.den, period: d.period ?? period }));
  if (deltas.length === 0) return;
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

export function subscribeIndicators(ctx: AppContext, engine: RollupEngine): void {
  for (const type of Object.keys(EVENT_RULES)) ctx.events.on(type, (tx, event) => countEvent(tx, engine, event));
}
