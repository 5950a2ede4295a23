import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Texts that may hold sealed personal numbers (SECURITY.md 30) grow by about 40 characters a number, so a
 * note filled to its limit no longer fits a bounded column: on PostgreSQL they become `text` (the input's
 * own limit still applies). SQLite does not enforce a declared length; nothing to do there.
 */
const COLUMNS: [table: string, column: string][] = [
  ['mediation_cases', 'referral_note'],
  ['mediation_cases', 'confirmation_note'],
  ['mediation_cases', 'performance_note'],
  ['mediation_cases', 'failure_reason'],
  ['mediation_cases', 'visit_note'],
  ['mediation_sessions', 'participants'],
  ['mediation_screenings', 'note'],
  ['mediation_aid', 'hardship'],
  ['mediation_aid', 'review_reason'],
  ['mediation_aid', 'result_note'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of COLUMNS)
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('text'))
      .execute();
}
