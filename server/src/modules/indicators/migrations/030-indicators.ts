import type { Kysely } from 'kysely';

/**
 * The seed's targets (DOMAIN.md "Targets named in the seed"), set for the nation ('00') so every
 * region inherits them until a nearer region sets its own. The pilot year's end is the due date.
 */
const SEED_TARGETS = [
  { id: '00000000-0000-4000-8000-000000000301', indicator_code: 'safety.six_none', value: 80 }, // P3.3(三)2
  { id: '00000000-0000-4000-8000-000000000302', indicator_code: 'safety.safe_families', value: 97 }, // P3.3(三)2
  { id: '00000000-0000-4000-8000-000000000303', indicator_code: 'safety.centre_standardized', value: 90 }, // P3.3(三)2
  { id: '00000000-0000-4000-8000-000000000304', indicator_code: 'safety.resident_police', value: 100 }, // P3.3(三)2
  { id: '00000000-0000-4000-8000-000000000305', indicator_code: 'legal.poor_village_coverage', value: 100 }, // P1.4(2)
  { id: '00000000-0000-4000-8000-000000000306', indicator_code: 'mediation.staffing', value: 100 }, // P3.3(三)1
];

/** 指标: targets, the roll-up, reported forms and period locks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('indicator_targets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('indicator_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('program_code', 'varchar(60)')
    .addColumn('comparison', 'varchar(3)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_targets_region').on('indicator_targets').columns(['region_code', 'indicator_code']).execute();

  // The roll-up: keyed by region first, so a scorecard (one region, all indicators, a few periods)
  // and the ranking of children (a handful of regions) are short primary-key range reads.
  await db.schema
    .createTable('indicator_rollups')
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('indicator_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('num', 'bigint', (c) => c.notNull())
    .addColumn('den', 'bigint', (c) => c.notNull())
    .addColumn('own_num', 'bigint', (c) => c.notNull())
    .addColumn('own_den', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_rollups_pk', ['region_code', 'indicator_code', 'period'])
    .execute();

  await db.schema
    .createTable('indicator_unit_paths')
    .addColumn('unit_code', 'varchar(15)', (c) => c.primaryKey())
    .addColumn('path', 'varchar(80)', (c) => c.notNull())
    .execute();

  // Raw counted facts: append-only, no index (written on every event, read only to rebuild).
  await db.schema
    .createTable('indicator_facts')
    .addColumn('indicator_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('num', 'integer', (c) => c.notNull())
    .addColumn('den', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indicator_reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('six_none', 'integer', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('safe_families', 'integer', (c) => c.notNull())
    .addColumn('centre_standardized', 'integer', (c) => c.notNull())
    .addColumn('police_on_committee', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('reviewed_at', 'varchar(30)')
    .addColumn('reviewed_by', 'varchar(60)')
    .addColumn('review_note', 'varchar(200)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('indicator_reports_unit_period').on('indicator_reports').columns(['unit_code', 'period']).unique().execute();
  await db.schema
    .createIndex('indicator_reports_period_status')
    .on('indicator_reports')
    .columns(['period', 'status', 'unit_code'])
    .execute();

  await db.schema
    .createTable('indicator_period_locks')
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('locked_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('locked_by', 'varchar(60)', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_period_locks_pk', ['region_code', 'period'])
    .execute();

  await db
    .insertInto('indicator_targets' as never)
    .values(
      SEED_TARGETS.map((t) => ({
        ...t,
        region_code: '00',
        program_code: null,
        comparison: 'gte',
        due_date: '2026-12-31',
        created_at: '2026-01-01T00:00:00.000Z',
      })) as never,
    )
    .execute();
}
