import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { SERVICE_TYPES, SERVICE_WINDOWS } from './ledger.schema.ts';

export const dashboardQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000, 'legal.dossier.year.invalid').max(2100, 'legal.dossier.year.invalid'),
});

/** 司法局看板: services by month, type and window, per child region, with coverage and follow-ups. */
export const legalDashboardDtoSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  year: z.number(),
  total: z.number(),
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  byType: z.array(z.object({ serviceType: z.enum(SERVICE_TYPES), count: z.number() })),
  byWindow: z.array(z.object({ window: z.enum(SERVICE_WINDOWS), count: z.number() })),
  children: z.array(
    z.object({ code: z.string(), name: z.string(), total: z.number(), byWindow: z.record(z.enum(SERVICE_WINDOWS), z.number()) }),
  ),
  coverage: z.object({ villages: z.number(), covered: z.number(), rate: z.number(), poorVillages: z.number(), poorCovered: z.number() }),
  compliance: z.object({ period: z.string(), villages: z.number(), behind: z.number() }),
  overdueQuestions: z.number(),
});
export type LegalDashboardDto = z.infer<typeof legalDashboardDtoSchema>;
