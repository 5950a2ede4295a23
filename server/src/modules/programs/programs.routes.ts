import { z } from 'zod';
import {
  milestoneExtendSchema,
  milestoneInputSchema,
  programCreateSchema,
  programDetailDtoSchema,
  programListDtoSchema,
  programListQuerySchema,
  programUpdateSchema,
  programWithdrawSchema,
  quotaImportDtoSchema,
  quotasPutSchema,
} from '@rg/domain/programs/program.schema';
import { templateDtoSchema, templatePutSchema } from '@rg/domain/programs/evaluation.schema';
import { acceptAttachments, acceptXlsx, xlsxBody } from '../../core/http/files.ts';
import { contentDisposition } from '../../core/files/file-names.ts';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { applicationRoutes } from './applications.routes.ts';
import { caseRoutes } from './cases.routes.ts';
import { designationRoutes } from './designations.routes.ts';
import { EvaluationsService } from './evaluations.service.ts';
import { organizationRoutes } from './organizations.routes.ts';
import { ProgramQuotas } from './program-quotas.service.ts';
import { ProgramChanges } from './programs.changes.ts';
import { idParams } from './programs.route-params.ts';
import { ProgramsService } from './programs.service.ts';
import { programSummaryDocx } from './programs.summary-docx.ts';

const milestoneParams = z.object({ id: z.uuid('error.notFound'), milestoneId: z.uuid('error.notFound') });
/** 名额建议表: a sheet of a few hundred rows. */
const IMPORT_LIMIT = 2 * 1024 * 1024;

/** The module's routes: the programmes themselves here, each other aggregate in its own routes file. */
export function programsRoutes(app: App, ctx: AppContext): void {
  // Files come as the raw request body: attachments (JPG, PNG, PDF) and the quota sheet (.xlsx).
  acceptAttachments(app);
  acceptXlsx(app, IMPORT_LIMIT);
  applicationRoutes(app, ctx);
  designationRoutes(app, ctx);
  caseRoutes(app, ctx);
  organizationRoutes(app, ctx);

  const programs = new ProgramsService(ctx);
  const changes = new ProgramChanges(ctx);
  const evaluations = new EvaluationsService(ctx);
  const quotas = new ProgramQuotas(ctx);
  app.get(
    '/programs',
    { schema: { querystring: programListQuerySchema, response: { 200: programListDtoSchema } }, config: { access: 'programs.read' } },
    (req) => programs.list(requestContext(req), req.query.unitLevel),
  );
  app.post(
    '/programs',
    {
      schema: { body: programCreateSchema, response: { 201: programDetailDtoSchema } },
      config: { access: 'programs.manage', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await programs.create(requestContext(req), req.body)),
  );

  app.get(
    '/programs/:id',
    { schema: { params: idParams, response: { 200: programDetailDtoSchema } }, config: { access: 'programs.read' } },
    (req) => programs.get(requestContext(req), req.params.id),
  );
  app.put(
    '/programs/:id',
    {
      schema: { params: idParams, body: programUpdateSchema, response: { 200: programDetailDtoSchema } },
      config: { access: 'programs.manage' },
    },
    (req) => changes.update(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/programs/:id/withdraw',
    {
      schema: { params: idParams, body: programWithdrawSchema, response: { 200: programDetailDtoSchema } },
      config: { access: 'programs.manage' },
    },
    (req) => changes.withdraw(requestContext(req), req.params.id, req.body.reason, req.body.version),
  );
  app.post(
    '/programs/:id/milestones',
    {
      schema: { params: idParams, body: milestoneInputSchema, response: { 201: programDetailDtoSchema } },
      config: { access: 'programs.manage', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await programs.addMilestone(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/programs/:id/milestones/:milestoneId/extend',
    {
      schema: { params: milestoneParams, body: milestoneExtendSchema, response: { 200: programDetailDtoSchema } },
      config: { access: 'programs.manage' },
    },
    (req) => programs.extendMilestone(requestContext(req), req.params.id, req.params.milestoneId, req.body.dueDate, req.body.reason),
  );
  app.delete(
    '/programs/:id/milestones/:milestoneId',
    { schema: { params: milestoneParams, response: { 200: programDetailDtoSchema } }, config: { access: 'programs.manage' } },
    (req) => changes.removeMilestone(requestContext(req), req.params.id, req.params.milestoneId),
  );
  app.get(
    '/programs/:id/summary.docx',
    { schema: { params: idParams }, config: { rateLimit: 'export', access: 'programs.read' } },
    async (req, reply) => {
      const doc = await programSummaryDocx(ctx, requestContext(req), req.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(doc.fileName))
        .header('cache-control', 'no-store')
        .send(doc.body);
    },
  );
  app.get(
    '/programs/:id/template',
    { schema: { params: idParams, response: { 200: templateDtoSchema.nullable() } }, config: { access: 'programs.read' } },
    (req) => evaluations.getTemplate(requestContext(req), req.params.id),
  );
  app.put(
    '/programs/:id/template',
    { schema: { params: idParams, body: templatePutSchema, response: { 200: templateDtoSchema } }, config: { access: 'programs.manage' } },
    (req) => evaluations.putTemplate(requestContext(req), req.params.id, req.body),
  );
  app.put(
    '/programs/:id/quotas',
    {
      schema: { params: idParams, body: quotasPutSchema, response: { 200: programDetailDtoSchema } },
      config: { access: 'programs.manage' },
    },
    (req) => quotas.put(requestContext(req), req.params.id, req.body.items),
  );
  app.post(
    '/programs/:id/quotas/import',
    {
      schema: { params: idParams, response: { 200: quotaImportDtoSchema } },
      bodyLimit: IMPORT_LIMIT,
      config: { rateLimit: 'import', access: 'programs.manage' },
    },
    (req) => quotas.import(requestContext(req), req.params.id, xlsxBody(req.body, 'programs.import.notXlsx')),
  );
}
