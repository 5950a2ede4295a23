import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Texts that may hold sealed personal numbers (SECURITY.md 30, decision 95) grow by about 40 characters a
 * number, so a note filled to its limit no longer fits a bounded column: on PostgreSQL such columns become
 * `text` (the input's own limit still applies). SQLite does not enforce a declared length; nothing to do
 * there. For the modules' migrations that widen their free-text columns.
 */
export async function widenFreeTextColumns(db: Kysely<unknown>, columns: readonly [table: string, column: string][]): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of columns)
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('text'))
      .execute();
}
