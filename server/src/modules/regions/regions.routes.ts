import { z } from 'zod';
import {
  regionCodeSchema,
  regionDetailDtoSchema,
  regionDtoSchema,
  regionPageDtoSchema,
  regionSearchDtoSchema,
  villageAttributesSchema,
  villagerGroupCreateSchema,
} from '@rg/domain/regions/region.schema';
import type { AppContext } from '../../core/context.ts';
import type { App } from '../../core/module.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import { RegionsService } from './regions.service.ts';

const codeParams = z.object({ code: regionCodeSchema });
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
const searchQuery = z.object({
  q: z.string().trim().min(1, 'zod.required').max(30),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export function regionsRoutes(app: App, ctx: AppContext): void {
  const service = new RegionsService(ctx);
  app.get(
    '/regions/search',
    {
      schema: { querystring: searchQuery, response: { 200: regionSearchDtoSchema } },
      config: { rateLimit: 'search', access: 'region.read' },
    },
    (req) => service.search(requestContext(req), req.query.q, req.query.limit),
  );
  app.get(
    '/regions/:code',
    { schema: { params: codeParams, response: { 200: regionDetailDtoSchema } }, config: { access: 'region.read' } },
    (req) => service.get(requestContext(req), req.params.code),
  );
  app.get(
    '/regions/:code/children',
    { schema: { params: codeParams, querystring: pageQuery, response: { 200: regionPageDtoSchema } }, config: { access: 'region.read' } },
    (req) => service.children(requestContext(req), req.params.code, req.query.page, req.query.pageSize),
  );
  app.patch(
    '/regions/:code',
    {
      schema: { params: codeParams, body: villageAttributesSchema, response: { 200: regionDtoSchema } },
      config: { access: 'region.manage' },
    },
    (req) => service.updateVillage(requestContext(req), req.params.code, req.body),
  );
  app.post(
    '/regions/:code/groups',
    {
      schema: { params: codeParams, body: villagerGroupCreateSchema, response: { 201: regionDtoSchema } },
      config: {
        access: 'region.manage',
        // A retry after a crash (issue 15 finding 1) answers the group that the first request created.
        idempotent: {
          replay: async (req, code) => {
            const { ancestors: _ancestors, ...group } = await service.get(requestContext(req), code);
            return group;
          },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createGroup(requestContext(req), req.params.code, req.body)),
  );
}
