import { z } from 'zod';
import {
  attachmentDtoSchema,
  consultationAnswerSchema,
  consultationCreateSchema,
  consultationDtoSchema,
  consultationListDtoSchema,
  consultationListQuerySchema,
  myAdvisorDtoSchema,
  myConsultationsDtoSchema,
  serviceAcceptSchema,
  serviceCreateSchema,
  serviceDetailDtoSchema,
  serviceListDtoSchema,
  serviceListQuerySchema,
  serviceReturnSchema,
  serviceUpdateSchema,
} from '@rg/domain/legal/service.schema';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { ATTACHMENT_LIMIT } from '../../core/files/attachments.ts';
import { LegalConsultations } from './legal.consultations.ts';
import { LegalLedger } from './legal.ledger.ts';
import { acceptAttachments, fileQuery, sendFile, upload } from '../../core/http/files.ts';

const idParams = z.object({ id: z.uuid('error.notFound') });
const fileParams = z.object({ id: z.uuid('error.notFound'), fileId: z.uuid('error.notFound') });
/** 服务台账 and 网上咨询 (P1.4(1), P1.4(3)). */
export function legalLedgerRoutes(app: App, ctx: AppContext): void {
  const ledger = new LegalLedger(ctx);
  const consultations = new LegalConsultations(ctx);
  // Uploads arrive as raw bodies; any other type is a 415 before the route runs.
  acceptAttachments(app);

  app.get('/legal/me', { schema: { response: { 200: myAdvisorDtoSchema } }, config: { access: 'legal.record' } }, (req) =>
    ledger.me(requestContext(req)),
  );
  app.get(
    '/legal/services',
    { schema: { querystring: serviceListQuerySchema, response: { 200: serviceListDtoSchema } }, config: { access: 'authenticated' } },
    (req) => ledger.list(requestContext(req), req.query),
  );
  app.post(
    '/legal/services',
    {
      schema: { body: serviceCreateSchema, response: { 201: serviceDetailDtoSchema } },
      config: { access: 'legal.record', idempotent: { replay: (req, id) => ledger.get(requestContext(req), id) } },
    },
    async (req, reply) => reply.status(201).send(await ledger.create(requestContext(req), req.body)),
  );
  app.get(
    '/legal/services/:id',
    { schema: { params: idParams, response: { 200: serviceDetailDtoSchema } }, config: { access: 'authenticated' } },
    (req) => ledger.get(requestContext(req), req.params.id),
  );
  app.put(
    '/legal/services/:id',
    {
      schema: { params: idParams, body: serviceUpdateSchema, response: { 200: serviceDetailDtoSchema } },
      config: { access: 'legal.record' },
    },
    (req) => ledger.update(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/legal/services/:id/return',
    {
      schema: { params: idParams, body: serviceReturnSchema, response: { 200: serviceDetailDtoSchema } },
      config: { access: 'legal.review' },
    },
    (req) => ledger.review(requestContext(req), req.params.id, req.body, 'returned'),
  );
  app.post(
    '/legal/services/:id/accept',
    {
      schema: { params: idParams, body: serviceAcceptSchema, response: { 200: serviceDetailDtoSchema } },
      config: { access: 'legal.review' },
    },
    (req) => ledger.review(requestContext(req), req.params.id, req.body, 'accepted'),
  );
  app.post(
    '/legal/services/:id/attachments',
    {
      schema: { params: idParams, querystring: fileQuery, response: { 201: attachmentDtoSchema } },
      bodyLimit: ATTACHMENT_LIMIT,
      config: { access: 'legal.record' },
    },
    async (req, reply) => reply.status(201).send(await ledger.attach(requestContext(req), req.params.id, upload(req))),
  );
  app.get(
    '/legal/services/:id/attachments/:fileId',
    { schema: { params: fileParams }, config: { access: 'authenticated' } },
    async (req, reply) => sendFile(reply, await ledger.attachment(requestContext(req), req.params.id, req.params.fileId)),
  );

  app.post(
    '/legal/consultations',
    {
      schema: { body: consultationCreateSchema, response: { 201: consultationDtoSchema } },
      config: {
        rateLimit: 'submit',
        access: 'legal.ask',
        idempotent: { replay: (req, id) => consultations.again(requestContext(req), id) },
      },
    },
    async (req, reply) => reply.status(201).send(await consultations.ask(requestContext(req), req.body)),
  );
  app.get(
    '/legal/consultations/mine',
    { schema: { response: { 200: myConsultationsDtoSchema } }, config: { access: 'legal.ask' } },
    (req) => consultations.mine(requestContext(req)),
  );
  app.get(
    '/legal/consultations',
    {
      schema: { querystring: consultationListQuerySchema, response: { 200: consultationListDtoSchema } },
      config: { access: 'legal.record' },
    },
    (req) => consultations.list(requestContext(req), req.query),
  );
  app.post(
    '/legal/consultations/:id/answer',
    {
      schema: { params: idParams, body: consultationAnswerSchema, response: { 200: consultationDtoSchema } },
      // Answered from the phone: a retry is answered once. Its first audited object is the ledger
      // entry the answer creates, so the replay reads the question named in the URL.
      config: {
        access: 'legal.record',
        idempotent: { replay: (req) => consultations.again(requestContext(req), (req.params as { id: string }).id) },
      },
    },
    (req) => consultations.answer(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/legal/consultations/:id/pictures',
    {
      schema: { params: idParams, querystring: fileQuery, response: { 201: attachmentDtoSchema } },
      bodyLimit: ATTACHMENT_LIMIT,
      config: { rateLimit: 'submit', access: 'legal.ask' },
    },
    async (req, reply) => reply.status(201).send(await consultations.addPicture(requestContext(req), req.params.id, upload(req))),
  );
  app.get(
    '/legal/consultations/:id/pictures/:fileId',
    { schema: { params: fileParams }, config: { access: 'authenticated' } },
    async (req, reply) => sendFile(reply, await consultations.readPicture(requestContext(req), req.params.id, req.params.fileId)),
  );
}
