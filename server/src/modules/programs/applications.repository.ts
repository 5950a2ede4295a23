import { OPEN_APPLICATION_STATUSES, type ApplicationListQuery, type ApplicationStatus } from '@rg/domain/programs/application.schema';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { ProgramApplicationTable, ProgramPlanVersionTable, ProgramReviewTable } from './programs.tables.ts';

/** 申报: applications, their plan versions and review records. Kysely only; every list takes a scope. */
export type ApplicationRow = ProgramApplicationTable & { unit_name: string; program_name: string; reviewer_name: string | null };

export async function applicationCounts(
  db: DbOrTx,
  programId: string,
  scope: string,
): Promise<{ applications: number; open: number; submitted: number; approved: number }> {
  const rows = await db
    .selectFrom('program_applications')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId)
    .where((eb) => withinScope(eb, 'unit_code', scope))
    .groupBy('status')
    .execute();
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return {
    applications: rows.reduce((sum, r) => sum + Number(r.n), 0),
    open: OPEN_APPLICATION_STATUSES.reduce((sum, s) => sum + n(s), 0),
    submitted: n('submitted'),
    approved: n('approved'),
  };
}

function applications(db: DbOrTx) {
  return db
    .selectFrom('program_applications as a')
    .innerJoin('regions as u', 'u.code', 'a.unit_code')
    .innerJoin('programs as p', 'p.id', 'a.program_id')
    .leftJoin('regions as rv', 'rv.code', 'a.reviewer_region')
    .selectAll('a')
    .select(['u.name as unit_name', 'p.name as program_name', 'rv.name as reviewer_name']);
}

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  return applications(db).where('a.id', '=', id).executeTakeFirst();
}

export async function listApplications(
  db: DbOrTx,
  scope: string,
  query: ApplicationListQuery,
  reviewerRegion: string | null,
): Promise<ApplicationRow[]> {
  let q = applications(db).where((eb) => withinScope(eb, 'a.unit_code', scope));
  if (query.programId) q = q.where('a.program_id', '=', query.programId);
  if (query.status) q = q.where('a.status', '=', query.status);
  if (reviewerRegion) q = q.where('a.reviewer_region', '=', reviewerRegion).where('a.status', '=', 'submitted');
  return q.orderBy('a.updated_at', 'desc').limit(500).execute();
}

export async function insertApplication(db: DbOrTx, row: ProgramApplicationTable): Promise<void> {
  await db.insertInto('program_applications').values(row).execute();
}

/** Optimistic update: false when someone changed the row since `version` (409). */
export async function updateApplication(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<ProgramApplicationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('program_applications')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function planVersions(db: DbOrTx, applicationId: string): Promise<ProgramPlanVersionTable[]> {
  return db.selectFrom('program_plan_versions').selectAll().where('application_id', '=', applicationId).orderBy('version').execute();
}

export async function insertPlanVersion(db: DbOrTx, row: ProgramPlanVersionTable): Promise<void> {
  await db.insertInto('program_plan_versions').values(row).execute();
}

export async function updatePlanVersion(
  db: DbOrTx,
  applicationId: string,
  version: number,
  changes: Partial<ProgramPlanVersionTable>,
): Promise<void> {
  await db
    .updateTable('program_plan_versions')
    .set(changes)
    .where('application_id', '=', applicationId)
    .where('version', '=', version)
    .execute();
}

export async function reviewsOf(db: DbOrTx, applicationId: string): Promise<(ProgramReviewTable & { reviewer_name: string })[]> {
  return db
    .selectFrom('program_reviews as r')
    .innerJoin('regions as g', 'g.code', 'r.reviewer_region')
    .selectAll('r')
    .select('g.name as reviewer_name')
    .where('r.application_id', '=', applicationId)
    .orderBy('r.at')
    .execute();
}

export async function insertReview(db: DbOrTx, row: ProgramReviewTable): Promise<void> {
  await db.insertInto('program_reviews').values(row).execute();
}

/** The unit's application to the programme, if it has one (one per unit and programme). */
export async function findApplicationOfUnit(db: DbOrTx, programId: string, unitCode: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('program_applications')
    .select('id')
    .where('program_id', '=', programId)
    .where('unit_code', '=', unitCode)
    .executeTakeFirst();
}

/** Applications waiting at `reviewerRegion` (the reviewer's todo). */
export async function countAwaitingReview(db: DbOrTx, reviewerRegion: string): Promise<number> {
  const row = await db
    .selectFrom('program_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'submitted')
    .where('reviewer_region', '=', reviewerRegion)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Applications in one of `statuses` inside `scope`, of one programme when `programId` is given. */
export async function countInScope(db: DbOrTx, scope: string, statuses: readonly ApplicationStatus[], programId?: string): Promise<number> {
  let query = db
    .selectFrom('program_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', [...statuses])
    .where((eb) => withinScope(eb, 'unit_code', scope));
  if (programId) query = query.where('program_id', '=', programId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What a programme's applications hold, whoever asks: statuses, chosen areas, answers and filed kinds. */
export async function applicationUsageRows(
  db: DbOrTx,
  programId: string,
): Promise<{ rows: Pick<ProgramApplicationTable, 'status' | 'content_areas' | 'condition_answers'>[]; kinds: string[] }> {
  const rows = await db
    .selectFrom('program_applications')
    .select(['status', 'content_areas', 'condition_answers'])
    .where('program_id', '=', programId)
    .execute();
  const kinds = await db
    .selectFrom('program_attachments as f')
    .innerJoin('program_applications as a', 'a.id', 'f.owner_id')
    .select('f.kind')
    .distinct()
    .where('a.program_id', '=', programId)
    .execute();
  return { rows, kinds: kinds.map((k) => k.kind) };
}

/** 撤销 closes a programme's open applications (草稿、审核中、退回修改); returns those it closed, as they were. */
export async function closeOpenApplications(
  db: DbOrTx,
  programId: string,
  now: string,
): Promise<Pick<ProgramApplicationTable, 'id' | 'unit_code' | 'status'>[]> {
  const open = await db
    .selectFrom('program_applications')
    .select(['id', 'unit_code', 'status'])
    .where('program_id', '=', programId)
    .where('status', 'in', OPEN_APPLICATION_STATUSES)
    .execute();
  await db
    .updateTable('program_applications')
    .set((eb) => ({
      status: 'closed',
      reviewer_region: null,
      quota_region: null,
      decided_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('program_id', '=', programId)
    .where('status', 'in', OPEN_APPLICATION_STATUSES)
    .execute();
  return open;
}
