import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { LegalPilotVillageTable } from './legal.tables.ts';

/** A designation seen twice (a replayed event) adds the village once. */
export async function addPilotVillage(db: DbOrTx, row: LegalPilotVillageTable): Promise<void> {
  await db
    .insertInto('legal_pilot_villages')
    .values(row)
    .onConflict((oc) => oc.column('designation_id').doNothing())
    .execute();
}

export async function removePilotVillage(db: DbOrTx, designationId: string): Promise<void> {
  await db.deleteFrom('legal_pilot_villages').where('designation_id', '=', designationId).execute();
}

/** 试点村覆盖: pilot villages in the scope and how many of them have a current advisor. */
export async function pilotCoverage(db: DbOrTx, scope: string): Promise<{ villages: number; covered: number }> {
  const row = await db
    .selectFrom('legal_pilot_villages as p')
    .leftJoin('legal_assignments as s', (join) => join.onRef('s.village_code', '=', 'p.village_code').on('s.end_date', 'is', null))
    .select((eb) => [
      eb.fn.count<number>('p.village_code').distinct().as('villages'),
      eb.fn.count<number>('s.village_code').distinct().as('covered'),
    ])
    .where((eb) => withinScope(eb, 'p.village_code', scope))
    .executeTakeFirstOrThrow();
  return { villages: Number(row.villages), covered: Number(row.covered) };
}
