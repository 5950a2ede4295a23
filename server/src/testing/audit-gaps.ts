import type { AppContext } from '../core/context.ts';
import type { App } from '../core/module.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every write the tests make must leave an audit entry (SECURITY.md: every write is audited): after each
 * successful POST, PUT, PATCH or DELETE this looks for an entry of the request's id and records the route
 * when there is none. Routes that write nothing worth auditing declare `config.audit: false`; a replayed
 * idempotent answer is the first request's, whose entry exists. `createTestApp().close()` fails on a gap,
 * so every medium test is also this conformance check.
 */
export function watchAuditGaps(app: App, ctx: AppContext): () => string[] {
  const gaps = new Set<string>();
  // onSend, not onResponse: the check finishes before the client has the answer, so a test that then
  // tampers with the log (audit-verify.test.ts deletes entries on purpose) cannot race it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (SAFE_METHODS.has(request.method) || reply.statusCode >= 300) return payload;
    if (request.routeOptions.config.audit === false || reply.getHeader('idempotent-replay') === 'true') return payload;
    const entry = await ctx.db
      .selectFrom('audit_log')
      .select('seq')
      .where('request_id', '=', String(request.id))
      .limit(1)
      .executeTakeFirst();
    if (!entry) gaps.add(`${request.method} ${request.routeOptions.url ?? request.url}`);
    return payload;
  });
  return () => [...gaps];
}
