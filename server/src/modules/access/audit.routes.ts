import { z } from 'zod';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { listAudit } from './audit.repository.ts';

const auditQuery = z.object({
  q: z.string().trim().max(50).optional(),
  action: z.string().trim().max(60).optional(),
  result: z.enum(['ok', 'denied', 'failed']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 审计日志: searched within one's own scope; the application never changes or deletes entries. */
export function auditRoutes(app: App, ctx: AppContext): void {
  app.get('/audit', { schema: { querystring: auditQuery }, config: { access: 'audit.read' } }, async (req) => {
    const actor = authorize(requestContext(req).actor, 'audit.read');
    const { rows, total } = await listAudit(ctx.db, listScope(actor), req.query);
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
        result: r.result,
        ip: r.ip,
        requestId: r.request_id,
        detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
      })),
      total,
    };
  });
}
