import type { DbOrTx } from '../../core/db/schema.ts';
import type { ProgramEvaluationTable, ProgramReportTable } from './programs.tables.ts';

/** 年度总结 and 评价 of designated units. Kysely only. */

export async function findReport(db: DbOrTx, id: string): Promise<ProgramReportTable | undefined> {
  return db.selectFrom('program_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReportOfYear(db: DbOrTx, designationId: string, year: number): Promise<ProgramReportTable | undefined> {
  return db
    .selectFrom('program_reports')
    .selectAll()
    .where('designation_id', '=', designationId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function reportsOf(db: DbOrTx, designationId: string): Promise<ProgramReportTable[]> {
  return db.selectFrom('program_reports').selectAll().where('designation_id', '=', designationId).orderBy('year', 'desc').execute();
}

/** The accepted reports of these designations, oldest year first (the programme summary). */
export async function acceptedReportsOf(db: DbOrTx, designationIds: readonly string[]): Promise<ProgramReportTable[]> {
  if (designationIds.length === 0) return [];
  return db
    .selectFrom('program_reports')
    .selectAll()
    .where('designation_id', 'in', [...designationIds])
    .where('status', '=', 'accepted')
    .orderBy('year')
    .execute();
}

export async function insertReport(db: DbOrTx, row: ProgramReportTable): Promise<void> {
  await db.insertInto('program_reports').values(row).execute();
}

/** Optimistic update: false when someone changed the report since `version` (409). */
export async function updateReport(db: DbOrTx, id: string, version: number, changes: Partial<ProgramReportTable>): Promise<boolean> {
  const result = await db
    .updateTable('program_reports')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Reports waiting at `reviewerRegion` (the reviewer's todo). */
export async function countReportsAwaiting(db: DbOrTx, reviewerRegion: string): Promise<number> {
  const row = await db
    .selectFrom('program_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'submitted')
    .where('reviewer_region', '=', reviewerRegion)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The evaluations of these designations in the order they were made (`desc`: newest first). */
export async function evaluationsOf(
  db: DbOrTx,
  designationIds: readonly string[],
  order: 'asc' | 'desc',
): Promise<ProgramEvaluationTable[]> {
  if (designationIds.length === 0) return [];
  return db
    .selectFrom('program_evaluations')
    .selectAll()
    .where('designation_id', 'in', [...designationIds])
    .orderBy('created_at', order)
    .execute();
}

export async function insertEvaluation(db: DbOrTx, row: ProgramEvaluationTable): Promise<void> {
  await db.insertInto('program_evaluations').values(row).execute();
}
