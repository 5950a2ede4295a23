import type { Kysely } from 'kysely';
import { widenFreeTextColumns } from '../../../core/db/free-text-columns.ts';

/** Free-text columns that may hold sealed personal numbers become `text` on PostgreSQL (see widenFreeTextColumns). */
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
  await widenFreeTextColumns(db, COLUMNS);
}
