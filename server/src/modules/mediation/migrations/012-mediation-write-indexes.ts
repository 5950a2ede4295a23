import { sql, type Kysely } from 'kysely';

/**
 * Every intake writes each index of its rows, so an index earns its place by a query:
 * - "my applications" asks for a villager's online cases only, so the creator index holds online cases;
 * - nothing looks parties up by ID number yet, so that index goes until a lookup needs it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('mediation_cases_creator').execute();
  await db.schema
    .createIndex('mediation_cases_creator')
    .on('mediation_cases')
    .columns(['created_by', 'created_at'])
    .where(sql.ref('online'), '=', 1)
    .execute();
  await db.schema.dropIndex('mediation_parties_id_hash').execute();
}
