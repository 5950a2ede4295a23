import { type Kysely } from 'kysely';

/** 项目说明: what a programme is about, its basis and requirements, as plain text (null: none given). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').addColumn('description', 'varchar(2000)').execute();
}
