import { preparedStatement } from '../../core/db/prepared.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import type { MediationSettingsTable } from './mediation.tables.ts';

/** How many codes a settings lookup binds: nation to group, the place repeated to fill the chain. */
export const CHAIN_CODES = 7;

const settingsOf = preparedStatement<string[]>((db, p) =>
  db
    .selectFrom('mediation_settings')
    .selectAll()
    .where(
      'region_code',
      'in',
      Array.from({ length: CHAIN_CODES }, (_, i) => p(i)),
    ),
);

/** The settings rows of these region codes (exactly `CHAIN_CODES` of them, so one prepared statement serves). */
export function settingsRows(db: DbOrTx, codes: string[]): Promise<MediationSettingsTable[]> {
  return settingsOf<MediationSettingsTable>(db, codes);
}

export async function upsertSettings(db: DbOrTx, row: MediationSettingsTable): Promise<void> {
  await db
    .insertInto('mediation_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('region_code').doUpdateSet({
        overdue_days: row.overdue_days,
        follow_up_days: row.follow_up_days,
        aid_criteria: row.aid_criteria,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
