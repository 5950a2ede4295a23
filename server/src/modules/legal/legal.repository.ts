import { sql } from 'kysely';
import type { AdvisorListQuery } from '@rg/domain/legal/advisor.schema';
import type { AssignmentListQuery } from '@rg/domain/legal/assignment.schema';
import { preparedStatement } from '../../core/db/prepared.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import type { LegalAdvisorTable, LegalAssignmentTable } from './legal.tables.ts';
import { withinScope } from '../../core/db/scope.ts';
import { containsText } from '../../core/db/contains.ts';

/**
 * Kysely only; every list takes the actor's scope. Village and region names come from the
 * platform's `regions` reference table, which modules read but never write (docs/decisions.md).
 */
export type AdvisorRow = LegalAdvisorTable & { region_name: string };
export type AssignmentRow = LegalAssignmentTable & { advisor_name: string; village_name: string };

export async function insertAdvisor(db: DbOrTx, row: LegalAdvisorTable): Promise<void> {
  await db.insertInto('legal_advisors').values(row).execute();
}

export async function findAdvisor(db: DbOrTx, id: string): Promise<AdvisorRow | undefined> {
  return db
    .selectFrom('legal_advisors as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .selectAll('a')
    .select('r.name as region_name')
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function idNumberTaken(db: DbOrTx, hash: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('legal_advisors').select('id').where('id_number_hash', '=', hash);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function listAdvisors(db: DbOrTx, scope: string, query: AdvisorListQuery): Promise<{ rows: AdvisorRow[]; total: number }> {
  let base = db
    .selectFrom('legal_advisors as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .where((eb) => withinScope(eb, 'a.region_code', scope));
  if (query.status) base = base.where('a.status', '=', query.status);
  if (query.category) base = base.where('a.category', '=', query.category);
  if (query.q) {
    const q = query.q;
    base = base.where((eb) => containsText(eb, ['a.name', 'a.employer_name'], q));
  }
  const rows = await base
    .selectAll('a')
    .select('r.name as region_name')
    .orderBy('a.region_code')
    .orderBy('a.name')
    .orderBy('a.id')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function updateAdvisorVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<LegalAdvisorTable>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('legal_advisors')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The villages each advisor serves now. */
export async function currentVillagesOf(db: DbOrTx, advisorIds: readonly string[]): Promise<Map<string, { code: string; name: string }[]>> {
  const map = new Map<string, { code: string; name: string }[]>();
  if (advisorIds.length === 0) return map;
  const rows = await db
    .selectFrom('legal_assignments as s')
    .innerJoin('regions as v', 'v.code', 's.village_code')
    .select(['s.advisor_id', 'v.code', 'v.name'])
    .where('s.advisor_id', 'in', [...advisorIds])
    .where('s.end_date', 'is', null)
    .orderBy('v.code')
    .execute();
  for (const row of rows) map.set(row.advisor_id, [...(map.get(row.advisor_id) ?? []), { code: row.code, name: row.name }]);
  return map;
}

function assignments(db: DbOrTx) {
  return db
    .selectFrom('legal_assignments as s')
    .innerJoin('legal_advisors as a', 'a.id', 's.advisor_id')
    .innerJoin('regions as v', 'v.code', 's.village_code')
    .selectAll('s')
    .select(['a.name as advisor_name', 'v.name as village_name']);
}

export async function findAssignment(db: DbOrTx, id: string): Promise<AssignmentRow | undefined> {
  return assignments(db).where('s.id', '=', id).executeTakeFirst();
}

export async function currentAssignmentOf(db: DbOrTx, villageCode: string): Promise<AssignmentRow | undefined> {
  return assignments(db).where('s.village_code', '=', villageCode).where('s.end_date', 'is', null).executeTakeFirst();
}

export async function assignmentsOfAdvisor(db: DbOrTx, advisorId: string): Promise<AssignmentRow[]> {
  return assignments(db).where('s.advisor_id', '=', advisorId).orderBy('s.start_date', 'desc').orderBy('s.created_at', 'desc').execute();
}

export async function listAssignments(
  db: DbOrTx,
  scope: string,
  query: AssignmentListQuery,
): Promise<{ rows: AssignmentRow[]; total: number }> {
  let base = assignments(db).where((eb) => withinScope(eb, 's.village_code', query.regionCode ?? scope));
  if (query.current === 'true') base = base.where('s.end_date', 'is', null);
  if (query.current === 'false') base = base.where('s.end_date', 'is not', null);
  const rows = await base
    .orderBy('s.village_code')
    .orderBy('s.start_date', 'desc')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const count = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function insertAssignment(db: DbOrTx, row: LegalAssignmentTable): Promise<void> {
  await db.insertInto('legal_assignments').values(row).execute();
}

/** Ends a current assignment; false when it had ended already (someone else was first). */
export async function endAssignment(db: DbOrTx, id: string, date: string, reason: string | null): Promise<boolean> {
  const result = await db
    .updateTable('legal_assignments')
    .set({ end_date: date, end_reason: reason })
    .where('id', '=', id)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface CoverageRow {
  child: string;
  villages: number;
  covered: number;
  poor_villages: number;
  poor_covered: number;
}

/**
 * Villages and communities inside `scope`, with and without a current advisor, grouped by the
 * region one level below the scope (`childLength` digits of the code).
 */
export async function coverageByChild(db: DbOrTx, scope: string, childLength: number): Promise<CoverageRow[]> {
  const child = sql<string>`substr(v.code, 1, ${sql.lit(childLength)})`;
  const rows = await db
    .selectFrom('regions as v')
    .leftJoin('legal_assignments as s', (join) => join.onRef('s.village_code', '=', 'v.code').on('s.end_date', 'is', null))
    .select((eb) => [
      child.as('child'),
      eb.fn.countAll<number>().as('villages'),
      eb.fn.count<number>('s.id').as('covered'),
      sql<number>`sum(v.is_poor)`.as('poor_villages'),
      sql<number>`sum(case when v.is_poor = 1 and s.id is not null then 1 else 0 end)`.as('poor_covered'),
    ])
    .where('v.level', '=', 'village')
    .where((eb) => withinScope(eb, 'v.code', scope))
    .groupBy(child)
    .orderBy(child)
    .execute();
  return rows.map((r) => ({
    child: r.child,
    villages: Number(r.villages),
    covered: Number(r.covered),
    poor_villages: Number(r.poor_villages ?? 0),
    poor_covered: Number(r.poor_covered ?? 0),
  }));
}

export async function uncoveredVillages(
  db: DbOrTx,
  scope: string,
  poorOnly: boolean,
  offset: number,
  limit: number,
): Promise<{ rows: { code: string; name: string; is_poor: number }[]; total: number }> {
  let base = db
    .selectFrom('regions as v')
    .where('v.level', '=', 'village')
    .where((eb) => withinScope(eb, 'v.code', scope))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('legal_assignments as s').select('s.id').whereRef('s.village_code', '=', 'v.code').where('s.end_date', 'is', null),
        ),
      ),
    );
  if (poorOnly) base = base.where('v.is_poor', '=', 1);
  const rows = await base.select(['v.code', 'v.name', 'v.is_poor']).orderBy('v.code').offset(offset).limit(limit).execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** True when some advisor already uses the account. */
export async function accountLinked(db: DbOrTx, userId: string): Promise<boolean> {
  return (await db.selectFrom('legal_advisors').select('id').where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

/** The advisor linked to an account, if any. */
export async function advisorOfUser(db: DbOrTx, userId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await advisorByUser<{ id: string; name: string }>(db, [userId]);
  return row;
}

/** Asked on every ledger request of an account with `legal.record`. */
const advisorByUser = preparedStatement<[userId: string]>((db, p) =>
  db.selectFrom('legal_advisors').select(['id', 'name']).where('user_id', '=', p(0)),
);

/** Unanswered online questions of a village follow the village's new advisor. */
export async function routeOpenQuestions(db: DbOrTx, villageCode: string, advisorId: string): Promise<void> {
  await db
    .updateTable('legal_consultations')
    .set({ advisor_id: advisorId })
    .where('village_code', '=', villageCode)
    .where('answered_at', 'is', null)
    .execute();
}
