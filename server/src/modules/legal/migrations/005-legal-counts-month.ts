import type { Kysely } from 'kysely';

/** Compliance reads one period for many villages: the counts by month first, then by region. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('legal_service_counts_month').on('legal_service_counts').columns(['month', 'region_code']).execute();
}
