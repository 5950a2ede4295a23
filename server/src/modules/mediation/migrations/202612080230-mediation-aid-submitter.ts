import type { Kysely } from 'kysely';

/**
 * 申请录入人: who typed in a legal-aid application, so that they never review it (issue 15 finding 9,
 * SECURITY.md 10, four-eyes). Applications entered before this migration stay unknown (null): anyone
 * else holding `mediation.aid` may review them, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mediation_aid').addColumn('submitted_by', 'varchar(36)').execute();
}
