import { sql, type Kysely } from 'kysely';

/**
 * 提交人: who last submitted an application, a yearly report or a typical case, so that whoever
 * submits never decides it (SECURITY.md 10, four-eyes). Rows submitted before this migration take
 * their creator, who submitted them in every flow the console offered; reports stay unknown (null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['program_applications', 'program_reports', 'program_cases']) {
    await db.schema.alterTable(table).addColumn('submitted_by', 'varchar(36)').execute();
  }
  await sql`update program_applications set submitted_by = created_by where submitted_at is not null`.execute(db);
  await sql`update program_cases set submitted_by = created_by`.execute(db);
}
