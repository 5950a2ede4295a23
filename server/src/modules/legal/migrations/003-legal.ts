import { sql, type Kysely } from 'kysely';

/** 一村一法律顾问: the advisor roster and their village assignments (P1.4(2)). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('legal_advisors')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('region_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'varchar(30)', (c) => c.notNull())
    .addColumn('gender', 'varchar(6)', (c) => c.notNull())
    .addColumn('phone_enc', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_number_enc', 'varchar(200)', (c) => c.notNull())
    .addColumn('id_number_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('category', 'varchar(30)', (c) => c.notNull())
    .addColumn('employer_name', 'varchar(60)')
    .addColumn('employer_uscc', 'varchar(18)')
    .addColumn('licence_no', 'varchar(40)')
    .addColumn('contract_start', 'varchar(10)')
    .addColumn('contract_end', 'varchar(10)')
    .addColumn('contract_fee_fen', 'bigint')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('legal_advisors_region').on('legal_advisors').columns(['region_code', 'name']).execute();
  await db.schema.createIndex('legal_advisors_id_hash').on('legal_advisors').column('id_number_hash').unique().execute();

  await db.schema
    .createTable('legal_assignments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('advisor_id', 'varchar(36)', (c) => c.notNull().references('legal_advisors.id'))
    .addColumn('village_code', 'varchar(15)', (c) => c.notNull().references('regions.code'))
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('end_reason', 'varchar(100)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // At most one current advisor per village, held by the database itself (a second one is a 409).
  await db.schema
    .createIndex('legal_assignments_current_village')
    .on('legal_assignments')
    .column('village_code')
    .unique()
    .where(sql.ref('end_date'), 'is', null)
    .execute();
  await db.schema.createIndex('legal_assignments_village').on('legal_assignments').columns(['village_code', 'start_date']).execute();
  await db.schema.createIndex('legal_assignments_advisor').on('legal_assignments').columns(['advisor_id', 'start_date']).execute();
}
