import type { ServiceListQuery } from '@rg/domain/legal/service.schema';
import { chinaDayStart } from '@rg/domain/time/china-time';
import { insertRow, preparedStatement } from '../../core/db/prepared.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { LegalServiceTable } from './legal.tables.ts';

export type ServiceRow = LegalServiceTable & { advisor_name: string };

/** Whose ledger a list shows: a region's (officials) or one advisor's own. */
export interface LedgerView {
  scope: string;
  advisorId: string | null;
}

function services(db: DbOrTx) {
  return db
    .selectFrom('legal_services as s')
    .innerJoin('legal_advisors as a', 'a.id', 's.advisor_id')
    .selectAll('s')
    .select('a.name as advisor_name');
}

export async function insertService(db: DbOrTx, row: LegalServiceTable): Promise<void> {
  await insertRow(db, 'legal_services', row);
}

export async function findService(db: DbOrTx, id: string): Promise<ServiceRow | undefined> {
  return services(db).where('s.id', '=', id).executeTakeFirst();
}

export async function listServices(
  db: DbOrTx,
  view: LedgerView,
  query: Omit<ServiceListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
): Promise<{ rows: ServiceRow[]; total: number }> {
  let base = services(db).where((eb) => withinScope(eb, 's.village_code', query.regionCode ?? view.scope));
  if (view.advisorId) base = base.where('s.advisor_id', '=', view.advisorId);
  if (query.advisorId) base = base.where('s.advisor_id', '=', query.advisorId);
  if (query.window) base = base.where('s.service_window', '=', query.window);
  if (query.serviceType) base = base.where('s.service_type', '=', query.serviceType);
  if (query.status) base = base.where('s.status', '=', query.status);
  // Dates are China's calendar days: from 00:00 of `from` to the end of `to`, at UTC+8.
  if (query.from) base = base.where('s.served_at', '>=', chinaDayStart(query.from));
  if (query.to) base = base.where('s.served_at', '<', new Date(Date.parse(chinaDayStart(query.to)) + 86_400_000).toISOString());
  const rows = await base.orderBy('s.served_at', 'desc').orderBy('s.id').offset(page.offset).limit(page.limit).execute();
  const count = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function updateServiceVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<LegalServiceTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('legal_services')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertVersion(
  db: DbOrTx,
  row: { service_id: string; version: number; fields: string; edited_by: string; edited_at: string; reason: string | null },
): Promise<void> {
  await insertRow(db, 'legal_service_versions', row);
}

export async function versionsOf(db: DbOrTx, serviceId: string) {
  return db
    .selectFrom('legal_service_versions as v')
    .leftJoin('users as u', 'u.id', 'v.edited_by')
    .select(['v.version', 'v.fields', 'v.edited_at', 'v.reason', 'u.display_name'])
    .where('v.service_id', '=', serviceId)
    .orderBy('v.version', 'desc')
    .execute();
}

/**
 * The village's current advisor (P1.4(2): at most one), or undefined; with `advisorId`, only if that
 * advisor is the one serving it now.
 */
export async function servingAdvisor(
  db: DbOrTx,
  villageCode: string,
  advisorId?: string,
): Promise<{ id: string; name: string } | undefined> {
  const [serving] = await currentAdvisor<{ id: string; name: string }>(db, [villageCode]);
  return serving && (!advisorId || serving.id === advisorId) ? serving : undefined;
}

/** Every ledger entry asks who serves its village now: one prepared statement. */
const currentAdvisor = preparedStatement<[villageCode: string]>((db, p) =>
  db
    .selectFrom('legal_assignments as s')
    .innerJoin('legal_advisors as a', 'a.id', 's.advisor_id')
    .select(['a.id', 'a.name'])
    .where('s.village_code', '=', p(0))
    .where('s.end_date', 'is', null),
);

/** How many entries in the scope wait for the given status (todo counts); `exceptCreatedBy` leaves out one person's own entries. */
export async function countByStatus(db: DbOrTx, view: LedgerView, status: string, exceptCreatedBy?: string): Promise<number> {
  let query = db
    .selectFrom('legal_services')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', status)
    .where((eb) => withinScope(eb, 'village_code', view.scope));
  if (view.advisorId) query = query.where('advisor_id', '=', view.advisorId);
  if (exceptCreatedBy !== undefined) query = query.where('created_by', '!=', exceptCreatedBy);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/**
 * The roster entry of an account and the villages it serves now, in one statement: asked on every
 * ledger request of an account with `legal.record` (it replaces the account lookup plus the serving check).
 */
export async function advisorViewOf(db: DbOrTx, userId: string): Promise<{ id: string; name: string; villages: string[] } | undefined> {
  const rows = await advisorWithVillages<{ id: string; name: string; village_code: string | null }>(db, [userId]);
  const [first] = rows;
  if (!first) return undefined;
  return { id: first.id, name: first.name, villages: rows.flatMap((r) => (r.village_code === null ? [] : [r.village_code])) };
}

const advisorWithVillages = preparedStatement<[userId: string]>((db, p) =>
  db
    .selectFrom('legal_advisors as a')
    .leftJoin('legal_assignments as s', (join) => join.onRef('s.advisor_id', '=', 'a.id').on('s.end_date', 'is', null))
    .select(['a.id', 'a.name', 's.village_code'])
    .where('a.user_id', '=', p(0)),
);
