import { z } from 'zod';
import { attachmentDtoSchema } from '@rg/domain/files/attachment';
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
import { ATTACHMENT_LIMIT } from '../../core/files/attachments.ts';
import { fileQuery, sendFile, upload } from '../../core/http/files.ts';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { ApplicationDrafts } from './application-drafts.service.ts';
import { ApplicationReads } from './application-reads.service.ts';
import { ApplicationReview } from './application-review.service.ts';
import { ApplicationSubmission } from './application-submission.service.ts';
import { idParams, items } from './programs.route-params.ts';

const attachmentParams = z.object({ id: z.uuid('error.notFound'), attachmentId: z.uuid('error.notFound') });
/** 上传附件: the file's name and the kind of document it is (`required:a1`, `evidence:c1`, `other`). */
const attachmentQuery = fileQuery.extend({ kind: attachmentKindSchema });

/** 申报与审核 (P2.3(4)–(5)): drafting, files, submission, the review chain and the plan's versions. */
export function applicationRoutes(app: App, ctx: AppContext): void {
  const applications = new ApplicationReads(ctx);
  const drafts = new ApplicationDrafts(ctx);
  const submission = new ApplicationSubmission(ctx);
  const reviews = new ApplicationReview(ctx);
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
  // The file goes back as an attachment download (no JSON response to declare).
  app.get(
    '/programs/applications/:id/attachments/:attachmentId',
    { schema: { params: attachmentParams }, config: { access: 'programs.read' } },
    async (req, reply) => sendFile(reply, await applications.file(requestContext(req), req.params.id, req.params.attachmentId)),
  );
  app.post(
    '/programs/:id/applications',
    {
      schema: { params: idParams, body: applicationCreateSchema, response: { 201: applicationDtoSchema } },
      config: { access: 'programs.apply', idempotent: true },
    },
    async (req, reply) => reply.status(201).send(await drafts.create(requestContext(req), req.params.id, req.body.unitCode)),
  );
}
