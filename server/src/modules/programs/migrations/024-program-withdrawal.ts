import { type Kysely } from 'kysely';

/** 撤销: a programme's status, and when, by whom and why it was withdrawn. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds a single column at a time.
  await db.schema
    .alterTable('programs')
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('active'))
    .execute();
  await db.schema.alterTable('programs').addColumn('withdrawn_at', 'varchar(30)').execute();
  await db.schema.alterTable('programs').addColumn('withdrawn_by', 'varchar(36)').execute();
  await db.schema.alterTable('programs').addColumn('withdrawn_by_name', 'varchar(60)').execute();
  await db.schema.alterTable('programs').addColumn('withdrawal_reason', 'varchar(500)').execute();
}
