import type { Kysely } from 'kysely';
import { widenFreeTextColumns } from '../../../core/db/free-text-columns.ts';

/** Free-text columns that may hold sealed personal numbers become `text` on PostgreSQL (see widenFreeTextColumns). */
const COLUMNS: [table: string, column: string][] = [
  ['program_milestones', 'extension_reason'],
  ['program_reviews', 'comment'],
  ['program_designations', 'status_reason'],
  ['program_agencies', 'duties'],
  ['program_tasks', 'description'],
  ['program_reports', 'review_comment'],
  ['program_cases', 'summary'],
  ['program_cases', 'review_comment'],
  ['programs', 'withdrawal_reason'],
  ['programs', 'description'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await widenFreeTextColumns(db, COLUMNS);
}
