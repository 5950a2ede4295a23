import { z } from 'zod';
import { AUDIT_RESULTS, auditPageDtoSchema, auditQuerySchema } from '@rg/domain/access/audit.schema';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { listAudit } from './audit.repository.ts';

/** The stored result is one of the three the audit log writes; anything else is a broken row (500), never guessed. */
const auditResult = z.enum(AUDIT_RESULTS);

/**
 * 审计日志: searched within one's own scope; the application never changes or deletes entries. The
 * auditor (`audit.read`) reads all of it; others only the successful entries about their scope's
 * records (see `FOUNDATION_ROLE_PERMISSIONS`): no denial, so no trace of a probed foreign id.
 */
export function auditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/audit',
    {
      schema: { querystring: auditQuerySchema, response: { 200: auditPageDtoSchema } },
      config: { rateLimit: 'search', access: 'audit.records' },
    },
    async (req) => {
      const actor = authorize(requestContext(req).actor, 'audit.records');
      const view = actor.permissions.has('audit.read') ? 'whole' : 'records';
      const { rows, total } = await listAudit(ctx.db, listScope(actor), view, req.query);
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: r.at,
          actorName: r.actor_name,
          actorRoles: r.actor_roles,
          actorRegion: r.actor_region,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          objectRegion: r.object_region,
          result: auditResult.parse(r.result),
          ip: r.ip,
          requestId: r.request_id,
          detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
        })),
        total,
      };
    },
  );
}
