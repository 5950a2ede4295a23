import type { CaseListQuery } from '@rg/domain/programs/case.schema';
import type { DbOrTx } from '../../core/db/schema.ts';
import { containsText } from '../../core/db/contains.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { ProgramCaseAreaTable, ProgramCaseTable } from './programs.tables.ts';

/** 典型案例 and their content areas. Kysely only; every list takes a scope. */
export type CaseRow = ProgramCaseTable & { unit_name: string };

function cases(db: DbOrTx) {
  return db
    .selectFrom('program_cases as c')
    .innerJoin('regions as u', 'u.code', 'c.unit_code')
    .selectAll('c')
    .select('u.name as unit_name');
}

export async function findCase(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
  return cases(db).where('c.id', '=', id).executeTakeFirst();
}

/** Published cases anywhere, and unpublished ones inside `scope`, filtered by region, status, area and words. */
export async function listCases(db: DbOrTx, scope: string, query: CaseListQuery): Promise<CaseRow[]> {
  let q = cases(db).where((eb) => eb.or([eb('c.status', '=', 'published'), withinScope(eb, 'c.unit_code', scope)]));
  const { regionCode, status, area, q: words } = query;
  if (regionCode) q = q.where((eb) => withinScope(eb, 'c.unit_code', regionCode));
  if (status) q = q.where('c.status', '=', status);
  if (area) {
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('program_case_areas as a').select('a.case_id').whereRef('a.case_id', '=', 'c.id').where('a.area_key', '=', area),
      ),
    );
  }
  if (words) q = q.where((eb) => containsText(eb, ['c.title', 'c.summary'], words));
  return q.orderBy('c.published_on', 'desc').orderBy('c.created_at', 'desc').limit(200).execute();
}

export async function areasOf(db: DbOrTx, caseIds: readonly string[]): Promise<ProgramCaseAreaTable[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('program_case_areas')
    .selectAll()
    .where('case_id', 'in', [...caseIds])
    .execute();
}

export async function insertCase(db: DbOrTx, row: ProgramCaseTable): Promise<void> {
  await db.insertInto('program_cases').values(row).execute();
}

/** The case's areas become `areas` (each once). */
export async function replaceAreas(db: DbOrTx, caseId: string, areas: readonly string[]): Promise<void> {
  await db.deleteFrom('program_case_areas').where('case_id', '=', caseId).execute();
  await db
    .insertInto('program_case_areas')
    .values([...new Set(areas)].map((area_key) => ({ case_id: caseId, area_key })))
    .execute();
}

/**
 * Optimistic update from `status`: false when the case changed since `version` or left that status (409).
 */
export async function updateCase(
  db: DbOrTx,
  id: string,
  version: number,
  status: ProgramCaseTable['status'],
  changes: Partial<ProgramCaseTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('program_cases')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The submitted cases inside `scope`: their units and submitters (the reviewer's todo keeps those it may review). */
export async function submittedCases(db: DbOrTx, scope: string): Promise<Pick<ProgramCaseTable, 'unit_code' | 'submitted_by'>[]> {
  return db
    .selectFrom('program_cases')
    .select(['unit_code', 'submitted_by'])
    .where('status', '=', 'submitted')
    .where((eb) => withinScope(eb, 'unit_code', scope))
    .execute();
}

/** A programme's published cases inside `scope`, in the order they were published (the programme summary). */
export async function publishedCasesOf(
  db: DbOrTx,
  programId: string,
  scope: string,
): Promise<Pick<ProgramCaseTable, 'title' | 'summary' | 'unit_code'>[]> {
  return db
    .selectFrom('program_cases')
    .select(['title', 'summary', 'unit_code'])
    .where('program_id', '=', programId)
    .where('status', '=', 'published')
    .where((eb) => withinScope(eb, 'unit_code', scope))
    .orderBy('published_on')
    .execute();
}
