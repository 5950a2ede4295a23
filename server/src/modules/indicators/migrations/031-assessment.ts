import type { Kysely } from 'kysely';

/** 考核 (P1.5(3)): rounds, assessed units with their subsidy share, item scores with evidence. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_rounds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('template_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('assessors', 'text', (c) => c.notNull())
    .addColumn('pool_fen', 'bigint')
    .addColumn('allocation_rule', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_rounds_region').on('assessment_rounds').columns(['region_code', 'period']).execute();

  await db.schema
    .createTable('assessment_units')
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('allocation_fen', 'bigint')
    .addColumn('calculation', 'varchar(300)')
    .addPrimaryKeyConstraint('assessment_units_pk', ['round_id', 'unit_code'])
    .execute();

  await db.schema
    .createTable('assessment_scores')
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('item_code', 'varchar(30)', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('auto', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(200)')
    .addColumn('scored_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('scored_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_scores_pk', ['round_id', 'unit_code', 'item_code'])
    .execute();
}
