import type { DbOrTx } from '../../core/db/schema.ts';

/** A region's own count rows for the months (by window and type), from the counters the ledger keeps. */
export async function countsOf(db: DbOrTx, regionCode: string, months: readonly string[]) {
  return db
    .selectFrom('legal_service_counts')
    .select(['month', 'service_window', 'service_type', 'count'])
    .where('region_code', '=', regionCode)
    .where('month', 'in', [...months])
    .execute();
}

/** Per region and window, the months' totals: the children's own count rows by primary key, not every row below. */
export async function windowTotalsOf(db: DbOrTx, regionCodes: readonly string[], months: readonly string[]) {
  return db
    .selectFrom('legal_service_counts')
    .select(['region_code', 'service_window', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('region_code', 'in', [...regionCodes])
    .where('month', 'in', [...months])
    .groupBy(['region_code', 'service_window'])
    .execute();
}

/**
 * The official child regions (not the locally added ones) of a region, in code order. It reads the
 * regions table, which belongs to the regions module: its facade's childRegions does not leave out
 * local places (left for the facade's owner).
 */
export async function officialChildren(db: DbOrTx, code: string): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('parent_code', '=', code)
    .where('is_local', '=', 0)
    .orderBy('code')
    .execute();
}
