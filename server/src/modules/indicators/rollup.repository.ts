import { sql } from 'kysely';
import { preparedStatement } from '../../core/db/prepared.ts';
import type { DbOrTx, Tx } from '../../core/db/schema.ts';
import type { IndicatorRollupTable } from './indicators.tables.ts';

/** A unit's parent chain, five levels up, with the chain its sums went to last time. */
export interface ChainRow {
  a1: string | null;
  a2: string | null;
  a3: string | null;
  a4: string | null;
  a5: string | null;
  stored: string | null;
}

/**
 * Every counted record asks for its unit's chain of ancestors and the chain its sums went to last time,
 * in one prepared statement (core/db/prepared.ts).
 */
const chainOf = preparedStatement<[unitCode: string]>((db, p) =>
  db
    .selectFrom('regions as u')
    .leftJoin('regions as p1', 'p1.code', 'u.parent_code')
    .leftJoin('regions as p2', 'p2.code', 'p1.parent_code')
    .leftJoin('regions as p3', 'p3.code', 'p2.parent_code')
    .leftJoin('regions as p4', 'p4.code', 'p3.parent_code')
    .select((eb) => [
      'u.parent_code as a1',
      'p1.parent_code as a2',
      'p2.parent_code as a3',
      'p3.parent_code as a4',
      'p4.parent_code as a5',
      eb.selectFrom('indicator_unit_paths as k').select('k.path').whereRef('k.unit_code', '=', 'u.code').as('stored'),
    ])
    .where('u.code', '=', p(0)),
);

export async function findChain(db: DbOrTx, unitCode: string): Promise<ChainRow | undefined> {
  const [row] = await chainOf<ChainRow>(db, [unitCode]);
  return row;
}

/** Takes the audit head's row lock (PostgreSQL only: the roll-up's lock order, see RollupEngine). */
export async function lockAuditHead(tx: Tx): Promise<void> {
  await sql`select seq from audit_head where id = 1 for update`.execute(tx);
}

export async function findStoredPath(db: DbOrTx, unitCode: string): Promise<string | null> {
  const kept = await db.selectFrom('indicator_unit_paths').select('path').where('unit_code', '=', unitCode).executeTakeFirst();
  return kept?.path ?? null;
}

export async function insertUnitPath(tx: Tx, unitCode: string, path: string): Promise<void> {
  await tx.insertInto('indicator_unit_paths').values({ unit_code: unitCode, path }).execute();
}

export async function updateUnitPath(tx: Tx, unitCode: string, path: string): Promise<void> {
  await tx.updateTable('indicator_unit_paths').set({ path }).where('unit_code', '=', unitCode).execute();
}

/** The unit's own sums as committed, every indicator and period. */
export async function ownSums(
  tx: Tx,
  unitCode: string,
): Promise<Pick<IndicatorRollupTable, 'region_code' | 'indicator_code' | 'period' | 'own_num' | 'own_den'>[]> {
  return tx
    .selectFrom('indicator_rollups')
    .select(['region_code', 'indicator_code', 'period', 'own_num', 'own_den'])
    .where('region_code', '=', unitCode)
    .execute();
}

/** One page of stored unit paths, in code order after `after` (keyset pagination). */
export async function unitPathsAfter(db: DbOrTx, after: string, limit: number): Promise<{ unit_code: string; path: string }[]> {
  return db
    .selectFrom('indicator_unit_paths')
    .select(['unit_code', 'path'])
    .where('unit_code', '>', after)
    .orderBy('unit_code')
    .limit(limit)
    .execute();
}

/** Roll-up sums of the regions for the periods (and only those indicators, when given): primary-key reads. */
export async function rollupSums(
  db: DbOrTx,
  regionCodes: readonly string[],
  periods: readonly string[],
  indicatorCodes?: readonly string[],
): Promise<Pick<IndicatorRollupTable, 'region_code' | 'indicator_code' | 'period' | 'num' | 'den'>[]> {
  if (regionCodes.length === 0 || periods.length === 0) return [];
  let query = db
    .selectFrom('indicator_rollups')
    .select(['region_code', 'indicator_code', 'period', 'num', 'den'])
    .where('region_code', 'in', [...regionCodes])
    .where('period', 'in', [...periods]);
  if (indicatorCodes) query = query.where('indicator_code', 'in', [...indicatorCodes]);
  return query.execute();
}
