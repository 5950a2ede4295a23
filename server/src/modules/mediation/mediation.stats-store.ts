import { ancestorsOf, levelOf } from '@rg/domain/regions/region-code';
import type { Tx } from '../../core/db/schema.ts';
import type { MediationStatTable } from './mediation.tables.ts';

export type StatCounter = 'registered' | 'success' | 'failed' | 'closed' | 'performed' | 'partly' | 'not_performed' | 'overdue_concluded' | 'duration_days';
export const STAT_COUNTERS: readonly StatCounter[] = ['registered', 'success', 'failed', 'closed', 'performed', 'partly', 'not_performed', 'overdue_concluded', 'duration_days'];

export interface StatKey {
  regionCode: string;
  month: string;
  caseType: string;
}

/**
 * Adds `delta` to the statistics rows of the case's place and every ancestor up to the province,
 * inside the write transaction, so the figures are exactly as fresh as the cases (one upsert).
 */
export async function addToStats(tx: Tx, key: StatKey, delta: Partial<Record<StatCounter, number>>): Promise<void> {
  const codes = [...ancestorsOf(key.regionCode), key.regionCode].filter((c) => c.length >= 2 && c !== '00');
  const zero = Object.fromEntries(STAT_COUNTERS.map((c) => [c, delta[c] ?? 0])) as Record<StatCounter, number>;
  const rows: MediationStatTable[] = codes.map((code) => ({ region_code: code, level: levelOf(code), month: key.month, case_type: key.caseType, ...zero }));
  const changed = STAT_COUNTERS.filter((c) => (delta[c] ?? 0) !== 0);
  if (changed.length === 0) return;
  await tx.insertInto('mediation_stats').values(rows)
    .onConflict((oc) => oc.columns(['region_code', 'month', 'case_type']).doUpdateSet((eb) =>
      Object.fromEntries(changed.map((c) => [c, eb(eb.ref(`mediation_stats.${c}`), '+', eb.ref(`excluded.${c}`))])),
    ))
    .execute();
}
