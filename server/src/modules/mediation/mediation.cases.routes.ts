import { z } from 'zod';
import {
  agreeSchema,
  caseCreateSchema,
  caseDtoSchema,
  type CaseDto,
  caseExportQuerySchema,
  caseListDtoSchema,
  caseListQuerySchema,
  caseRegisteredSchema,
  closeSchema,
  confirmSchema,
  failSchema,
  followUpSchema,
  myApplicationDtoSchema,
  myApplicationsDtoSchema,
  onlineApplicationSchema,
  partiesUpdateSchema,
  performanceSchema,
  reopenSchema,
  sessionSchema,
  caseTextRevealSchema,
  startSchema,
  visitSchema,
} from '@rg/domain/mediation/case.schema';
import { revealSchema } from '@rg/domain/mediation/committee.schema';
import { revealedSchema } from '@rg/domain/mediation/common.schema';
import { attachmentDtoSchema } from '@rg/domain/files/attachment';
import { sendXlsx } from '../../core/export/xlsx.ts';
import { ATTACHMENT_LIMIT } from '../../core/files/attachments.ts';
import { acceptAttachments, fileQuery, sendFile, upload } from '../../core/http/files.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import { CaseAttachments } from './mediation.attachments.ts';
import { CaseLedgerExport } from './mediation.cases-export.ts';
import { MediationParties } from './mediation.parties.ts';
import { DOCX, fileParams, idParams, partyParams } from './mediation.route-params.ts';
import type { AppContext } from '../../core/context.ts';
import type { App } from '../../core/module.ts';
import type { CasesService } from './mediation.cases.ts';

/** 案件: intake, the list and the ledger, the ten steps, parties, evidence and the agreement; 线上申请 from /m. */
export function caseRoutes(app: App, ctx: AppContext, cases: CasesService): void {
  const parties = new MediationParties(ctx);
  const ledger = new CaseLedgerExport(ctx);
  const files = new CaseAttachments(ctx);
  acceptAttachments(app);
  // 案件
  app.get(
    '/mediation/cases',
    {
      schema: { querystring: caseListQuerySchema, response: { 200: caseListDtoSchema } },
      config: { rateLimit: 'search', access: 'mediation.read' },
    },
    (req) => cases.reads.list(requestContext(req), req.query),
  );
  app.post(
    '/mediation/cases',
    {
      schema: { body: caseCreateSchema, response: { 201: caseRegisteredSchema } },
      config: {
        access: 'mediation.handle',
        idempotent: {
          replay: async (req, id) => {
            const { caseNo } = await cases.reads.get(requestContext(req), id);
            return { id, caseNo };
          },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await cases.intake.register(requestContext(req), req.body)),
  );
  app.get(
    '/mediation/cases.xlsx',
    { schema: { querystring: caseExportQuerySchema }, config: { rateLimit: 'export', access: 'mediation.export' } },
    async (req, reply) => sendXlsx(reply, '人民调解案件登记台账.xlsx', await ledger.workbook(requestContext(req), req.query)),
  );
  app.get(
    '/mediation/cases/:id',
    { schema: { params: idParams, response: { 200: caseDtoSchema } }, config: { access: 'mediation.read' } },
    (req) => cases.reads.get(requestContext(req), req.params.id),
  );
  const step = <S extends z.ZodType>(
    path: string,
    schema: S,
    run: (id: string, body: z.infer<S>, req: Parameters<typeof requestContext>[0]) => Promise<CaseDto>,
  ) =>
    app.post(
      `/mediation/cases/:id/${path}`,
      { schema: { params: idParams, body: schema, response: { 200: caseDtoSchema } }, config: { access: 'mediation.handle' } },
      (req) => run(req.params.id, req.body as z.infer<S>, req),
    );
  step('start', startSchema, (id, body, req) => cases.steps.transition(requestContext(req), id, { action: 'start', body }));
  step('agree', agreeSchema, (id, body, req) => cases.steps.transition(requestContext(req), id, { action: 'agree', body }));
  step('fail', failSchema, (id, body, req) => cases.steps.transition(requestContext(req), id, { action: 'fail', body }));
  step('follow-up', followUpSchema, (id, body, req) => cases.steps.transition(requestContext(req), id, { action: 'follow_up', body }));
  step('close', closeSchema, (id, body, req) => cases.steps.transition(requestContext(req), id, { action: 'close', body }));
  step('sessions', sessionSchema, (id, body, req) => cases.steps.record(requestContext(req), id, { recording: 'session', body }));
  step('confirm', confirmSchema, (id, body, req) => cases.steps.record(requestContext(req), id, { recording: 'confirm', body }));
  step('performance', performanceSchema, (id, body, req) =>
    cases.steps.record(requestContext(req), id, { recording: 'performance', body }),
  );
  step('visit', visitSchema, (id, body, req) => cases.steps.record(requestContext(req), id, { recording: 'visit', body }));
  step('reopen', reopenSchema, (id, body, req) => cases.steps.record(requestContext(req), id, { recording: 'reopen', body }));
  app.put(
    '/mediation/cases/:id/parties',
    { schema: { params: idParams, body: partiesUpdateSchema, response: { 200: caseDtoSchema } }, config: { access: 'mediation.handle' } },
    async (req) => {
      await parties.update(requestContext(req), req.params.id, req.body);
      return cases.reads.get(requestContext(req), req.params.id);
    },
  );
  app.post(
    '/mediation/cases/:id/parties/:partyId/reveal',
    { schema: { params: partyParams, body: revealSchema, response: { 200: revealedSchema } }, config: { access: 'personal.reveal' } },
    (req) => cases.documents.revealParty(requestContext(req), req.params.id, req.params.partyId, req.body.field),
  );
  app.post(
    '/mediation/cases/:id/texts/reveal',
    { schema: { params: idParams, body: caseTextRevealSchema, response: { 200: revealedSchema } }, config: { access: 'personal.reveal' } },
    (req) => cases.documents.revealText(requestContext(req), req.params.id, req.body.field),
  );
  app.post(
    '/mediation/cases/:id/attachments',
    {
      schema: { params: idParams, querystring: fileQuery, response: { 201: attachmentDtoSchema } },
      bodyLimit: ATTACHMENT_LIMIT,
      config: { access: 'mediation.handle' },
    },
    async (req, reply) => reply.status(201).send(await files.attach(requestContext(req), req.params.id, upload(req))),
  );
  app.get(
    '/mediation/cases/:id/attachments/:fileId',
    { schema: { params: fileParams }, config: { access: 'mediation.read' } },
    async (req, reply) => sendFile(reply, await files.file(requestContext(req), req.params.id, req.params.fileId)),
  );
  app.get(
    '/mediation/cases/:id/agreement.docx',
    { schema: { params: idParams }, config: { rateLimit: 'export', access: 'mediation.read' } },
    async (req, reply) => {
      const doc = await cases.documents.agreementDocument(requestContext(req), req.params.id);
      return sendFile(reply, { fileName: doc.fileName, contentType: DOCX, data: doc.body });
    },
  );

  // 线上申请 (/m)
  app.post(
    '/mediation/applications',
    {
      schema: { body: onlineApplicationSchema, response: { 201: myApplicationDtoSchema } },
      config: {
        rateLimit: 'submit',
        access: 'mediation.apply',
        idempotent: { replay: (req, id) => cases.intake.myApplication(requestContext(req), id) },
      },
    },
    async (req, reply) => reply.status(201).send(await cases.intake.applyOnline(requestContext(req), req.body)),
  );
  app.get(
    '/mediation/applications/mine',
    { schema: { response: { 200: myApplicationsDtoSchema } }, config: { access: 'mediation.apply' } },
    (req) => cases.intake.myApplications(requestContext(req)),
  );
}
