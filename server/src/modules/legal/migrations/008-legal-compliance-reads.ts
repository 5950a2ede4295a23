import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Reads of 履职情况 for a province (issue 3 "Speed": the dashboard under 100 ms over ~16,000 served
 * villages):
 * - the current assignments' villages and advisors come from an index alone (the partial index must
 *   hold `end_date` for SQLite to treat it as covering);
 * - on SQLite, `legal_village_months` becomes a WITHOUT ROWID table, so a month's rows are read in
 *   primary-key order with their counts, not each through a rowid lookup. PostgreSQL keeps its table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('legal_assignments_current_advisor')
    .on('legal_assignments')
    .columns(['village_code', 'advisor_id', 'end_date'])
    .where(sql.ref('end_date'), 'is', null)
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'legal_village_months'`.execute(
    db,
  );
  // The table's own definition, renamed, so the columns stay exactly those of migration 007.
  const ddl = rows[0]?.sql;
  if (!ddl) throw new Error('legal_village_months is missing');
  await sql.raw(`${ddl.replace(/"?legal_village_months"?\s*\(/, '"legal_village_months_clustered" (')} without rowid`).execute(db);
  await sql`insert into legal_village_months_clustered select * from legal_village_months`.execute(db);
  await sql`drop table legal_village_months`.execute(db);
  await sql`alter table legal_village_months_clustered rename to legal_village_months`.execute(db);
}
