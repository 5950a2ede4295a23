import type { DbOrTx, Tx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { IndicatorTargetTable } from './indicators.tables.ts';

/** Targets set for any of the regions, for no particular programme (the scorecard's and the catalogue's). */
export async function generalTargetsAt(db: DbOrTx, regionCodes: readonly string[]): Promise<IndicatorTargetTable[]> {
  return db
    .selectFrom('indicator_targets')
    .selectAll()
    .where('region_code', 'in', [...regionCodes])
    .where('program_code', 'is', null)
    .execute();
}

/** Targets set for the given regions (the actor's ancestors) or anywhere inside `scope`. */
export async function targetsAtOrWithin(
  db: DbOrTx,
  regionCodes: readonly string[],
  scope: string,
  limit: number,
): Promise<IndicatorTargetTable[]> {
  return db
    .selectFrom('indicator_targets')
    .selectAll()
    .where((eb) => eb.or([eb('region_code', 'in', [...regionCodes]), withinScope(eb, 'region_code', scope)]))
    .orderBy('indicator_code')
    .orderBy('region_code')
    .limit(limit)
    .execute();
}

export async function insertTarget(tx: Tx, row: IndicatorTargetTable): Promise<void> {
  await tx.insertInto('indicator_targets').values(row).execute();
}
