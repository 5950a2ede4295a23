import type { AuditQuery } from '@rg/domain/access/audit.schema';
import type { AuditTable, DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import { containsText } from '../../core/db/contains.ts';

/**
 * Newest first: `whole`, entries about objects in `scope` or made by actors of `scope`; `records`, only
 * the successful entries about objects in `scope`.
 */
export async function listAudit(
  db: DbOrTx,
  scope: string,
  view: 'whole' | 'records',
  query: AuditQuery,
): Promise<{ rows: AuditTable[]; total: number }> {
  let base =
    view === 'whole'
      ? db.selectFrom('audit_log').where((eb) => eb.or([withinScope(eb, 'object_region', scope), withinScope(eb, 'actor_region', scope)]))
      : db
          .selectFrom('audit_log')
          .where((eb) => withinScope(eb, 'object_region', scope))
          .where('result', '=', 'ok');
  if (query.action) base = base.where('action', '=', query.action);
  if (query.result) base = base.where('result', '=', query.result);
  if (query.from) base = base.where('at', '>=', query.from);
  if (query.to) base = base.where('at', '<', query.to);
  if (query.q) {
    const q = query.q;
    base = base.where((eb) => containsText(eb, ['actor_name', 'object_id', 'detail'], q));
  }
  const rows = await base
    .selectAll()
    .orderBy('seq', 'desc')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
