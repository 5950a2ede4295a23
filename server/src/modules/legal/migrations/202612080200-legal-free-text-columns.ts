import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Texts that may hold sealed personal numbers (SECURITY.md 30) grow by about 40 characters a number, so a
 * note filled to its limit no longer fits a bounded column: on PostgreSQL they become `text` (the input's
 * own limit still applies). SQLite does not enforce a declared length; nothing to do there.
 */
const COLUMNS: [table: string, column: string][] = [
  ['legal_assignments', 'end_reason'],
  ['legal_services', 'review_comment'],
  ['legal_service_versions', 'reason'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of COLUMNS)
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('text'))
      .execute();
}
