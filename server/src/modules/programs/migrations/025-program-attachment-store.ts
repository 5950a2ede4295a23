import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { KindedAttachmentTable } from '../../../core/files/attachments.ts';

/** The base64 table of migration 020, as it was. */
interface Base64AttachmentRow {
  id: string;
  application_id: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content_b64: string;
  created_by: string;
  created_at: string;
}

/** Files decoded per statement while moving: a few dozen MB at most in memory. */
const MOVE_BATCH = 20;

/**
 * 申报附件 move to the shared attachment shape (core/files, decision 68): the bytes in a binary
 * column instead of base64 text, owner = the application, with the kind kept. Every stored file is
 * decoded and moved as it is (its type and size were checked when it came in), then the old table goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('program_attachments_store')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull().references('program_applications.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(120)', (c) => c.notNull())
    // Wide enough for the Word and Excel files the base64 upload took.
    .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  const tables = db as unknown as Kysely<{ program_attachments: Base64AttachmentRow; program_attachments_store: KindedAttachmentTable }>;
  const ids = (await tables.selectFrom('program_attachments').select('id').orderBy('created_at').orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += MOVE_BATCH) {
    const rows = await tables
      .selectFrom('program_attachments')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + MOVE_BATCH))
      .execute();
    await tables
      .insertInto('program_attachments_store')
      .values(
        rows.map((r) => ({
          id: r.id,
          owner_id: r.application_id,
          kind: r.kind,
          file_name: r.filename,
          content_type: r.mime,
          size: r.size,
          sha256: r.sha256,
          data: Buffer.from(r.content_b64, 'base64'),
          uploaded_by: r.created_by,
          uploaded_at: r.created_at,
        })),
      )
      .execute();
  }
  await db.schema.dropTable('program_attachments').execute();
  await db.schema.alterTable('program_attachments_store').renameTo('program_attachments').execute();
  await db.schema.createIndex('program_attachments_owner').on('program_attachments').columns(['owner_id', 'kind']).execute();
}
