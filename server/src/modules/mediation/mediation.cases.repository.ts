import type { CaseListQuery } from '@rg/domain/mediation/case.schema';
import { sql } from 'kysely';
import { insertRow, insertRows, preparedStatement } from '../../core/db/prepared.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { containsText } from '../../core/db/contains.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { MediationCaseTable, MediationPartyTable, MediationSessionTable } from './mediation.tables.ts';

export type CaseRow = MediationCaseTable;

export async function findCase(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('mediation_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function partiesOf(db: DbOrTx, caseIds: readonly string[]): Promise<Map<string, MediationPartyTable[]>> {
  const map = new Map<string, MediationPartyTable[]>();
  if (caseIds.length === 0) return map;
  const rows = await db
    .selectFrom('mediation_parties')
    .selectAll()
    .where('case_id', 'in', [...caseIds])
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  for (const row of rows) map.set(row.case_id, [...(map.get(row.case_id) ?? []), row]);
  return map;
}

export async function sessionsOf(db: DbOrTx, caseId: string): Promise<MediationSessionTable[]> {
  return db.selectFrom('mediation_sessions').selectAll().where('case_id', '=', caseId).orderBy('held_on').orderBy('created_at').execute();
}

export type CaseFilters = Omit<CaseListQuery, 'page' | 'pageSize'>;

/** The cases within `scope` (or the narrower `regionCode`) that pass the list's filters. */
function filteredCases(db: DbOrTx, scope: string, query: CaseFilters, today: string) {
  let base = db.selectFrom('mediation_cases as c').where((eb) => withinScope(eb, 'c.region_code', query.regionCode ?? scope));
  if (query.status) base = base.where('c.status', '=', query.status);
  if (query.caseType) base = base.where('c.case_type', '=', query.caseType);
  if (query.riskLevel) base = base.where('c.risk_level', '=', query.riskLevel);
  if (query.open === 'true') base = base.where('c.status', '!=', 'closed');
  if (query.criminalRisk === 'true') base = base.where('c.criminal_risk', '=', 1).where('c.concluded_on', 'is', null);
  if (query.overdue === 'true') {
    base = base.where((eb) =>
      eb.or([eb.and([eb('c.concluded_on', 'is', null), eb('c.due_on', '<', today)]), eb('c.concluded_on', '>', eb.ref('c.due_on'))]),
    );
  }
  if (query.q) {
    const q = query.q;
    base = base.where((eb) =>
      eb.or([
        containsText(eb, ['c.case_no', 'c.description'], q),
        eb.exists(
          eb
            .selectFrom('mediation_parties as p')
            .select('p.id')
            .whereRef('p.case_id', '=', 'c.id')
            .where((e) => containsText(e, ['p.name'], q)),
        ),
      ]),
    );
  }
  return base;
}

export async function listCases(
  db: DbOrTx,
  scope: string,
  query: CaseListQuery,
  today: string,
): Promise<{ rows: CaseRow[]; total: number }> {
  const base = filteredCases(db, scope, query, today);
  const rows = await base
    .selectAll('c')
    .orderBy('c.registered_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Every filtered case for the ledger export, oldest first, with its committee's and mediator's names; at most `limit`. */
export async function casesForExport(db: DbOrTx, scope: string, query: CaseFilters, today: string, limit: number) {
  return filteredCases(db, scope, query, today)
    .leftJoin('mediation_committees as m', 'm.id', 'c.committee_id')
    .leftJoin('mediation_mediators as d', 'd.id', 'c.mediator_id')
    .selectAll('c')
    .select(['m.name as committee_name', 'd.name as mediator_name'])
    .orderBy('c.registered_on')
    .orderBy('c.created_at')
    .limit(limit)
    .execute();
}

/** Next number in a counter (case numbers per place and year); safe under concurrent writers. */
export async function nextNumber(db: DbOrTx, key: string): Promise<number> {
  const [row] = await takeNumber<{ n: number | string }>(db, [key, 1, 1]);
  if (!row) throw new Error(`no case number for ${key}`);
  return Number(row.n);
}

/** Every intake takes a number: one prepared statement (core/db/prepared.ts). */
const takeNumber = preparedStatement<[key: string, first: number, step: number]>((db, p) =>
  db
    .insertInto('mediation_counters')
    .values({ key: p(0), n: p(1) })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ n: eb('mediation_counters.n', '+', p(2)) })))
    .returning('n'),
);

/**
 * The other cases within `scope` that have a party with each of these ID-number hashes (反复纠纷),
 * newest first; by the partial index of parties with an ID number.
 */
export async function casesOfPersons(db: DbOrTx, scope: string, hashes: readonly string[], exceptCaseId: string) {
  if (hashes.length === 0) return [];
  return db
    .selectFrom('mediation_parties as p')
    .innerJoin('mediation_cases as c', 'c.id', 'p.case_id')
    .select(['p.id_number_hash as hash', 'c.id', 'c.case_no', 'c.registered_on', 'c.status'])
    .where('p.id_number_hash', 'in', [...hashes])
    .where('c.id', '!=', exceptCaseId)
    .where((eb) => withinScope(eb, 'c.region_code', scope))
    .orderBy('c.registered_on', 'desc')
    .limit(200)
    .execute();
}

/** Intake's first read: the place and its own active committee (prepared: every intake runs it). */
const placeWithCommittee = preparedStatement<[code: string, active: string, town: string, village: string, one: number]>((db, p) =>
  db
    .selectFrom('regions as r')
    .select((eb) => [
      'r.name',
      'r.level',
      eb
        .selectFrom('mediation_committees as c')
        .select('c.id')
        .whereRef('c.region_code', '=', 'r.code')
        .where('c.status', '=', p(1))
        .where('c.level', 'in', [p(2), p(3)])
        .limit(p(4))
        .as('committee_id'),
    ])
    .where('r.code', '=', p(0)),
);

export async function placeForIntake(
  db: DbOrTx,
  regionCode: string,
): Promise<{ name: string; level: string; committee_id: string | null } | undefined> {
  const [place] = await placeWithCommittee<{ name: string; level: string; committee_id: string | null }>(db, [
    regionCode,
    'active',
    'town',
    'village',
    1,
  ]);
  return place;
}

/** The case's own record of its region's active committee, for an online application. */
export async function activeCommitteeAt(db: DbOrTx, regionCode: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('mediation_committees')
    .select('id')
    .where('region_code', '=', regionCode)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function committeePlace(db: DbOrTx, id: string): Promise<{ region_code: string; status: string } | undefined> {
  return db.selectFrom('mediation_committees').select(['region_code', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function mediatorPlace(db: DbOrTx, id: string): Promise<{ region_code: string; status: string } | undefined> {
  return db.selectFrom('mediation_mediators').select(['region_code', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function screeningVillage(db: DbOrTx, id: string): Promise<{ village_code: string } | undefined> {
  return db.selectFrom('mediation_screenings').select('village_code').where('id', '=', id).executeTakeFirst();
}

/** The committee and the mediator a case names, as `{ id, name }` (either may be absent). */
export async function committeeAndMediator(
  db: DbOrTx,
  row: Pick<CaseRow, 'committee_id' | 'mediator_id'>,
): Promise<{ committee: { id: string; name: string } | undefined; mediator: { id: string; name: string } | undefined }> {
  const [committee, mediator] = await Promise.all([
    row.committee_id
      ? db.selectFrom('mediation_committees').select(['id', 'name']).where('id', '=', row.committee_id).executeTakeFirst()
      : undefined,
    row.mediator_id
      ? db.selectFrom('mediation_mediators').select(['id', 'name']).where('id', '=', row.mediator_id).executeTakeFirst()
      : undefined,
  ]);
  return { committee, mediator };
}

/** The case numbers of these cases (a reopening's links, the aid list's origins). */
export async function caseNumbers(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('mediation_cases')
    .select(['id', 'case_no'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.case_no]));
}

/** A villager's own online applications, newest first. */
export async function onlineCasesBy(db: DbOrTx, userId: string, limit: number): Promise<CaseRow[]> {
  // A literal 1, not a parameter: PostgreSQL's generic plan can then use the partial index of online cases.
  return db
    .selectFrom('mediation_cases')
    .selectAll()
    .where('created_by', '=', userId)
    .where('online', '=', sql.lit(1))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertCase(db: DbOrTx, row: CaseRow, parties: readonly MediationPartyTable[]): Promise<void> {
  await insertRow(db, 'mediation_cases', row);
  await insertRows(db, 'mediation_parties', parties);
}

/** Writes `changes` only if the case is still in the state and version read; false when it was not (nothing changed). */
export async function updateCase(
  db: DbOrTx,
  row: Pick<CaseRow, 'id' | 'version' | 'status'>,
  changes: Partial<CaseRow>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mediation_cases')
    .set({ ...changes, updated_at: now, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('status', '=', row.status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSession(db: DbOrTx, session: MediationSessionTable): Promise<void> {
  await db.insertInto('mediation_sessions').values(session).execute();
}

export async function partyOf(db: DbOrTx, caseId: string, partyId: string): Promise<MediationPartyTable | undefined> {
  return db.selectFrom('mediation_parties').selectAll().where('id', '=', partyId).where('case_id', '=', caseId).executeTakeFirst();
}

/** Replaces a case's parties (修改当事人), in one transaction with the case's version bump. */
export async function replaceParties(db: DbOrTx, caseId: string, parties: readonly MediationPartyTable[]): Promise<void> {
  await db.deleteFrom('mediation_parties').where('case_id', '=', caseId).execute();
  await insertRows(db, 'mediation_parties', parties);
}

/** Unresolved cases within `scope` likely to turn criminal, or due before a date (the todos). */
export async function countUnresolved(db: DbOrTx, scope: string, only: { criminalRisk: true } | { dueBefore: string }): Promise<number> {
  let q = db
    .selectFrom('mediation_cases')
    .where('concluded_on', 'is', null)
    .where((eb) => withinScope(eb, 'region_code', scope));
  q = 'criminalRisk' in only ? q.where('criminal_risk', '=', 1) : q.where('due_on', '<', only.dueBefore);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Concluded cases within `scope` whose follow-up visit is due by `today` and not yet made. */
export async function countFollowUpsDue(db: DbOrTx, scope: string, today: string): Promise<number> {
  const row = await db
    .selectFrom('mediation_cases')
    .where('status', '=', 'follow_up')
    .where('visited_on', 'is', null)
    .where('follow_up_due', '<=', today)
    .where((eb) => withinScope(eb, 'region_code', scope))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
