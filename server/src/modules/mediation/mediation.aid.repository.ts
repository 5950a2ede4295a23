import type { AidListQuery } from '@rg/domain/mediation/aid.schema';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { MediationAidTable } from './mediation.tables.ts';

export async function findAid(db: DbOrTx, id: string): Promise<MediationAidTable | undefined> {
  return db.selectFrom('mediation_aid').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The applications within `scope`, newest first, a page of them and how many there are. */
export async function listAid(db: DbOrTx, scope: string, query: AidListQuery): Promise<{ rows: MediationAidTable[]; total: number }> {
  let base = db.selectFrom('mediation_aid').where((eb) => withinScope(eb, 'region_code', scope));
  if (query.status) base = base.where('status', '=', query.status);
  const rows = await base
    .selectAll()
    .orderBy('applied_on', 'desc')
    .orderBy('created_at', 'desc')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function insertAid(db: DbOrTx, row: MediationAidTable): Promise<void> {
  await db.insertInto('mediation_aid').values(row).execute();
}

/** Writes `changes` only if the application is still in the state and version read; false when it was not. */
export async function updateAid(
  db: DbOrTx,
  row: Pick<MediationAidTable, 'id' | 'version' | 'status'>,
  changes: Partial<MediationAidTable>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mediation_aid')
    .set({ ...changes, updated_at: now, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('status', '=', row.status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
