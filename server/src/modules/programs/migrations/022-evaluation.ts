import { type Kysely } from 'kysely';

/** 年度总结、评分模板、绩效评价与考核验收 (P2.4(4), P3.4(5)). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('program_reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('designation_id', 'varchar(36)', (c) => c.notNull().references('program_designations.id'))
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('reviewer_region', 'varchar(15)', (c) => c.notNull())
    .addColumn('review_comment', 'varchar(1000)')
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('reviewed_at', 'varchar(30)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('program_reports_year').on('program_reports').columns(['designation_id', 'year']).unique().execute();
  await db.schema.createIndex('program_reports_reviewer').on('program_reports').columns(['reviewer_region', 'status']).execute();
  await db.schema
    .createTable('program_templates')
    .addColumn('program_id', 'varchar(36)', (c) => c.primaryKey().references('programs.id'))
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('program_evaluations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('designation_id', 'varchar(36)', (c) => c.notNull().references('program_designations.id'))
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('programs.id'))
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('total_x10', 'integer', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('honour_title', 'varchar(40)')
    .addColumn('evaluator_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('evaluator_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('evaluated_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('program_evaluations_designation')
    .on('program_evaluations')
    .columns(['designation_id', 'created_at'])
    .execute();
}
