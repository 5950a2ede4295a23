import type { DesignationStatus } from '@rg/domain/programs/designation.schema';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { ProgramDesignationTable } from './programs.tables.ts';

/** 命名: the honour titles of approved units. Kysely only; every list takes a scope. */
export type DesignationRow = ProgramDesignationTable & { unit_name: string; program_name: string; batch: string; organiser_region: string };

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
  from: readonly DesignationStatus[],
  status: DesignationStatus,
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

export async function countDesignations(db: DbOrTx, programId: string): Promise<number> {
  const row = await db
    .selectFrom('program_designations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Live designations inside `scope` that covered `year` and have no yearly report for it (P2.4(4)). */
export async function countReportsDue(db: DbOrTx, scope: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('program_designations as d')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.status', '!=', 'revoked')
    .where((eb) => withinScope(eb, 'd.unit_code', scope))
    .where('d.designated_on', '<=', `${year}-12-31`)
    .where('d.valid_until', '>=', `${year}-01-01`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('program_reports as r').select('r.id').whereRef('r.designation_id', '=', 'd.id').where('r.year', '=', year),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** 三级创建看板: the live designations inside a county with each unit's level, newest first. */
export async function boardDesignations(db: DbOrTx, countyCode: string) {
  return db
    .selectFrom('program_designations as d')
    .innerJoin('regions as u', 'u.code', 'd.unit_code')
    .select(['d.id', 'd.unit_code', 'd.title', 'd.status', 'u.name', 'u.level'])
    .where((eb) => withinScope(eb, 'd.unit_code', countyCode))
    .where('d.status', '!=', 'revoked')
    .orderBy('d.designated_on', 'desc')
    .execute();
}
