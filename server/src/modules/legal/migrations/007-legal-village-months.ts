import type { Kysely } from 'kysely';

/**
 * One row per village and month with its services by window and by type (legal module): compliance
 * for a province reads ~20k rows a month instead of every count row below it (issue 3 "Speed").
 * Columns are spelled out here, not taken from the domain lists, so this migration never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable('legal_village_months')
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('village_code', 'varchar(15)', (c) => c.notNull());
  const counters = [
    'total',
    'w_onsite',
    'w_hotline',
    'w_online',
    't_consultation',
    't_publicity',
    't_legal_checkup',
    't_contract_review',
    't_mediation',
    't_rules_review',
    't_election',
    't_decision_opinion',
    't_petition',
    't_aid_referral',
    't_other',
  ];
  for (const name of counters) table = table.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('legal_village_months_pk', ['month', 'village_code']).execute();
}
