import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { ServiceRow } from './legal.ledger.repository.ts';

/** A village's ledger entries served in [from, to), oldest first, with the advisor's name. */
export async function entriesOfVillage(db: DbOrTx, villageCode: string, from: string, to: string): Promise<ServiceRow[]> {
  return db
    .selectFrom('legal_services as s')
    .innerJoin('legal_advisors as a', 'a.id', 's.advisor_id')
    .selectAll('s')
    .select('a.name as advisor_name')
    .where('s.village_code', '=', villageCode)
    .where('s.served_at', '>=', from)
    .where('s.served_at', '<', to)
    .orderBy('s.served_at')
    .execute();
}

/** The names of the advisors who served the village during the year, from the assignments (history kept), in order. */
export async function advisorNamesOfYear(db: DbOrTx, villageCode: string, year: number): Promise<string[]> {
  const rows = await db
    .selectFrom('legal_assignments as s')
    .innerJoin('legal_advisors as a', 'a.id', 's.advisor_id')
    .select('a.name')
    .where('s.village_code', '=', villageCode)
    .where('s.start_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('s.end_date', 'is', null), eb('s.end_date', '>=', `${year}-01-01`)]))
    .orderBy('s.start_date')
    .execute();
  return rows.map((r) => r.name);
}

/**
 * The villages inside a region, for the batch of dossiers. It reads the regions table, which belongs
 * to the regions module: its facade has no such lookup yet (left for the facade's owner).
 */
export async function villageCodesIn(db: DbOrTx, scope: string): Promise<string[]> {
  const rows = await db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 'village')
    .where((eb) => withinScope(eb, 'code', scope))
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}
