import { z } from 'zod';
import {
  screeningCompletenessDtoSchema,
  screeningCreateSchema,
  screeningDtoSchema,
  screeningQuerySchema,
} from '@rg/domain/mediation/screening.schema';
import { settingsDtoSchema, settingsSchema } from '@rg/domain/mediation/settings.schema';
import { statsDtoSchema, statsQuerySchema } from '@rg/domain/mediation/stats.schema';
import { regionCodeSchema } from '@rg/domain/regions/region.schema';
import { sendXlsx } from '../../core/export/xlsx.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import { ScreeningService } from './mediation.screening.ts';
import { SettingsService } from './mediation.settings.ts';
import { StatisticsService } from './mediation.statistics.ts';
import type { AppContext } from '../../core/context.ts';
import type { App } from '../../core/module.ts';

/** 矛盾纠纷排查 reports, 调解统计 and the region's 调解工作设置. */
export function reportRoutes(app: App, ctx: AppContext): void {
  const screening = new ScreeningService(ctx);
  const statistics = new StatisticsService(ctx);
  const settings = new SettingsService(ctx);
  // 矛盾纠纷排查
  app.post(
    '/mediation/screenings',
    {
      schema: { body: screeningCreateSchema, response: { 201: screeningDtoSchema } },
      config: { access: 'mediation.screen', idempotent: { replay: (req, id) => screening.submitted(requestContext(req), id) } },
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

  // 统计 and 设置
  app.get(
    '/mediation/stats',
    { schema: { querystring: statsQuerySchema, response: { 200: statsDtoSchema } }, config: { access: 'mediation.read' } },
    (req) => statistics.stats(requestContext(req), req.query.regionCode, req.query.year),
  );
  app.get(
    '/mediation/stats.xlsx',
    { schema: { querystring: statsQuerySchema }, config: { rateLimit: 'export', access: 'mediation.export' } },
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
