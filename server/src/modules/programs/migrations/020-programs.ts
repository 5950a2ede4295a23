import { type Kysely } from 'kysely';

/** 试点示范: programmes, milestones, quotas, applications with plan versions, reviews, designations. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organiser_region', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('organiser_level', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('batch', 'varchar(30)', (c) => c.notNull())
    .addColumn('unit_level', 'varchar(10)', (c) => c.notNull())
    .addColumn('honour_title', 'varchar(40)', (c) => c.notNull())
    .addColumn('content_areas', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('required_attachments', 'text', (c) => c.notNull())
    .addColumn('review_chain', 'text', (c) => c.notNull())
    .addColumn('quota_level', 'varchar(10)')
    .addColumn('cycle_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('cycle_end', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('programs_organiser').on('programs').columns(['organiser_region', 'created_at']).execute();

  await db.schema
    .createTable('program_milestones')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('programs.id'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('extended_to', 'varchar(10)')
    .addColumn('extension_reason', 'varchar(200)')
    .addColumn('closes_submission', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_milestones_program').on('program_milestones').columns(['program_id', 'sort']).execute();

  await db.schema
    .createTable('program_quotas')
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('programs.id'))
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('max_units', 'integer', (c) => c.notNull())
    .addColumn('suggested', 'integer')
    .addPrimaryKeyConstraint('program_quotas_pk', ['program_id', 'region_code'])
    .execute();

  await db.schema
    .createTable('program_applications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('programs.id'))
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewer_region', 'varchar(15)')
    .addColumn('quota_region', 'varchar(15)')
    .addColumn('content_areas', 'text', (c) => c.notNull())
    .addColumn('condition_answers', 'text', (c) => c.notNull())
    .addColumn('plan_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', 'varchar(30)')
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // One application per unit and programme, held by the database (a second one is a 409).
  await db.schema
    .createIndex('program_applications_unit')
    .on('program_applications')
    .columns(['program_id', 'unit_code'])
    .unique()
    .execute();
  await db.schema.createIndex('program_applications_scope').on('program_applications').columns(['unit_code', 'status']).execute();
  await db.schema.createIndex('program_applications_reviewer').on('program_applications').columns(['reviewer_region', 'status']).execute();
  await db.schema.createIndex('program_applications_quota').on('program_applications').columns(['program_id', 'quota_region']).execute();

  await db.schema
    .createTable('program_plan_versions')
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('program_applications.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)')
    .addPrimaryKeyConstraint('program_plan_versions_pk', ['application_id', 'version'])
    .execute();

  await db.schema
    .createTable('program_attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('program_applications.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('filename', 'varchar(120)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content_b64', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_attachments_application').on('program_attachments').columns(['application_id', 'kind']).execute();

  await db.schema
    .createTable('program_reviews')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('program_applications.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('reviewer_region', 'varchar(15)', (c) => c.notNull())
    .addColumn('decision', 'varchar(10)', (c) => c.notNull())
    .addColumn('comment', 'varchar(1000)', (c) => c.notNull())
    .addColumn('plan_version', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_reviews_application').on('program_reviews').columns(['application_id', 'at']).execute();

  await db.schema
    .createTable('program_designations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('program_id', 'varchar(36)', (c) => c.notNull().references('programs.id'))
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('program_applications.id'))
    .addColumn('unit_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('title', 'varchar(40)', (c) => c.notNull())
    .addColumn('designated_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_until', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('status_reason', 'varchar(500)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_designations_application').on('program_designations').column('application_id').unique().execute();
  await db.schema.createIndex('program_designations_unit').on('program_designations').columns(['unit_code', 'status']).execute();
}
