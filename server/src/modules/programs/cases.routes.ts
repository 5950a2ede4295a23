import {
  boardDtoSchema,
  boardQuerySchema,
  caseCreateSchema,
  caseDtoSchema,
  caseListDtoSchema,
  caseListQuerySchema,
  caseReviewSchema,
  caseUpdateSchema,
} from '@rg/domain/programs/case.schema';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { CasesService } from './cases.service.ts';
import { idParams } from './programs.route-params.ts';

/** 典型案例 (P2.4(3)) and the 三级创建看板. */
export function caseRoutes(app: App, ctx: AppContext): void {
  const cases = new CasesService(ctx);
  app.get(
    '/programs/cases',
    {
      schema: { querystring: caseListQuerySchema, response: { 200: caseListDtoSchema } },
      config: { rateLimit: 'search', access: 'programs.read' },
    },
    (req) => cases.list(requestContext(req), req.query),
  );
  app.post(
    '/programs/cases',
    {
      schema: { body: caseCreateSchema, response: { 201: caseDtoSchema } },
      bodyLimit: 2 * 1024 * 1024,
      config: { access: 'programs.apply', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await cases.create(requestContext(req), req.body)),
  );
  app.get(
    '/programs/cases/:id',
    { schema: { params: idParams, response: { 200: caseDtoSchema } }, config: { access: 'programs.read' } },
    (req) => cases.get(requestContext(req), req.params.id),
  );
  app.put(
    '/programs/cases/:id',
    {
      schema: { params: idParams, body: caseUpdateSchema, response: { 200: caseDtoSchema } },
      bodyLimit: 2 * 1024 * 1024,
      config: { access: 'programs.apply' },
    },
    (req) => cases.update(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/programs/cases/:id/review',
    { schema: { params: idParams, body: caseReviewSchema, response: { 200: caseDtoSchema } }, config: { access: 'programs.review' } },
    (req) => cases.review(requestContext(req), req.params.id, req.body.decision, req.body.comment),
  );
  app.get(
    '/programs/board',
    { schema: { querystring: boardQuerySchema, response: { 200: boardDtoSchema } }, config: { access: 'programs.read' } },
    (req) => cases.board(requestContext(req), req.query.countyCode),
  );
}
