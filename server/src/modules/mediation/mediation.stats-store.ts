import { ancestorsOf, levelOf } from '@rg/domain/regions/region-code';
import type { CounterTable, Counters } from '../../core/db/counters.ts';
import type { Tx } from '../../core/db/schema.ts';
import type { MediationStatTable } from './mediation.tables.ts';

export type StatCounter =
  'registered' | 'success' | 'failed' | 'closed' | 'performed' | 'partly' | 'not_performed' | 'overdue_concluded' | 'duration_days';
export const STAT_COUNTERS: readonly StatCounter[] = [
  'registered',
  'success',
  'failed',
  'closed',
  'performed',
  'partly',
  'not_performed',
  'overdue_concluded',
  'duration_days',
];

const STATS: CounterTable<'mediation_stats'> = {
  table: 'mediation_stats',
  key: ['level', 'region_code', 'month', 'case_type'],
  counters: STAT_COUNTERS,
};

export interface StatKey {
  regionCode: string;
  month: string;
  caseType: string;
}

/**
 * Adds `delta` to the statistics rows of the case's place and every ancestor up to the province,
 * inside the write transaction, so the figures are exactly as fresh as the cases (one upsert).
 */
export async function addToStats(counters: Counters, tx: Tx, key: StatKey, delta: Partial<Record<StatCounter, number>>): Promise<void> {
  if (!STAT_COUNTERS.some((c) => (delta[c] ?? 0) !== 0)) return;
  const codes = [...ancestorsOf(key.regionCode), key.regionCode].filter((c) => c.length >= 2 && c !== '00');
  const values = Object.fromEntries(STAT_COUNTERS.map((c) => [c, delta[c] ?? 0])) as Record<StatCounter, number>;
  const rows: MediationStatTable[] = codes.map((code) => ({
    region_code: code,
    level: levelOf(code),
    month: key.month,
    case_type: key.caseType,
    ...values,
  }));
  await counters.add(tx, STATS, rows);
}
