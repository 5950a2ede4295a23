import {
  committeeCreateSchema,
  committeeDtoSchema,
  committeeListDtoSchema,
  committeeListQuerySchema,
  committeeUpdateSchema,
  mediatorCreateSchema,
  mediatorDetailDtoSchema,
  mediatorListDtoSchema,
  mediatorListQuerySchema,
  mediatorUpdateSchema,
  revealSchema,
  staffingDtoSchema,
  staffingQuerySchema,
  trainingCreateSchema,
} from '@rg/domain/mediation/committee.schema';
import { revealedSchema } from '@rg/domain/mediation/common.schema';
import { sendXlsx } from '../../core/export/xlsx.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import { CommitteesService } from './mediation.committees.ts';
import { MediatorsService } from './mediation.mediators.ts';
import { StaffingService } from './mediation.staffing.ts';
import { idParams } from './mediation.route-params.ts';
import type { AppContext } from '../../core/context.ts';
import type { App } from '../../core/module.ts';

/** 调解组织 and 调解员: committees, mediators and their training, the staffing rule (P1.4(4), P3.3(三)1). */
export function organisationRoutes(app: App, ctx: AppContext): void {
  const committees = new CommitteesService(ctx);
  const mediators = new MediatorsService(ctx);
  const staffing = new StaffingService(ctx);
  app.get(
    '/mediation/committees',
    {
      schema: { querystring: committeeListQuerySchema, response: { 200: committeeListDtoSchema } },
      config: { rateLimit: 'search', access: 'mediation.read' },
    },
    (req) => committees.listCommittees(requestContext(req), req.query),
  );
  app.post(
    '/mediation/committees',
    {
      schema: { body: committeeCreateSchema, response: { 201: committeeDtoSchema } },
      config: { access: 'mediation.manage', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await committees.createCommittee(requestContext(req), req.body)),
  );
  app.get(
    '/mediation/committees/:id',
    { schema: { params: idParams, response: { 200: committeeDtoSchema } }, config: { access: 'mediation.read' } },
    (req) => committees.getCommittee(requestContext(req), req.params.id),
  );
  app.patch(
    '/mediation/committees/:id',
    {
      schema: { params: idParams, body: committeeUpdateSchema, response: { 200: committeeDtoSchema } },
      config: { access: 'mediation.manage' },
    },
    (req) => committees.updateCommittee(requestContext(req), req.params.id, req.body),
  );
  app.get(
    '/mediation/mediators',
    {
      schema: { querystring: mediatorListQuerySchema, response: { 200: mediatorListDtoSchema } },
      config: { rateLimit: 'search', access: 'mediation.read' },
    },
    (req) => mediators.listMediators(requestContext(req), req.query),
  );
  app.post(
    '/mediation/mediators',
    {
      schema: { body: mediatorCreateSchema, response: { 201: mediatorDetailDtoSchema } },
      config: { access: 'mediation.manage', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await mediators.createMediator(requestContext(req), req.body)),
  );
  app.get(
    '/mediation/mediators/:id',
    { schema: { params: idParams, response: { 200: mediatorDetailDtoSchema } }, config: { access: 'mediation.read' } },
    (req) => mediators.getMediator(requestContext(req), req.params.id),
  );
  app.patch(
    '/mediation/mediators/:id',
    {
      schema: { params: idParams, body: mediatorUpdateSchema, response: { 200: mediatorDetailDtoSchema } },
      config: { access: 'mediation.manage' },
    },
    (req) => mediators.updateMediator(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/mediation/mediators/:id/trainings',
    {
      schema: { params: idParams, body: trainingCreateSchema, response: { 201: mediatorDetailDtoSchema } },
      config: { access: 'mediation.manage', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await mediators.addTraining(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/mediation/mediators/:id/reveal',
    { schema: { params: idParams, body: revealSchema, response: { 200: revealedSchema } }, config: { access: 'personal.reveal' } },
    (req) => mediators.reveal(requestContext(req), req.params.id, req.body.field),
  );
  app.get(
    '/mediation/staffing',
    { schema: { querystring: staffingQuerySchema, response: { 200: staffingDtoSchema } }, config: { access: 'mediation.read' } },
    (req) => staffing.staffing(requestContext(req), req.query.regionCode),
  );
  app.get(
    '/mediation/staffing/gaps.xlsx',
    { schema: { querystring: staffingQuerySchema }, config: { rateLimit: 'export', access: 'mediation.export' } },
    async (req, reply) =>
      sendXlsx(reply, '人民调解员配备未达标名单.xlsx', await staffing.exportGaps(requestContext(req), req.query.regionCode)),
  );
}
