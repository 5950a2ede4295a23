import { z } from 'zod';
import {
  allocationInputSchema,
  completenessDtoSchema,
  indicatorListDtoSchema,
  lockDtoSchema,
  lockSchema,
  relocateDtoSchema,
  reportDtoSchema,
  reportFormDtoSchema,
  reportFormQuerySchema,
  reportListQuerySchema,
  reportPageDtoSchema,
  reviewSchema,
  roundCreateSchema,
  roundDtoSchema,
  roundListDtoSchema,
  safetyReportSchema,
  scoreInputSchema,
  scorecardDtoSchema,
  scorecardQuerySchema,
  targetCreateSchema,
  targetDtoSchema,
  targetListDtoSchema,
  templateListDtoSchema,
} from '@rg/domain/indicators/indicators.schema';
import type { AppContext } from '../../core/context.ts';
import { sendXlsx } from '../../core/export/xlsx.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { authorize } from '../../core/access/authorize.ts';
import { AssessmentService } from './indicators.assessment.ts';
import { IndicatorCatalogue } from './indicators.catalogue.ts';
import { ReportCompleteness } from './indicators.completeness.ts';
import { PeriodLocks } from './indicators.period-locks.ts';
import { ReportService } from './indicators.reports.ts';
import { Scorecard } from './indicators.scorecard.ts';
import { RollupEngine } from './rollup.engine.ts';

const idParams = z.object({ id: z.uuid('error.notFound') });

export function indicatorsRoutes(app: App, ctx: AppContext): void {
  const engine = new RollupEngine(ctx.dialect, ctx.counters);
  const catalogue = new IndicatorCatalogue(ctx);
  const locks = new PeriodLocks(ctx, engine);
  const reports = new ReportService(ctx, engine, locks);
  const completeness = new ReportCompleteness(ctx, locks);
  const scorecard = new Scorecard(ctx, catalogue);
  const assessment = new AssessmentService(ctx, catalogue);

  app.get(
    '/indicators/catalogue',
    { schema: { response: { 200: indicatorListDtoSchema } }, config: { access: 'indicators.read' } },
    (req) => ({
      items: catalogue.list(requestContext(req)),
    }),
  );
  app.get(
    '/indicators/targets',
    { schema: { response: { 200: targetListDtoSchema } }, config: { access: 'indicators.read' } },
    async (req) => ({
      items: await catalogue.listTargets(requestContext(req)),
    }),
  );
  app.post(
    '/indicators/targets',
    { schema: { body: targetCreateSchema, response: { 201: targetDtoSchema } }, config: { access: 'indicators.manage', idempotent: true } },
    async (req, reply) => reply.status(201).send(await catalogue.createTarget(requestContext(req), req.body)),
  );

  app.get(
    '/indicators/reports',
    { schema: { querystring: reportListQuerySchema, response: { 200: reportPageDtoSchema } }, config: { access: 'indicators.read' } },
    (req) => reports.list(requestContext(req), req.query),
  );
  app.get(
    '/indicators/reports/form',
    { schema: { querystring: reportFormQuerySchema, response: { 200: reportFormDtoSchema } }, config: { access: 'indicators.read' } },
    (req) => reports.form(requestContext(req), req.query.unitCode, req.query.period),
  );
  app.put(
    '/indicators/reports',
    { schema: { body: safetyReportSchema, response: { 200: reportDtoSchema } }, config: { access: 'indicators.report', idempotent: true } },
    (req) => reports.submit(requestContext(req), req.body),
  );
  app.post(
    '/indicators/reports/:id/review',
    { schema: { params: idParams, body: reviewSchema, response: { 200: reportDtoSchema } }, config: { access: 'indicators.review' } },
    (req) => reports.review(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/indicators/locks',
    { schema: { body: lockSchema, response: { 201: lockDtoSchema } }, config: { access: 'indicators.review', idempotent: true } },
    async (req, reply) => reply.status(201).send(await locks.lock(requestContext(req), req.body.regionCode, req.body.period)),
  );
  app.get(
    '/indicators/completeness',
    { schema: { querystring: scorecardQuerySchema, response: { 200: completenessDtoSchema } }, config: { access: 'indicators.read' } },
    (req) => completeness.completeness(requestContext(req), req.query.regionCode, req.query.period),
  );

  app.get(
    '/indicators/scorecard',
    { schema: { querystring: scorecardQuerySchema, response: { 200: scorecardDtoSchema } }, config: { access: 'indicators.read' } },
    (req) => scorecard.scorecard(requestContext(req), req.query.regionCode, req.query.period),
  );
  app.get(
    '/indicators/scorecard.xlsx',
    { schema: { querystring: scorecardQuerySchema }, config: { rateLimit: 'export', access: 'indicators.export' } },
    async (req, reply) => {
      const file = await scorecard.export(requestContext(req), req.query.regionCode, req.query.period);
      return sendXlsx(reply, file.name, file.body);
    },
  );
  // After a region import moved villages or towns: their sums follow them (nation-wide administrators only).
  app.post(
    '/indicators/rollup/relocate',
    { schema: { response: { 200: relocateDtoSchema } }, config: { access: 'indicators.manage' } },
    async (req) => {
      const rc = requestContext(req);
      authorize(rc.actor, 'indicators.manage', { regionCode: '00' });
      const moved = await engine.relocateMoved(ctx.db);
      await ctx.db
        .transaction()
        .execute((tx) => ctx.audit.append(tx, rc, { action: 'indicators.rollup_relocate', objectRegion: '00', detail: { moved } }));
      return { moved };
    },
  );

  app.get(
    '/indicators/assessment/templates',
    { schema: { response: { 200: templateListDtoSchema } }, config: { access: 'indicators.read' } },
    (req) => ({ items: assessment.templates(requestContext(req)) }),
  );
  app.get('/indicators/rounds', { schema: { response: { 200: roundListDtoSchema } }, config: { access: 'indicators.read' } }, (req) =>
    assessment.list(requestContext(req)),
  );
  app.post(
    '/indicators/rounds',
    { schema: { body: roundCreateSchema, response: { 201: roundDtoSchema } }, config: { access: 'indicators.manage', idempotent: true } },
    async (req, reply) => reply.status(201).send(await assessment.create(requestContext(req), req.body)),
  );
  app.get(
    '/indicators/rounds/:id',
    { schema: { params: idParams, response: { 200: roundDtoSchema } }, config: { access: 'indicators.read' } },
    (req) => assessment.get(requestContext(req), req.params.id),
  );
  app.put(
    '/indicators/rounds/:id/scores',
    { schema: { params: idParams, body: scoreInputSchema, response: { 200: roundDtoSchema } }, config: { access: 'indicators.assess' } },
    (req) => assessment.score(requestContext(req), req.params.id, req.body),
  );
  app.post(
    '/indicators/rounds/:id/autofill',
    { schema: { params: idParams, response: { 200: roundDtoSchema } }, config: { access: 'indicators.assess' } },
    (req) => assessment.autofill(requestContext(req), req.params.id),
  );
  app.post(
    '/indicators/rounds/:id/allocation',
    {
      schema: { params: idParams, body: allocationInputSchema, response: { 200: roundDtoSchema } },
      config: { access: 'indicators.manage' },
    },
    (req) => assessment.allocate(requestContext(req), req.params.id, req.body),
  );
  app.get(
    '/indicators/rounds/:id/allocation.xlsx',
    { schema: { params: idParams }, config: { rateLimit: 'export', access: 'indicators.export' } },
    async (req, reply) => {
      const file = await assessment.exportAllocation(requestContext(req), req.params.id);
      return sendXlsx(reply, file.name, file.body);
    },
  );
}
