import { type Kysely } from 'kysely';

/** 典型案例 with their content areas (P2.4(3) 示范引领). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('program_cases')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('program_id', 'varchar(36)', (c) => c.references('programs.id'))
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('summary', 'varchar(500)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('review_comment', 'varchar(1000)')
    .addColumn('published_on', 'varchar(10)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('program_cases_unit').on('program_cases').columns(['unit_code', 'status']).execute();
  await db.schema.createIndex('program_cases_published').on('program_cases').columns(['status', 'published_on']).execute();
  await db.schema
    .createTable('program_case_areas')
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('program_cases.id'))
    .addColumn('area_key', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_case_areas_pk', ['case_id', 'area_key'])
    .execute();
  await db.schema.createIndex('program_case_areas_area').on('program_case_areas').columns(['area_key', 'case_id']).execute();
}
