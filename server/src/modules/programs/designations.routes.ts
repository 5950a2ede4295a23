import { designationActionSchema, designationDtoSchema, designationQuerySchema } from '@rg/domain/programs/designation.schema';
import {
  designationDetailDtoSchema,
  evaluationCreateSchema,
  reportReviewSchema,
  reportSubmitSchema,
} from '@rg/domain/programs/evaluation.schema';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { DesignationDetails } from './designation-details.service.ts';
import { DesignationReports } from './designation-reports.service.ts';
import { DesignationsService } from './designations.service.ts';
import { EvaluationsService } from './evaluations.service.ts';
import { idParams, items } from './programs.route-params.ts';

/** 命名与动态管理 (P3.5(2)) and the designated units' 年度总结 and 评价 (P2.4(4), P3.4(5)). */
export function designationRoutes(app: App, ctx: AppContext): void {
  const designations = new DesignationsService(ctx);
  const details = new DesignationDetails(ctx);
  const reports = new DesignationReports(ctx);
  const evaluations = new EvaluationsService(ctx);
  app.get(
    '/programs/designations',
    {
      schema: { querystring: designationQuerySchema, response: { 200: items(designationDtoSchema) } },
      config: { access: 'programs.read' },
    },
    (req) => designations.list(requestContext(req), req.query.regionCode, req.query.programId),
  );
  app.post(
    '/programs/designations/:id/warn',
    {
      schema: { params: idParams, body: designationActionSchema, response: { 200: designationDtoSchema } },
      config: { access: 'programs.manage' },
    },
    (req) => designations.act(requestContext(req), req.params.id, 'warn', req.body.reason),
  );
  app.post(
    '/programs/designations/:id/restore',
    {
      schema: { params: idParams, body: designationActionSchema, response: { 200: designationDtoSchema } },
      config: { access: 'programs.manage' },
    },
    (req) => designations.act(requestContext(req), req.params.id, 'restore', req.body.reason),
  );
  app.post(
    '/programs/designations/:id/revoke',
    {
      schema: { params: idParams, body: designationActionSchema, response: { 200: designationDtoSchema } },
      config: { access: 'programs.manage' },
    },
    (req) => designations.act(requestContext(req), req.params.id, 'revoke', req.body.reason),
  );

  app.get(
    '/programs/designations/:id',
    { schema: { params: idParams, response: { 200: designationDetailDtoSchema } }, config: { access: 'programs.read' } },
    (req) => details.detail(requestContext(req), req.params.id),
  );
  app.post(
    '/programs/designations/:id/reports',
    {
      schema: { params: idParams, body: reportSubmitSchema, response: { 201: designationDetailDtoSchema } },
      bodyLimit: 2 * 1024 * 1024,
      config: { access: 'programs.apply', idempotent: true },
    },
    async (req, reply) =>
      reply.status(201).send(await reports.submitReport(requestContext(req), req.params.id, req.body.year, req.body.content)),
  );
  app.post(
    '/programs/reports/:id/review',
    {
      schema: { params: idParams, body: reportReviewSchema, response: { 200: designationDetailDtoSchema } },
      config: { access: 'programs.review' },
    },
    (req) => reports.reviewReport(requestContext(req), req.params.id, req.body.decision, req.body.comment),
  );
  app.post(
    '/programs/designations/:id/evaluations',
    {
      schema: { params: idParams, body: evaluationCreateSchema, response: { 201: designationDetailDtoSchema } },
      config: { access: 'programs.evaluate', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await evaluations.evaluate(requestContext(req), req.params.id, req.body)),
  );
}
