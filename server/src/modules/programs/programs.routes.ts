import { z } from 'zod';
import {
  applicationCreateSchema,
  applicationDtoSchema,
  applicationListQuerySchema,
  applicationSaveSchema,
  applicationSummaryDtoSchema,
  attachmentKindSchema,
  diffQuerySchema,
  planDiffDtoSchema,
  reviewSchema,
} from '@rg/domain/programs/application.schema';
import { attachmentDtoSchema } from '@rg/domain/files/attachment';
import {
  agencyCreateSchema,
  groupCreateSchema,
  groupDtoSchema,
  groupListQuerySchema,
  groupListDtoSchema,
  memberCreateSchema,
  taskCreateSchema,
  taskStatusSchema,
} from '@rg/domain/programs/organization.schema';
import { designationActionSchema, designationDtoSchema, designationQuerySchema } from '@rg/domain/programs/designation.schema';
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
import type { AppContext } from '../../core/context.ts';
import { ATTACHMENT_LIMIT } from '../../core/files/attachments.ts';
import { acceptAttachments, acceptXlsx, fileQuery, sendFile, upload, xlsxBody } from '../../core/http/files.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { ApplicationDrafts } from './application-drafts.service.ts';
import { ApplicationReads } from './application-reads.service.ts';
import { ApplicationReview } from './application-review.service.ts';
import { ApplicationSubmission } from './application-submission.service.ts';
import { DesignationsService } from './designations.service.ts';
import { ProgramChanges } from './programs.changes.ts';
import { ProgramsService } from './programs.service.ts';
import { OrganizationsService } from './organizations.service.ts';
import { EvaluationsService } from './evaluations.service.ts';
import { CasesService } from './cases.service.ts';
import { programSummaryDocx } from './programs.summary-docx.ts';
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
import {
  designationDetailDtoSchema,
  evaluationCreateSchema,
  reportReviewSchema,
  reportSubmitSchema,
  templateDtoSchema,
  templatePutSchema,
} from '@rg/domain/programs/evaluation.schema';

const idParams = z.object({ id: z.uuid('error.notFound') });
const milestoneParams = z.object({ id: z.uuid('error.notFound'), milestoneId: z.uuid('error.notFound') });
const attachmentParams = z.object({ id: z.uuid('error.notFound'), attachmentId: z.uuid('error.notFound') });
/** 上传附件: the file's name and the kind of document it is (`required:a1`, `evidence:c1`, `other`). */
const attachmentQuery = fileQuery.extend({ kind: attachmentKindSchema });
/** A list response: `{ items }` (list routes return at most a few hundred rows, unpaged). */
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
/** 名额建议表: a sheet of a few hundred rows. */
const IMPORT_LIMIT = 2 * 1024 * 1024;

export function programsRoutes(app: App, ctx: AppContext): void {
  const programs = new ProgramsService(ctx);
  const changes = new ProgramChanges(ctx);
  const applications = new ApplicationReads(ctx);
  const drafts = new ApplicationDrafts(ctx);
  const submission = new ApplicationSubmission(ctx);
  const reviews = new ApplicationReview(ctx);
  const designations = new DesignationsService(ctx);
  const organizations = new OrganizationsService(ctx);
  const evaluations = new EvaluationsService(ctx);
  const cases = new CasesService(ctx);
  // Files come as the raw request body: attachments (JPG, PNG, PDF) and the quota sheet (.xlsx).
  acceptAttachments(app);
  acceptXlsx(app, IMPORT_LIMIT);

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

  // Static paths before `/programs/:id`.
  app.get(
    '/programs/applications',
    {
      schema: { querystring: applicationListQuerySchema, response: { 200: items(applicationSummaryDtoSchema) } },
      config: { access: 'programs.read' },
    },
    (req) => applications.list(requestContext(req), req.query),
  );
  app.get(
    '/programs/applications/:id',
    { schema: { params: idParams, response: { 200: applicationDtoSchema } }, config: { access: 'programs.read' } },
    (req) => applications.get(requestContext(req), req.params.id),
  );
  app.put(
    '/programs/applications/:id',
    {
      schema: { params: idParams, body: applicationSaveSchema, response: { 200: applicationDtoSchema } },
      bodyLimit: 2 * 1024 * 1024,
      config: { access: 'programs.apply' },
    },
    (req) => drafts.save(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/programs/applications/:id/submit',
    { schema: { params: idParams, response: { 200: applicationDtoSchema } }, config: { access: 'programs.apply' } },
    (req) => submission.submit(requestContext(req), req.params.id),
  );
  app.post(
    '/programs/applications/:id/review',
    { schema: { params: idParams, body: reviewSchema, response: { 200: applicationDtoSchema } }, config: { access: 'programs.review' } },
    (req) => reviews.review(requestContext(req), req.params.id, req.body),
  );
  app.get(
    '/programs/applications/:id/diff',
    {
      schema: { params: idParams, querystring: diffQuerySchema, response: { 200: planDiffDtoSchema } },
      config: { access: 'programs.read' },
    },
    (req) => applications.diff(requestContext(req), req.params.id, req.query.from, req.query.to),
  );
  app.post(
    '/programs/applications/:id/attachments',
    {
      schema: { params: idParams, querystring: attachmentQuery, response: { 201: attachmentDtoSchema } },
      bodyLimit: ATTACHMENT_LIMIT,
      config: { access: 'programs.apply' },
    },
    async (req, reply) => reply.status(201).send(await drafts.attach(requestContext(req), req.params.id, req.query.kind, upload(req))),
  );
  app.get(
    '/programs/applications/:id/attachments/:attachmentId',
    { schema: { params: attachmentParams }, config: { access: 'programs.read' } },
    async (req, reply) => sendFile(reply, await applications.file(requestContext(req), req.params.id, req.params.attachmentId)),
  );

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
    (req) => evaluations.detail(requestContext(req), req.params.id),
  );
  app.post(
    '/programs/designations/:id/reports',
    {
      schema: { params: idParams, body: reportSubmitSchema, response: { 201: designationDetailDtoSchema } },
      bodyLimit: 2 * 1024 * 1024,
      config: { access: 'programs.apply' },
    },
    async (req, reply) =>
      reply.status(201).send(await evaluations.submitReport(requestContext(req), req.params.id, req.body.year, req.body.content)),
  );
  app.post(
    '/programs/reports/:id/review',
    {
      schema: { params: idParams, body: reportReviewSchema, response: { 200: designationDetailDtoSchema } },
      config: { access: 'programs.review' },
    },
    (req) => evaluations.reviewReport(requestContext(req), req.params.id, req.body.decision, req.body.comment),
  );
  app.post(
    '/programs/designations/:id/evaluations',
    {
      schema: { params: idParams, body: evaluationCreateSchema, response: { 201: designationDetailDtoSchema } },
      config: { access: 'programs.evaluate' },
    },
    async (req, reply) => reply.status(201).send(await evaluations.evaluate(requestContext(req), req.params.id, req.body)),
  );

  app.get(
    '/programs/cases',
    { schema: { querystring: caseListQuerySchema, response: { 200: caseListDtoSchema } }, config: { access: 'programs.read' } },
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

  app.get(
    '/programs/groups',
    { schema: { querystring: groupListQuerySchema, response: { 200: groupListDtoSchema } }, config: { access: 'programs.read' } },
    (req) => organizations.list(requestContext(req), req.query.regionCode),
  );
  app.post(
    '/programs/groups',
    { schema: { body: groupCreateSchema, response: { 201: groupDtoSchema } }, config: { access: 'programs.manage', idempotent: true } },
    async (req, reply) => reply.status(201).send(await organizations.create(requestContext(req), req.body)),
  );
  app.get(
    '/programs/groups/:id',
    { schema: { params: idParams, response: { 200: groupDtoSchema } }, config: { access: 'programs.read' } },
    (req) => organizations.get(requestContext(req), req.params.id),
  );
  app.post(
    '/programs/groups/:id/members',
    { schema: { params: idParams, body: memberCreateSchema, response: { 201: groupDtoSchema } }, config: { access: 'programs.manage' } },
    async (req, reply) => reply.status(201).send(await organizations.addMember(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/programs/groups/:id/agencies',
    { schema: { params: idParams, body: agencyCreateSchema, response: { 201: groupDtoSchema } }, config: { access: 'programs.manage' } },
    async (req, reply) => reply.status(201).send(await organizations.addAgency(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/programs/groups/:id/tasks',
    { schema: { params: idParams, body: taskCreateSchema, response: { 201: groupDtoSchema } }, config: { access: 'programs.manage' } },
    async (req, reply) => reply.status(201).send(await organizations.addTask(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/programs/tasks/:id/status',
    { schema: { params: idParams, body: taskStatusSchema, response: { 200: groupDtoSchema } }, config: { access: 'programs.manage' } },
    (req) => organizations.setTaskStatus(requestContext(req), req.params.id, req.body.status, req.body.version),
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
    '/programs/:id/applications',
    {
      schema: { params: idParams, body: applicationCreateSchema, response: { 201: applicationDtoSchema } },
      config: { access: 'programs.apply', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await drafts.create(requestContext(req), req.params.id, req.body.unitCode)),
  );
  app.post(
    '/programs/:id/milestones',
    {
      schema: { params: idParams, body: milestoneInputSchema, response: { 201: programDetailDtoSchema } },
      config: { access: 'programs.manage' },
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
  app.get('/programs/:id/summary.docx', { schema: { params: idParams }, config: { access: 'programs.read' } }, async (req, reply) => {
    const doc = await programSummaryDocx(ctx, requestContext(req), req.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('cache-control', 'no-store')
      .send(doc.body);
  });
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
    (req) => programs.putQuotas(requestContext(req), req.params.id, req.body.items),
  );
  app.post(
    '/programs/:id/quotas/import',
    {
      schema: { params: idParams, response: { 200: quotaImportDtoSchema } },
      bodyLimit: IMPORT_LIMIT,
      config: { access: 'programs.manage' },
    },
    (req) => programs.importQuotas(requestContext(req), req.params.id, xlsxBody(req.body, 'programs.import.notXlsx')),
  );
}
