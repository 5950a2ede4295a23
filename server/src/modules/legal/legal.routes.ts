import { z } from 'zod';
import {
  advisorCreateSchema,
  advisorDetailDtoSchema,
  advisorDtoSchema,
  advisorImportResultDtoSchema,
  advisorListDtoSchema,
  advisorListQuerySchema,
  advisorUpdateSchema,
  revealedDtoSchema,
  revealSchema,
} from '@rg/domain/legal/advisor.schema';
import { attachmentDtoSchema } from '@rg/domain/files/attachment';
import {
  assignmentCreateSchema,
  assignmentDtoSchema,
  assignmentEndSchema,
  assignmentListDtoSchema,
  assignmentListQuerySchema,
  coverageDtoSchema,
  coverageQuerySchema,
  handoverSchema,
  uncoveredListDtoSchema,
  uncoveredQuerySchema,
} from '@rg/domain/legal/assignment.schema';
import type { AppContext } from '../../core/context.ts';
import { sendXlsx } from '../../core/export/xlsx.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { LegalCoverage } from './legal.coverage.ts';
import { LegalService } from './legal.service.ts';
import { acceptXlsx, fileQuery, sendFile, upload, xlsxBody } from '../../core/http/files.ts';
import { ATTACHMENT_LIMIT } from '../../core/files/attachments.ts';
import { advisorTemplate, importAdvisors } from './legal.import.ts';
import { regionCodeSchema } from '@rg/domain/regions/region.schema';

const idParams = z.object({ id: z.uuid('error.notFound') });
const IMPORT_LIMIT = 5 * 1024 * 1024;

export function legalRoutes(app: App, ctx: AppContext): void {
  const legal = new LegalService(ctx);
  const coverage = new LegalCoverage(ctx);

  app.get(
    '/legal/advisors',
    {
      schema: { querystring: advisorListQuerySchema, response: { 200: advisorListDtoSchema } },
      config: { rateLimit: 'search', access: 'legal.read' },
    },
    (req) => legal.listAdvisors(requestContext(req), req.query),
  );
  app.post(
    '/legal/advisors',
    { schema: { body: advisorCreateSchema, response: { 201: advisorDtoSchema } }, config: { access: 'legal.manage', idempotent: true } },
    async (req, reply) => reply.status(201).send(await legal.createAdvisor(requestContext(req), req.body)),
  );
  app.get('/legal/advisors/template.xlsx', { config: { rateLimit: 'export', access: 'legal.manage' } }, async (_req, reply) =>
    sendXlsx(reply, '法律顾问导入模板.xlsx', await advisorTemplate()),
  );
  acceptXlsx(app, IMPORT_LIMIT);
  app.post(
    '/legal/advisors/import',
    {
      schema: { querystring: z.object({ regionCode: regionCodeSchema }), response: { 200: advisorImportResultDtoSchema } },
      bodyLimit: IMPORT_LIMIT,
      config: { rateLimit: 'import', access: 'legal.manage' },
    },
    (req) => importAdvisors(ctx, legal, requestContext(req), req.query.regionCode, xlsxBody(req.body, 'legal.import.notXlsx')),
  );
  app.get(
    '/legal/advisors/:id',
    { schema: { params: idParams, response: { 200: advisorDetailDtoSchema } }, config: { access: 'legal.read' } },
    (req) => legal.getAdvisor(requestContext(req), req.params.id),
  );
  app.post(
    '/legal/advisors/:id/contract-files',
    {
      schema: { params: idParams, querystring: fileQuery, response: { 201: attachmentDtoSchema } },
      bodyLimit: ATTACHMENT_LIMIT,
      config: { access: 'legal.manage' },
    },
    async (req, reply) => reply.status(201).send(await legal.attachContract(requestContext(req), req.params.id, upload(req))),
  );
  app.get(
    '/legal/advisors/:id/contract-files/:fileId',
    { schema: { params: z.object({ id: z.uuid('error.notFound'), fileId: z.uuid('error.notFound') }) }, config: { access: 'legal.read' } },
    async (req, reply) => sendFile(reply, await legal.contractFile(requestContext(req), req.params.id, req.params.fileId)),
  );
  app.patch(
    '/legal/advisors/:id',
    { schema: { params: idParams, body: advisorUpdateSchema, response: { 200: advisorDtoSchema } }, config: { access: 'legal.manage' } },
    (req) => legal.updateAdvisor(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/legal/advisors/:id/reveal',
    { schema: { params: idParams, body: revealSchema, response: { 200: revealedDtoSchema } }, config: { access: 'personal.reveal' } },
    (req) => legal.reveal(requestContext(req), req.params.id, req.body.field),
  );

  app.get(
    '/legal/assignments',
    { schema: { querystring: assignmentListQuerySchema, response: { 200: assignmentListDtoSchema } }, config: { access: 'legal.read' } },
    (req) => legal.listAssignments(requestContext(req), req.query),
  );
  app.post(
    '/legal/assignments',
    {
      schema: { body: assignmentCreateSchema, response: { 201: assignmentDtoSchema } },
      config: { access: 'legal.manage', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await legal.assign(requestContext(req), req.body)),
  );
  app.post(
    '/legal/assignments/:id/handover',
    {
      schema: { params: idParams, body: handoverSchema, response: { 201: assignmentDtoSchema } },
      config: { access: 'legal.manage', idempotent: true },
    },
    async (req, reply) =>
      reply.status(201).send(await legal.handover(requestContext(req), req.params.id, req.body.advisorId, req.body.date)),
  );
  app.post(
    '/legal/assignments/:id/end',
    { schema: { params: idParams, body: assignmentEndSchema, response: { 200: assignmentDtoSchema } }, config: { access: 'legal.manage' } },
    (req) => legal.endAssignment(requestContext(req), req.params.id, req.body.date, req.body.reason),
  );

  app.get(
    '/legal/coverage',
    { schema: { querystring: coverageQuerySchema, response: { 200: coverageDtoSchema } }, config: { access: 'legal.read' } },
    (req) => coverage.coverage(requestContext(req), req.query.regionCode),
  );
  app.get(
    '/legal/coverage/uncovered',
    { schema: { querystring: uncoveredQuerySchema, response: { 200: uncoveredListDtoSchema } }, config: { access: 'legal.read' } },
    (req) => coverage.uncovered(requestContext(req), req.query),
  );
  app.get(
    '/legal/coverage/uncovered.xlsx',
    { schema: { querystring: uncoveredQuerySchema }, config: { rateLimit: 'export', access: 'legal.export' } },
    async (req, reply) =>
      sendXlsx(reply, '未覆盖法律顾问的村（社区）.xlsx', await coverage.exportUncovered(requestContext(req), req.query)),
  );
}
