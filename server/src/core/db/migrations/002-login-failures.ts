import type { Kysely } from 'kysely';

/**
 * Failed logins of names that are not accounts, counted and locked exactly like accounts
 * (SECURITY.md 3), so the answers cannot tell the two apart.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(30)')
    .execute();
}
