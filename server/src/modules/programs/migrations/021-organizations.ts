import { type Kysely } from 'kysely';

/** 组织: leading groups with members, member agencies and tasks (P1.2, P1.5, plan 3 §五). */
export async function up(db: Kysely<unknown>): Promise<void> {
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
}
