import { sql, type Kysely } from 'kysely';

/** 人民调解: committees, mediators, cases with parties and sessions, statistics, screening, legal aid, settings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mediation_committees')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('level', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('field', 'varchar(30)')
    .addColumn('established_on', 'varchar(10)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('mediation_committees_region').on('mediation_committees').columns(['region_code', 'level']).execute();

  await db.schema
    .createTable('mediation_mediators')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('committee_id', 'varchar(36)', (c) => c.notNull().references('mediation_committees.id'))
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('committee_level', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(30)', (c) => c.notNull())
    .addColumn('gender', 'varchar(6)', (c) => c.notNull())
    .addColumn('phone_enc', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_number_enc', 'varchar(200)')
    .addColumn('id_number_hash', 'varchar(64)')
    .addColumn('employment', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Staffing counts: active full-time mediators of a place's own committee.
  await db.schema
    .createIndex('mediation_mediators_staffing')
    .on('mediation_mediators')
    .columns(['region_code', 'committee_level', 'status', 'employment'])
    .execute();
  await db.schema.createIndex('mediation_mediators_committee').on('mediation_mediators').columns(['committee_id', 'name']).execute();
  await db.schema
    .createIndex('mediation_mediators_id_hash')
    .on('mediation_mediators')
    .column('id_number_hash')
    .unique()
    .where(sql.ref('id_number_hash'), 'is not', null)
    .execute();

  await db.schema
    .createTable('mediation_trainings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('mediator_id', 'varchar(36)', (c) => c.notNull().references('mediation_mediators.id'))
    .addColumn('trained_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(60)', (c) => c.notNull())
    .addColumn('hours_tenths', 'integer', (c) => c.notNull())
    .addColumn('organiser', 'varchar(60)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_trainings_mediator').on('mediation_trainings').columns(['mediator_id', 'trained_on']).execute();

  await db.schema
    .createTable('mediation_cases')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_no', 'varchar(60)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('committee_id', 'varchar(36)')
    .addColumn('mediator_id', 'varchar(36)')
    .addColumn('source', 'varchar(12)', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('referrer', 'varchar(12)')
    .addColumn('referral_note', 'varchar(100)')
    .addColumn('screening_id', 'varchar(36)')
    .addColumn('case_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('risk_level', 'varchar(8)', (c) => c.notNull())
    .addColumn('risk_reasons', 'varchar(200)', (c) => c.notNull())
    .addColumn('criminal_risk', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('registered_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('concluded_on', 'varchar(10)')
    .addColumn('outcome', 'varchar(10)')
    .addColumn('agreed_on', 'varchar(10)')
    .addColumn('agreement_terms', 'text')
    .addColumn('performance_deadline', 'varchar(10)')
    .addColumn('confirmed_on', 'varchar(10)')
    .addColumn('confirmation_note', 'varchar(200)')
    .addColumn('performance', 'varchar(10)')
    .addColumn('performance_note', 'varchar(200)')
    .addColumn('failed_on', 'varchar(10)')
    .addColumn('failure_route', 'varchar(16)')
    .addColumn('failure_destination', 'varchar(60)')
    .addColumn('failure_reason', 'varchar(500)')
    .addColumn('follow_up_due', 'varchar(10)')
    .addColumn('visited_on', 'varchar(10)')
    .addColumn('visit_note', 'varchar(500)')
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('reopened_from', 'varchar(36)')
    .addColumn('reopened_as', 'varchar(36)')
    .addColumn('session_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // A case number is unique within its place (two villages may share a name).
  await db.schema.createIndex('mediation_cases_no').on('mediation_cases').columns(['region_code', 'case_no']).unique().execute();
  await db.schema.createIndex('mediation_cases_region').on('mediation_cases').columns(['region_code', 'registered_on']).execute();
  await db.schema.createIndex('mediation_cases_creator').on('mediation_cases').columns(['created_by', 'created_at']).execute();
  // Unresolved cases only (a small share of all): overdue and high-risk counts and the todo list.
  await db.schema
    .createIndex('mediation_cases_open')
    .on('mediation_cases')
    .columns(['region_code', 'due_on', 'risk_level', 'criminal_risk'])
    .where(sql.ref('concluded_on'), 'is', null)
    .execute();
  await db.schema
    .createIndex('mediation_cases_follow_up')
    .on('mediation_cases')
    .columns(['region_code', 'follow_up_due'])
    .where(sql.ref('status'), '=', 'follow_up')
    .execute();

  await db.schema
    .createTable('mediation_parties')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('mediation_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('id_number_enc', 'varchar(200)')
    .addColumn('id_number_hash', 'varchar(64)')
    .addColumn('phone_enc', 'varchar(200)')
    .addColumn('phone_hash', 'varchar(64)')
    .addColumn('address', 'varchar(100)')
    .execute();
  await db.schema.createIndex('mediation_parties_case').on('mediation_parties').columns(['case_id', 'seq']).execute();
  await db.schema.createIndex('mediation_parties_id_hash').on('mediation_parties').column('id_number_hash').execute();

  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('mediation_cases.id'))
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('participants', 'varchar(200)', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_sessions_case').on('mediation_sessions').columns(['case_id', 'held_on']).execute();

  await db.schema
    .createTable('mediation_counters')
    .addColumn('key', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mediation_stats')
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('case_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('registered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('success', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('performed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('partly', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_performed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overdue_concluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duration_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('mediation_stats_pk', ['region_code', 'month', 'case_type'])
    .execute();
  await db.schema.createIndex('mediation_stats_level').on('mediation_stats').columns(['level', 'region_code', 'month']).execute();

  await db.schema
    .createTable('mediation_screenings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('village_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('nil', 'integer', (c) => c.notNull())
    .addColumn('disputes', 'integer', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('submitted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // One report per village and month, held by the database (a second one is a 409).
  await db.schema
    .createIndex('mediation_screenings_village_period')
    .on('mediation_screenings')
    .columns(['village_code', 'period'])
    .unique()
    .execute();
  await db.schema.createIndex('mediation_screenings_period').on('mediation_screenings').columns(['period', 'village_code']).execute();

  await db.schema
    .createTable('mediation_aid')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('case_id', 'varchar(36)')
    .addColumn('applicant_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('id_number_enc', 'varchar(200)', (c) => c.notNull())
    .addColumn('id_number_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone_enc', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('address', 'varchar(100)')
    .addColumn('matter', 'varchar(60)', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('hardship', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('applied_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('approved', 'integer')
    .addColumn('review_reason', 'varchar(500)')
    .addColumn('reviewed_on', 'varchar(10)')
    .addColumn('assignee_name', 'varchar(30)')
    .addColumn('assignee_kind', 'varchar(14)')
    .addColumn('assigned_on', 'varchar(10)')
    .addColumn('result', 'varchar(10)')
    .addColumn('result_note', 'varchar(500)')
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('mediation_aid_region').on('mediation_aid').columns(['region_code', 'applied_on']).execute();

  await db.schema
    .createTable('mediation_settings')
    .addColumn('region_code', 'varchar(15)', (c) => c.primaryKey())
    .addColumn('overdue_days', 'integer', (c) => c.notNull())
    .addColumn('follow_up_days', 'integer', (c) => c.notNull())
    .addColumn('aid_criteria', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}
