import type { DbOrTx, Tx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { IndicatorPeriodLockTable, IndicatorReportTable } from './indicators.tables.ts';

/** A report's values that a submission writes (everything but its identity and version). */
export type ReportValues = Omit<IndicatorReportTable, 'id' | 'unit_code' | 'period' | 'version'>;

export async function findReport(db: DbOrTx, id: string): Promise<IndicatorReportTable | undefined> {
  return db.selectFrom('indicator_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The village's form for the quarter, if it has one. */
export async function findReportOf(db: DbOrTx, unitCode: string, period: string): Promise<IndicatorReportTable | undefined> {
  return db.selectFrom('indicator_reports').selectAll().where('unit_code', '=', unitCode).where('period', '=', period).executeTakeFirst();
}

export async function insertReport(tx: Tx, row: IndicatorReportTable): Promise<void> {
  await tx.insertInto('indicator_reports').values(row).execute();
}

/** Writes the changes when the row still has `version` (optimistic concurrency); false when it has moved on. */
export async function updateReportVersioned(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<Omit<IndicatorReportTable, 'id'>>,
): Promise<boolean> {
  const updated = await tx
    .updateTable('indicator_reports')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** One page of the period's forms inside `scope`, submitted ones first, and their number. */
export async function listReports(
  db: DbOrTx,
  filter: { scope: string; period: string; status?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: IndicatorReportTable[]; total: number }> {
  let base = db
    .selectFrom('indicator_reports')
    .where('period', '=', filter.period)
    .where((eb) => withinScope(eb, 'unit_code', filter.scope));
  if (filter.status) base = base.where('status', '=', filter.status);
  const rows = await base.selectAll().orderBy('status', 'desc').orderBy('unit_code').offset(page.offset).limit(page.limit).execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Whether any of the regions locked the period. */
export async function isLockedAt(db: DbOrTx, period: string, regionCodes: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('indicator_period_locks')
    .select('region_code')
    .where('period', '=', period)
    .where('region_code', 'in', [...regionCodes])
    .executeTakeFirst();
  return row !== undefined;
}

/** The regions that locked the period (few: towns and above). */
export async function lockedRegions(db: DbOrTx, period: string): Promise<Set<string>> {
  const rows = await db.selectFrom('indicator_period_locks').select('region_code').where('period', '=', period).execute();
  return new Set(rows.map((l) => l.region_code));
}

export async function insertLock(tx: Tx, row: IndicatorPeriodLockTable): Promise<void> {
  await tx.insertInto('indicator_period_locks').values(row).execute();
}
