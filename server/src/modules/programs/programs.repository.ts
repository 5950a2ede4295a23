import { OPEN_APPLICATION_STATUSES, type ApplicationListQuery } from '@rg/domain/programs/application.schema';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type {
  ProgramApplicationTable,
  ProgramDesignationTable,
  ProgramMilestoneTable,
  ProgramPlanVersionTable,
  ProgramQuotaTable,
  ProgramReviewTable,
  ProgramTable,
} from './programs.tables.ts';

/**
 * Kysely only; every list takes a scope. Region names come from the shared `regions` table, which
 * this module reads but never writes.
 */
export type ProgramRow = ProgramTable & { organiser_name: string };
export type ApplicationRow = ProgramApplicationTable & { unit_name: string; program_name: string; reviewer_name: string | null };
export type DesignationRow = ProgramDesignationTable & { unit_name: string; program_name: string; batch: string; organiser_region: string };

function programs(db: DbOrTx) {
  return db
    .selectFrom('programs as p')
    .innerJoin('regions as o', 'o.code', 'p.organiser_region')
    .selectAll('p')
    .select('o.name as organiser_name');
}

export async function findProgram(db: DbOrTx, id: string): Promise<ProgramRow | undefined> {
  return programs(db).where('p.id', '=', id).executeTakeFirst();
}

/**
 * The programme inside a write that depends on its conditions, attachments or review chain. On
 * PostgreSQL its row is share-locked: an edit (which updates that row) and this write then run one
 * after the other and each judges the other's outcome (SQLite serialises writers already).
 */
export async function findProgramLocked(db: DbOrTx, id: string, postgres: boolean): Promise<ProgramRow | undefined> {
  const query = programs(db).where('p.id', '=', id);
  return (postgres ? query.forShare('p') : query).executeTakeFirst();
}

/** Programmes organised inside `scope` or by one of its ancestors (a county sees the national batch). */
export async function listPrograms(db: DbOrTx, scope: string, unitLevel?: string): Promise<ProgramRow[]> {
  const above = [...ancestorsOf(scope), scope];
  let query = programs(db).where((eb) => eb.or([withinScope(eb, 'p.organiser_region', scope), eb('p.organiser_region', 'in', above)]));
  if (unitLevel) query = query.where('p.unit_level', '=', unitLevel);
  return query.orderBy('p.cycle_start', 'desc').orderBy('p.created_at', 'desc').execute();
}

export async function insertProgram(db: DbOrTx, row: ProgramTable): Promise<void> {
  await db.insertInto('programs').values(row).execute();
}

/** Optimistic update of an active programme: false when it changed since `version` or was withdrawn (409). */
export async function updateProgram(db: DbOrTx, id: string, version: number, changes: Partial<ProgramTable>): Promise<boolean> {
  const result = await db
    .updateTable('programs')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function milestonesOf(db: DbOrTx, programIds: readonly string[]): Promise<ProgramMilestoneTable[]> {
  if (programIds.length === 0) return [];
  return db
    .selectFrom('program_milestones')
    .selectAll()
    .where('program_id', 'in', [...programIds])
    .orderBy('sort')
    .execute();
}

export async function insertMilestone(db: DbOrTx, row: ProgramMilestoneTable): Promise<void> {
  await db.insertInto('program_milestones').values(row).execute();
}

export async function findMilestone(db: DbOrTx, programId: string, id: string): Promise<ProgramMilestoneTable | undefined> {
  return db.selectFrom('program_milestones').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
}

export async function deleteMilestone(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('program_milestones').where('id', '=', id).execute();
}

export async function extendMilestone(db: DbOrTx, id: string, dueDate: string, reason: string): Promise<void> {
  await db.updateTable('program_milestones').set({ extended_to: dueDate, extension_reason: reason }).where('id', '=', id).execute();
}

export async function quotasOf(db: DbOrTx, programId: string): Promise<(ProgramQuotaTable & { region_name: string; used: number })[]> {
  const rows = await db
    .selectFrom('program_quotas as q')
    .innerJoin('regions as r', 'r.code', 'q.region_code')
    .selectAll('q')
    .select('r.name as region_name')
    .select((eb) =>
      eb
        .selectFrom('program_applications as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.program_id', '=', 'q.program_id')
        .whereRef('a.quota_region', '=', 'q.region_code')
        .where('a.status', '!=', 'rejected')
        .as('used'),
    )
    .where('q.program_id', '=', programId)
    .orderBy('q.region_code')
    .execute();
  return rows.map((r) => ({ ...r, used: Number(r.used ?? 0) }));
}

export async function replaceQuotas(db: DbOrTx, programId: string, rows: ProgramQuotaTable[]): Promise<void> {
  await db.deleteFrom('program_quotas').where('program_id', '=', programId).execute();
  if (rows.length > 0) await db.insertInto('program_quotas').values(rows).execute();
}

/**
 * The quota of `region` with the units counted against it, read for update on PostgreSQL so two
 * reviewers of one province cannot both take its last place (SQLite serialises writers already).
 */
export async function quotaForUpdate(
  db: DbOrTx,
  programId: string,
  region: string,
  postgres: boolean,
): Promise<{ max: number; used: number } | null> {
  let query = db.selectFrom('program_quotas').select('max_units').where('program_id', '=', programId).where('region_code', '=', region);
  if (postgres) query = query.forUpdate();
  const quota = await query.executeTakeFirst();
  if (!quota) return null;
  const used = await db
    .selectFrom('program_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .where('quota_region', '=', region)
    .where('status', '!=', 'rejected')
    .executeTakeFirstOrThrow();
  return { max: quota.max_units, used: Number(used.n) };
}

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

function designations(db: DbOrTx) {
  return db
    .selectFrom('program_designations as d')
    .innerJoin('regions as u', 'u.code', 'd.unit_code')
    .innerJoin('programs as p', 'p.id', 'd.program_id')
    .selectAll('d')
    .select(['u.name as unit_name', 'p.name as program_name', 'p.batch', 'p.organiser_region']);
}

export async function findDesignation(db: DbOrTx, id: string): Promise<DesignationRow | undefined> {
  return designations(db).where('d.id', '=', id).executeTakeFirst();
}

export async function listDesignations(db: DbOrTx, scope: string, programId?: string): Promise<DesignationRow[]> {
  let q = designations(db).where((eb) => withinScope(eb, 'd.unit_code', scope));
  if (programId) q = q.where('d.program_id', '=', programId);
  return q.orderBy('d.designated_on', 'desc').orderBy('d.unit_code').limit(1000).execute();
}

export async function insertDesignation(db: DbOrTx, row: ProgramDesignationTable): Promise<void> {
  await db.insertInto('program_designations').values(row).execute();
}

/** Moves a designation from one of `from` to `status`; false when it was not in one of them (409). */
export async function setDesignationStatus(
  db: DbOrTx,
  id: string,
  from: readonly string[],
  status: string,
  reason: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('program_designations')
    .set({ status, status_reason: reason, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
