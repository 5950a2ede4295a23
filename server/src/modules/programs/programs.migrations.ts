import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import type { KindedAttachmentTable } from '../../core/files/attachments.ts';

/** 试点示范: programmes, milestones, quotas, applications with plan versions, reviews, designations. */
const m020Programs: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
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
    await db.schema
      .createIndex('program_applications_reviewer')
      .on('program_applications')
      .columns(['reviewer_region', 'status'])
      .execute();
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
  },
};

/** 组织: leading groups with members, member agencies and tasks (P1.2, P1.5, plan 3 §五). */
const m021Organizations: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('program_groups')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('region_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
      .addColumn('program_id', 'varchar(36)', (c) => c.references('programs.id'))
      .addColumn('name', 'varchar(60)', (c) => c.notNull())
      .addColumn('office_name', 'varchar(60)', (c) => c.notNull())
      .addColumn('office_director', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('program_groups_region').on('program_groups').columns(['region_code', 'created_at']).execute();
    await db.schema
      .createTable('program_group_members')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('group_id', 'varchar(36)', (c) => c.notNull().references('program_groups.id'))
      .addColumn('person_name', 'varchar(30)', (c) => c.notNull())
      .addColumn('position', 'varchar(60)', (c) => c.notNull())
      .addColumn('role', 'varchar(10)', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('program_group_members_group').on('program_group_members').columns(['group_id', 'sort']).execute();
    await db.schema
      .createTable('program_agencies')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('group_id', 'varchar(36)', (c) => c.notNull().references('program_groups.id'))
      .addColumn('name', 'varchar(60)', (c) => c.notNull())
      .addColumn('role', 'varchar(10)', (c) => c.notNull())
      .addColumn('duties', 'varchar(500)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('program_agencies_group').on('program_agencies').column('group_id').execute();
    await db.schema
      .createTable('program_tasks')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('group_id', 'varchar(36)', (c) => c.notNull().references('program_groups.id'))
      .addColumn('title', 'varchar(100)', (c) => c.notNull())
      .addColumn('description', 'varchar(1000)', (c) => c.notNull())
      .addColumn('agency_id', 'varchar(36)', (c) => c.references('program_agencies.id'))
      .addColumn('assignee_name', 'varchar(30)')
      .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(12)', (c) => c.notNull())
      .addColumn('done_on', 'varchar(10)')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('program_tasks_group').on('program_tasks').columns(['group_id', 'due_date']).execute();
    await db.schema.createIndex('program_tasks_open').on('program_tasks').columns(['status', 'due_date']).execute();
  },
};

/** 年度总结、评分模板、绩效评价与考核验收 (P2.4(4), P3.4(5)). */
const m022Evaluation: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
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
  },
};

/** 典型案例 with their content areas (P2.4(3) 示范引领). */
const m023Cases: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
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
  },
};

/** 撤销: a programme's status, and when, by whom and why it was withdrawn. */
const m024Withdrawal: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // One column per statement: SQLite adds a single column at a time.
    await db.schema
      .alterTable('programs')
      .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('active'))
      .execute();
    await db.schema.alterTable('programs').addColumn('withdrawn_at', 'varchar(30)').execute();
    await db.schema.alterTable('programs').addColumn('withdrawn_by', 'varchar(36)').execute();
    await db.schema.alterTable('programs').addColumn('withdrawn_by_name', 'varchar(60)').execute();
    await db.schema.alterTable('programs').addColumn('withdrawal_reason', 'varchar(500)').execute();
  },
};

/** The base64 table of migration 020, as it was. */
interface Base64AttachmentRow {
  id: string;
  application_id: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content_b64: string;
  created_by: string;
  created_at: string;
}

/** Files decoded per statement while moving: a few dozen MB at most in memory. */
const MOVE_BATCH = 20;

/**
 * 申报附件 move to the shared attachment shape (core/files, decision 68): the bytes in a binary
 * column instead of base64 text, owner = the application, with the kind kept. Every stored file is
 * decoded and moved as it is (its type and size were checked when it came in), then the old table goes.
 */
const m025AttachmentStore: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
    await db.schema
      .createTable('program_attachments_store')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('owner_id', 'varchar(36)', (c) => c.notNull().references('program_applications.id'))
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('file_name', 'varchar(120)', (c) => c.notNull())
      // Wide enough for the Word and Excel files the base64 upload took.
      .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('data', binary, (c) => c.notNull())
      .addColumn('uploaded_by', 'varchar(36)', (c) => c.notNull())
      .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    const tables = db as unknown as Kysely<{ program_attachments: Base64AttachmentRow; program_attachments_store: KindedAttachmentTable }>;
    const ids = (await tables.selectFrom('program_attachments').select('id').orderBy('created_at').orderBy('id').execute()).map(
      (r) => r.id,
    );
    for (let i = 0; i < ids.length; i += MOVE_BATCH) {
      const rows = await tables
        .selectFrom('program_attachments')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + MOVE_BATCH))
        .execute();
      await tables
        .insertInto('program_attachments_store')
        .values(
          rows.map((r) => ({
            id: r.id,
            owner_id: r.application_id,
            kind: r.kind,
            file_name: r.filename,
            content_type: r.mime,
            size: r.size,
            sha256: r.sha256,
            data: Buffer.from(r.content_b64, 'base64'),
            uploaded_by: r.created_by,
            uploaded_at: r.created_at,
          })),
        )
        .execute();
    }
    await db.schema.dropTable('program_attachments').execute();
    await db.schema.alterTable('program_attachments_store').renameTo('program_attachments').execute();
    await db.schema.createIndex('program_attachments_owner').on('program_attachments').columns(['owner_id', 'kind']).execute();
  },
};

/** 项目说明: what a programme is about, its basis and requirements, as plain text (null: none given). */
const m026Description: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('programs').addColumn('description', 'varchar(2000)').execute();
  },
};

/**
 * Migrations of the `programs` module, merged into core/db/migrate.ts. Names sort globally, so each
 * module owns a number range (docs/decisions.md): legal 003–009, mediation 010–019, programs
 * 020–029, indicators 030–039.
 */
export const programsMigrations: Record<string, Migration> = {
  '020-programs': m020Programs,
  '021-organizations': m021Organizations,
  '022-evaluation': m022Evaluation,
  '023-cases': m023Cases,
  '024-program-withdrawal': m024Withdrawal,
  '025-program-attachment-store': m025AttachmentStore,
  '026-program-description': m026Description,
};
