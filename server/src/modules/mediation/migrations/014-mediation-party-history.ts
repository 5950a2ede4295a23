import { sql, type Kysely } from 'kysely';

/**
 * 反复纠纷: a party's earlier disputes are found by the keyed hash of their ID number, so the index
 * migration 012 dropped comes back, holding only the parties that have an ID number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('mediation_parties_id_hash')
    .on('mediation_parties')
    .columns(['id_number_hash', 'case_id'])
    .where(sql.ref('id_number_hash'), 'is not', null)
    .execute();
}
