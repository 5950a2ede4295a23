import type { Kysely } from 'kysely';
import { widenFreeTextColumns } from '../../../core/db/free-text-columns.ts';

/** Free-text columns that may hold sealed personal numbers become `text` on PostgreSQL (see widenFreeTextColumns). */
const COLUMNS: [table: string, column: string][] = [
  ['indicator_reports', 'review_note'],
  ['assessment_scores', 'note'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await widenFreeTextColumns(db, COLUMNS);
}
