import type { Kysely } from 'kysely';

/** One row that /api/ready rewrites: its write probe (issue 15 finding 5, "health that tells the truth"). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('readiness_probe')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('probed_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}
