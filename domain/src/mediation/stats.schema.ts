import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { CASE_TYPES } from './case.schema.ts';

export const statsQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export const statsFiguresSchema = z.object({
  registered: z.number(),
  /** concluded with an agreement / without */
  success: z.number(),
  failed: z.number(),
  /** success ÷ concluded */
  successRate: z.number(),
  closed: z.number(),
  performance: z.object({ performed: z.number(), partly: z.number(), not: z.number(), rate: z.number() }),
  /** concluded late, or open past the due date */
  overdue: z.number(),
  overdueRate: z.number(),
  openHighRisk: z.number(),
  openCriminalRisk: z.number(),
  /** mean days from registration to conclusion */
  avgDurationDays: z.number(),
});
export type StatsFigures = z.infer<typeof statsFiguresSchema>;

/** 调解统计 of a region for a year: totals, by type, by month, by child region (drill-down). */
const counts = { registered: z.number(), success: z.number(), failed: z.number() };
const levelledRegion = { code: z.string(), name: z.string(), level: z.string() };
export const statsDtoSchema = z.object({
  region: z.object(levelledRegion),
  year: z.number(),
  totals: statsFiguresSchema,
  byType: z.array(z.object({ caseType: z.enum(CASE_TYPES), ...counts })),
  byMonth: z.array(z.object({ month: z.string(), ...counts })),
  children: z.array(statsFiguresSchema.extend(levelledRegion)),
  abilities: z.object({ export: z.boolean() }),
});
export type StatsDto = z.infer<typeof statsDtoSchema>;
