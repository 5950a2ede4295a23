import { z } from 'zod';
import {
  complianceDtoSchema,
  complianceQuerySchema,
  dashboardQuerySchema,
  legalDashboardDtoSchema,
  normCreateSchema,
  normDtoSchema,
  normListDtoSchema,
  noticeDtoSchema,
  roomDtoSchema,
  roomSchema,
} from '@rg/domain/legal/service.schema';
import { regionCodeSchema } from '@rg/domain/regions/region.schema';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { LegalDashboard } from './legal.dashboard.ts';
import { LegalDossier } from './legal.dossier.ts';
import { LegalNorms } from './legal.norms.ts';
import { LegalRooms } from './legal.rooms.ts';
import { sendFile } from '../../core/http/files.ts';
import { noContentSchema } from '../../core/http/response-serializer.ts';

const year = z.coerce.number().int().min(2000, 'legal.dossier.year.invalid').max(2100, 'legal.dossier.year.invalid');
const dossierQuery = z.object({ year });
const villageParams = z.object({ villageCode: regionCodeSchema });
const regionParams = z.object({ regionCode: regionCodeSchema });
const idParams = z.object({ id: z.uuid('error.notFound') });

/** 服务规范与履职, 司法局看板, 一村一卷 and 实体窗口 (issue 3 Deliver 4–7). */
export function legalReportsRoutes(app: App, ctx: AppContext): void {
  const norms = new LegalNorms(ctx);
  const dashboard = new LegalDashboard(ctx);
  const dossier = new LegalDossier(ctx);
  const rooms = new LegalRooms(ctx);

  app.get(
    '/legal/norms',
    {
      schema: { querystring: z.object({ regionCode: regionCodeSchema.optional() }), response: { 200: normListDtoSchema } },
      config: { access: 'legal.read' },
    },
    (req) => norms.list(requestContext(req), req.query.regionCode),
  );
  app.post(
    '/legal/norms',
    { schema: { body: normCreateSchema, response: { 201: normDtoSchema } }, config: { access: 'legal.manage', idempotent: true } },
    async (req, reply) => reply.status(201).send(await norms.create(requestContext(req), req.body)),
  );
  app.delete(
    '/legal/norms/:id',
    { schema: { params: idParams, response: { 204: noContentSchema } }, config: { access: 'legal.manage' } },
    async (req, reply) => {
      await norms.remove(requestContext(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/legal/compliance',
    { schema: { querystring: complianceQuerySchema, response: { 200: complianceDtoSchema } }, config: { access: 'legal.read' } },
    (req) => norms.compliance(requestContext(req), req.query),
  );
  app.get(
    '/legal/dashboard',
    { schema: { querystring: dashboardQuerySchema, response: { 200: legalDashboardDtoSchema } }, config: { access: 'legal.read' } },
    (req) => dashboard.dashboard(requestContext(req), req.query.regionCode, req.query.year),
  );

  app.get(
    '/legal/dossiers/:villageCode.docx',
    { schema: { params: villageParams, querystring: dossierQuery }, config: { rateLimit: 'export', access: 'legal.export' } },
    async (req, reply) => sendFile(reply, await dossier.villageDocx(requestContext(req), req.params.villageCode, req.query.year)),
  );
  app.get(
    '/legal/dossiers/:villageCode.xlsx',
    { schema: { params: villageParams, querystring: dossierQuery }, config: { rateLimit: 'export', access: 'legal.export' } },
    async (req, reply) => sendFile(reply, await dossier.villageXlsx(requestContext(req), req.params.villageCode, req.query.year)),
  );
  app.get(
    '/legal/dossiers/batch/:regionCode.zip',
    { schema: { params: regionParams, querystring: dossierQuery }, config: { rateLimit: 'export', access: 'legal.export' } },
    async (req, reply) => sendFile(reply, await dossier.regionZip(requestContext(req), req.params.regionCode, req.query.year)),
  );

  app.get(
    '/legal/rooms/:villageCode',
    { schema: { params: villageParams, response: { 200: roomDtoSchema } }, config: { access: 'legal.read' } },
    (req) => rooms.room(requestContext(req), req.params.villageCode),
  );
  app.put(
    '/legal/rooms/:villageCode',
    { schema: { params: villageParams, body: roomSchema, response: { 200: roomDtoSchema } }, config: { access: 'legal.manage' } },
    (req) => rooms.save(requestContext(req), req.params.villageCode, req.body),
  );
  app.get(
    '/legal/rooms/:villageCode/notice',
    { schema: { params: villageParams, response: { 200: noticeDtoSchema } }, config: { access: 'legal.manage' } },
    (req) => rooms.notice(requestContext(req), req.params.villageCode, `${req.protocol}://${req.host}`),
  );
}
