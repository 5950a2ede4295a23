import type { Kysely } from 'kysely';

/**
 * 试点村 as the legal module knows them: its own record of the programmes module's designations of
 * villages (kept from the `programs.designated` / `programs.revoked` events, never read from the
 * programmes' tables), so coverage can be given for the pilot villages (issue 3 Deliver 2).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('legal_pilot_villages')
    .addColumn('designation_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('village_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_pilot_villages_village').on('legal_pilot_villages').column('village_code').execute();
}
