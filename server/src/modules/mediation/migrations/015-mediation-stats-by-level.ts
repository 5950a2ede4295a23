import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * Statistics rows keyed by their level first (decision 74). Every read names the level (a place's own
 * rows, its children's, the provinces'), and the write path adds to five levels per case; one primary
 * key (level, region, month, type) now serves both, where the rows had a primary key and a level index.
 * On SQLite the table becomes WITHOUT ROWID, so a case's additions change one b-tree per row, not three
 * (the rowid table, the primary-key index and the level index), and the reads are covering.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('mediation_stats_level').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table mediation_stats drop constraint mediation_stats_pk`.execute(db);
    await sql`alter table mediation_stats add constraint mediation_stats_pk primary key (level, region_code, month, case_type)`.execute(db);
    return;
  }
  const counter = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
  await db.schema
    .createTable('mediation_stats_by_level')
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('case_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('registered', 'integer', counter)
    .addColumn('success', 'integer', counter)
    .addColumn('failed', 'integer', counter)
    .addColumn('closed', 'integer', counter)
    .addColumn('performed', 'integer', counter)
    .addColumn('partly', 'integer', counter)
    .addColumn('not_performed', 'integer', counter)
    .addColumn('overdue_concluded', 'integer', counter)
    .addColumn('duration_days', 'integer', counter)
    .addPrimaryKeyConstraint('mediation_stats_pk', ['level', 'region_code', 'month', 'case_type'])
    .modifyEnd(sql`without rowid`)
    .execute();
  const columns = sql.raw(
    'region_code, level, month, case_type, registered, success, failed, closed, performed, partly, not_performed, overdue_concluded, duration_days',
  );
  await sql`insert into mediation_stats_by_level (${columns}) select ${columns} from mediation_stats`.execute(db);
  await sql`drop table mediation_stats`.execute(db);
  await sql`alter table mediation_stats_by_level rename to mediation_stats`.execute(db);
}
