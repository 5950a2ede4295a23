import {
  aidAssignSchema,
  aidCloseSchema,
  aidCreateSchema,
  aidDtoSchema,
  aidListDtoSchema,
  aidListQuerySchema,
  aidReviewSchema,
} from '@rg/domain/mediation/aid.schema';
import { revealSchema } from '@rg/domain/mediation/committee.schema';
import { revealedSchema } from '@rg/domain/mediation/common.schema';
import { sendFile } from '../../core/http/files.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import { AidService } from './mediation.aid.ts';
import { DOCX, idParams } from './mediation.route-params.ts';
import type { AppContext } from '../../core/context.ts';
import type { App } from '../../core/module.ts';
import type { CasesService } from './mediation.cases.ts';

/** 法律援助: applications, their review, assignment and close, the decision letter, reveals. */
export function aidRoutes(app: App, ctx: AppContext, cases: CasesService): void {
  const aid = new AidService(ctx, cases);
  // 法律援助
  app.get(
    '/mediation/aid',
    { schema: { querystring: aidListQuerySchema, response: { 200: aidListDtoSchema } }, config: { access: 'mediation.read' } },
    (req) => aid.list(requestContext(req), req.query),
  );
  app.post(
    '/mediation/aid',
    { schema: { body: aidCreateSchema, response: { 201: aidDtoSchema } }, config: { access: 'mediation.aid', idempotent: true } },
    async (req, reply) => reply.status(201).send(await aid.create(requestContext(req), req.body)),
  );
  app.get(
    '/mediation/aid/:id',
    { schema: { params: idParams, response: { 200: aidDtoSchema } }, config: { access: 'mediation.read' } },
    (req) => aid.get(requestContext(req), req.params.id),
  );
  app.post(
    '/mediation/aid/:id/review',
    { schema: { params: idParams, body: aidReviewSchema, response: { 200: aidDtoSchema } }, config: { access: 'mediation.aid' } },
    (req) => aid.step(requestContext(req), req.params.id, { step: 'review', body: req.body }),
  );
  app.post(
    '/mediation/aid/:id/assign',
    { schema: { params: idParams, body: aidAssignSchema, response: { 200: aidDtoSchema } }, config: { access: 'mediation.aid' } },
    (req) => aid.step(requestContext(req), req.params.id, { step: 'assign', body: req.body }),
  );
  app.post(
    '/mediation/aid/:id/close',
    { schema: { params: idParams, body: aidCloseSchema, response: { 200: aidDtoSchema } }, config: { access: 'mediation.aid' } },
    (req) => aid.step(requestContext(req), req.params.id, { step: 'close', body: req.body }),
  );
  app.get(
    '/mediation/aid/:id/decision.docx',
    { schema: { params: idParams }, config: { rateLimit: 'export', access: 'mediation.aid' } },
    async (req, reply) => {
      const doc = await aid.decisionDocument(requestContext(req), req.params.id);
      return sendFile(reply, { fileName: doc.fileName, contentType: DOCX, data: doc.body });
    },
  );
  app.post(
    '/mediation/aid/:id/reveal',
    { schema: { params: idParams, body: revealSchema, response: { 200: revealedSchema } }, config: { access: 'personal.reveal' } },
    (req) => aid.reveal(requestContext(req), req.params.id, req.body.field),
  );
}
