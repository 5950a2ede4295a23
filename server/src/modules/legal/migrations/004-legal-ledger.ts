import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * 一次一记 and the three windows (P1.4(1), P1.4(3)): the service ledger with its versions and
 * attachments, the advisor's user account, per-region roll-up counts for the dashboard, service
 * norms, the village's legal service room and villagers' online questions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Attachments live in the database so that a backup holds the evidence with its ledger entries.
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .alterTable('legal_advisors')
    .addColumn('user_id', 'varchar(36)', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('legal_advisors_user').on('legal_advisors').column('user_id').unique().execute();

  await db.schema
    .createTable('legal_services')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('village_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('advisor_id', 'varchar(36)', (c) => c.notNull().references('legal_advisors.id'))
    .addColumn('service_window', 'varchar(10)', (c) => c.notNull())
    .addColumn('service_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject_kind', 'varchar(15)', (c) => c.notNull())
    .addColumn('subject_name', 'varchar(60)')
    .addColumn('served_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('attendance', 'integer')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('review_comment', 'varchar(500)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_services_village').on('legal_services').columns(['village_code', 'served_at']).execute();
  await db.schema.createIndex('legal_services_advisor').on('legal_services').columns(['advisor_id', 'served_at']).execute();

  await db.schema
    .createTable('legal_service_versions')
    .addColumn('service_id', 'varchar(36)', (c) => c.notNull().references('legal_services.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('edited_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)')
    .addPrimaryKeyConstraint('legal_service_versions_pk', ['service_id', 'version'])
    .execute();

  await db.schema
    .createTable('legal_attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(60)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_attachments_owner').on('legal_attachments').column('owner_id').execute();

  // Counts per region (the village and each ancestor), month, window and type, kept in the
  // ledger's own transaction: the dashboard reads a few hundred rows for any region.
  await db.schema
    .createTable('legal_service_counts')
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('service_window', 'varchar(10)', (c) => c.notNull())
    .addColumn('service_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('legal_service_counts_pk', ['region_code', 'month', 'service_window', 'service_type'])
    .execute();

  await db.schema
    .createTable('legal_norms')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('service_window', 'varchar(10)')
    .addColumn('service_type', 'varchar(20)')
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('min_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_norms_region').on('legal_norms').column('region_code').execute();

  await db.schema
    .createTable('legal_rooms')
    .addColumn('village_code', 'varchar(15)', (c) => c.primaryKey().references('regions.code'))
    .addColumn('place', 'varchar(100)', (c) => c.notNull())
    .addColumn('hours', 'varchar(100)', (c) => c.notNull())
    .addColumn('hotline', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legal_consultations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('village_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('asked_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'varchar(30)')
    .addColumn('advisor_id', 'varchar(36)', (c) => c.references('legal_advisors.id'))
    .addColumn('service_id', 'varchar(36)', (c) => c.references('legal_services.id'))
    .execute();
  await db.schema.createIndex('legal_consultations_village').on('legal_consultations').columns(['village_code', 'asked_at']).execute();
  await db.schema.createIndex('legal_consultations_asker').on('legal_consultations').columns(['asked_by', 'asked_at']).execute();
}
