import { ancestorsOf } from '@rg/domain/regions/region-code';
import { chinaMonth } from '@rg/domain/time/china-time';
import { sql } from 'kysely';
import { SERVICE_TYPES, SERVICE_WINDOWS, type ServiceType, type ServiceWindow } from '@rg/domain/legal/service.schema';
import type { Tx } from '../../core/db/schema.ts';
import type { LegalVillageMonthTable } from './legal.tables.ts';


export interface CountKey {
  villageCode: string;
  month: string;
  window: string;
  serviceType: string;
}

/**
 * Adds `delta` to the ledger count of the village and each of its ancestors up to the nation, in the
 * ledger's transaction: the dashboard of any region then reads its own few rows, fresh on the next
 * request (issue 3: province p95 < 100 ms over 1M entries).
 */
export async function adjustCounts(tx: Tx, key: CountKey, delta: 1 | -1): Promise<void> {
  const regions = [...ancestorsOf(key.villageCode), key.villageCode];
  await tx
    .insertInto('legal_service_counts')
    .values(regions.map((region) => ({ region_code: region, month: key.month, service_window: key.window, service_type: key.serviceType, count: delta })))
    .onConflict((oc) => oc.columns(['region_code', 'month', 'service_window', 'service_type']).doUpdateSet({ count: sql`legal_service_counts.count + ${delta}` }))
    .execute();
  const window = `w_${key.window}` as const;
  const type = `t_${key.serviceType}` as const;
  await tx
    .insertInto('legal_village_months')
    .values({ ...emptyVillageMonth(key.month, key.villageCode), total: delta, [window]: delta, [type]: delta })
    .onConflict((oc) => oc.columns(['month', 'village_code']).doUpdateSet({
      total: sql`legal_village_months.total + ${delta}`,
      [window]: sql`${sql.ref(`legal_village_months.${window}`)} + ${delta}`,
      [type]: sql`${sql.ref(`legal_village_months.${type}`)} + ${delta}`,
    }))
    .execute();
}

/** A village-month row with every counter at zero. */
export function emptyVillageMonth(month: string, villageCode: string): LegalVillageMonthTable {
  const zero = Object.fromEntries([...SERVICE_WINDOWS.map((w) => `w_${w}`), ...SERVICE_TYPES.map((t) => `t_${t}`)].map((c) => [c, 0]));
  return { month, village_code: villageCode, total: 0, ...zero } as LegalVillageMonthTable;
}

/** The village-month rows of many ledger entries at once (demo data and benchmarks). */
export function villageMonths(entries: Iterable<{ village_code: string; served_at: string; service_window: string; service_type: string }>): LegalVillageMonthTable[] {
  const rows = new Map<string, LegalVillageMonthTable>();
  for (const e of entries) {
    const month = chinaMonth(e.served_at);
    const key = `${month}|${e.village_code}`;
    const row = rows.get(key) ?? emptyVillageMonth(month, e.village_code);
    row.total += 1;
    row[`w_${e.service_window as ServiceWindow}`] += 1;
    row[`t_${e.service_type as ServiceType}`] += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}
