import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * 案件附件: the agreement as the parties signed it, photos of the site, evidence. Kept in the database,
 * like the legal ledger's, so a backup holds the evidence with its case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('mediation_attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull().references('mediation_cases.id'))
    .addColumn('file_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(60)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_attachments_owner').on('mediation_attachments').column('owner_id').execute();
}
