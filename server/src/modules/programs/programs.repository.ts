import type { UnitLevel } from '@rg/domain/programs/catalog';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { ProgramMilestoneTable, ProgramQuotaTable, ProgramTable, ProgramTemplateTable } from './programs.tables.ts';

/**
 * 试点示范项目: programmes, their milestones, quotas and scoring templates. Kysely only; every list
 * takes a scope. Region names come from the shared `regions` table, which this module reads but never writes.
 */
export type ProgramRow = ProgramTable & { organiser_name: string };

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
export async function listPrograms(db: DbOrTx, scope: string, unitLevel?: UnitLevel): Promise<ProgramRow[]> {
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

export async function findTemplate(db: DbOrTx, programId: string): Promise<ProgramTemplateTable | undefined> {
  return db.selectFrom('program_templates').selectAll().where('program_id', '=', programId).executeTakeFirst();
}

export async function replaceTemplate(db: DbOrTx, row: ProgramTemplateTable): Promise<void> {
  await db.deleteFrom('program_templates').where('program_id', '=', row.program_id).execute();
  await db.insertInto('program_templates').values(row).execute();
}
