import { z } from 'zod';
import {
  aidAssignSchema,
  aidCloseSchema,
  aidCreateSchema,
  aidDtoSchema,
  aidListDtoSchema,
  aidListQuerySchema,
  aidReviewSchema,
} from '@rg/domain/mediation/aid.schema';
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
  startSchema,
  visitSchema,
} from '@rg/domain/mediation/case.schema';
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
import {
  screeningCompletenessDtoSchema,
  screeningCreateSchema,
  screeningDtoSchema,
  screeningQuerySchema,
} from '@rg/domain/mediation/screening.schema';
import { settingsDtoSchema, settingsSchema } from '@rg/domain/mediation/settings.schema';
import { statsDtoSchema, statsQuerySchema } from '@rg/domain/mediation/stats.schema';
import { attachmentDtoSchema } from '@rg/domain/files/attachment';
import { regionCodeSchema } from '@rg/domain/regions/region.schema';
import type { AppContext } from '../../core/context.ts';
import { sendXlsx } from '../../core/export/xlsx.ts';
import { ATTACHMENT_LIMIT } from '../../core/files/attachments.ts';
import { acceptAttachments, fileQuery, sendFile, upload } from '../../core/http/files.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { AidService } from './mediation.aid.ts';
import { CaseAttachments } from './mediation.attachments.ts';
import { CaseLedgerExport } from './mediation.cases-export.ts';
import { CasesService } from './mediation.cases.ts';
import { CommitteesService } from './mediation.committees.ts';
import { MediatorsService } from './mediation.mediators.ts';
import { MediationParties } from './mediation.parties.ts';
import { ScreeningService } from './mediation.screening.ts';
import { SettingsService } from './mediation.settings.ts';
import { StaffingService } from './mediation.staffing.ts';
import { StatisticsService } from './mediation.statistics.ts';

const idParams = z.object({ id: z.uuid('error.notFound') });
const partyParams = z.object({ id: z.uuid('error.notFound'), partyId: z.uuid('error.notFound') });
const fileParams = z.object({ id: z.uuid('error.notFound'), fileId: z.uuid('error.notFound') });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function mediationRoutes(app: App, ctx: AppContext): void {
  const committees = new CommitteesService(ctx);
  const mediators = new MediatorsService(ctx);
  const staffing = new StaffingService(ctx);
  const cases = new CasesService(ctx);
  const parties = new MediationParties(ctx);
  const screening = new ScreeningService(ctx);
  const aid = new AidService(ctx, cases);
  const statistics = new StatisticsService(ctx);
  const ledger = new CaseLedgerExport(ctx);
  const files = new CaseAttachments(ctx);
  acceptAttachments(app);
  const settings = new SettingsService(ctx);

  // 调解组织 and 调解员
  app.get(
    '/mediation/committees',
    {
      schema: { querystring: committeeListQuerySchema, response: { 200: committeeListDtoSchema } },
      config: { access: 'mediation.read' },
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
      config: { access: 'mediation.read' },
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
      config: { access: 'mediation.manage' },
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
    { schema: { querystring: staffingQuerySchema }, config: { access: 'mediation.export' } },
    async (req, reply) =>
      sendXlsx(reply, '人民调解员配备未达标名单.xlsx', await staffing.exportGaps(requestContext(req), req.query.regionCode)),
  );

  // 案件
  app.get(
    '/mediation/cases',
    {
      schema: { querystring: caseListQuerySchema, response: { 200: caseListDtoSchema } },
      config: { access: 'mediation.read' },
    },
    (req) => cases.reads.list(requestContext(req), req.query),
  );
  app.post(
    '/mediation/cases',
    {
      schema: { body: caseCreateSchema, response: { 201: caseRegisteredSchema } },
      config: { access: 'mediation.handle', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await cases.intake.register(requestContext(req), req.body)),
  );
  app.get(
    '/mediation/cases.xlsx',
    { schema: { querystring: caseExportQuerySchema }, config: { access: 'mediation.export' } },
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
    { schema: { params: idParams }, config: { access: 'mediation.read' } },
    async (req, reply) => {
      const doc = await cases.documents.agreementDocument(requestContext(req), req.params.id);
      return sendFile(reply, { fileName: doc.fileName, contentType: DOCX, data: doc.body }, 'attachment');
    },
  );

  // 线上申请 (/m)
  app.post(
    '/mediation/applications',
    {
      schema: { body: onlineApplicationSchema, response: { 201: myApplicationDtoSchema } },
      config: { access: 'mediation.apply', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await cases.intake.applyOnline(requestContext(req), req.body)),
  );
  app.get(
    '/mediation/applications/mine',
    { schema: { response: { 200: myApplicationsDtoSchema } }, config: { access: 'mediation.apply' } },
    (req) => cases.intake.myApplications(requestContext(req)),
  );

  // 矛盾纠纷排查
  app.post(
    '/mediation/screenings',
    {
      schema: { body: screeningCreateSchema, response: { 201: screeningDtoSchema } },
      config: { access: 'mediation.screen', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await screening.submit(requestContext(req), req.body)),
  );
  app.get(
    '/mediation/screenings/completeness',
    {
      schema: { querystring: screeningQuerySchema, response: { 200: screeningCompletenessDtoSchema } },
      config: { access: 'mediation.read' },
    },
    (req) => screening.completeness(requestContext(req), req.query.regionCode, req.query.period),
  );

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
  app.get('/mediation/aid/:id/decision.docx', { schema: { params: idParams }, config: { access: 'mediation.aid' } }, async (req, reply) => {
    const doc = await aid.decisionDocument(requestContext(req), req.params.id);
    return sendFile(reply, { fileName: doc.fileName, contentType: DOCX, data: doc.body }, 'attachment');
  });
  app.post(
    '/mediation/aid/:id/reveal',
    { schema: { params: idParams, body: revealSchema, response: { 200: revealedSchema } }, config: { access: 'personal.reveal' } },
    (req) => aid.reveal(requestContext(req), req.params.id, req.body.field),
  );

  // 统计 and 设置
  app.get(
    '/mediation/stats',
    { schema: { querystring: statsQuerySchema, response: { 200: statsDtoSchema } }, config: { access: 'mediation.read' } },
    (req) => statistics.stats(requestContext(req), req.query.regionCode, req.query.year),
  );
  app.get(
    '/mediation/stats.xlsx',
    { schema: { querystring: statsQuerySchema }, config: { access: 'mediation.export' } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `人民调解工作统计表（${req.query.year}年）.xlsx`,
        await statistics.exportStats(requestContext(req), req.query.regionCode, req.query.year),
      ),
  );
  app.get(
    '/mediation/settings',
    {
      schema: { querystring: z.object({ regionCode: regionCodeSchema.optional() }), response: { 200: settingsDtoSchema } },
      config: { access: 'mediation.read' },
    },
    (req) => settings.get(requestContext(req), req.query.regionCode),
  );
  app.put(
    '/mediation/settings',
    { schema: { body: settingsSchema, response: { 200: settingsDtoSchema } }, config: { access: 'mediation.manage' } },
    (req) => settings.put(requestContext(req), req.body),
  );
}
