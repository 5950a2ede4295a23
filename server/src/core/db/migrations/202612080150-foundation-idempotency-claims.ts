import { sql, type Kysely } from 'kysely';

/**
 * Idempotency keys are claimed inside the business transaction before its answer exists (issue 15
 * finding 1): the answer columns become optional, and the row keeps the claiming request's id and the
 * object its transaction audited first, which a retry re-reads when a crash left no stored answer.
 * SQLite cannot drop NOT NULL in place, so the table is rebuilt on both databases; the keys of the
 * last day are carried over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_claims')
    .addColumn('key', 'varchar(100)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(64)')
    .addColumn('status_code', 'integer')
    .addColumn('response', 'text')
    .addColumn('object_type', 'varchar(60)')
    .addColumn('object_id', 'varchar(64)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_claims_pk', ['user_id', 'key'])
    .execute();
  await sql`insert into idempotency_claims (key, user_id, request_hash, status_code, response, created_at)
    select key, user_id, request_hash, status_code, response, created_at from idempotency_keys`.execute(db);
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.alterTable('idempotency_claims').renameTo('idempotency_keys').execute();
}
