import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { normDtoSchema } from './norm.schema.ts';

/** A period as officials name it: 2026-11 (month), 2026-Q4 (quarter) or 2026 (year). */
export const periodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'legal.period.invalid');

export const complianceQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  period: periodSchema,
  behindOnly: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export const complianceVillageDtoSchema = z.object({
  villageCode: z.string(),
  villagePath: z.string(),
  advisorId: z.string(),
  advisorName: z.string(),
  /** Per norm: services done and required in the period. */
  norms: z.array(z.object({ normId: z.string(), done: z.number(), required: z.number() })),
  behind: z.boolean(),
});
export type ComplianceVillageDto = z.infer<typeof complianceVillageDtoSchema>;

/** 履职情况 of a region in a period (P1.4(3)). */
export const complianceDtoSchema = z.object({
  period: z.string(),
  norms: z.array(normDtoSchema),
  /** Villages with a current advisor, and how many fall short of some norm. */
  villages: z.number(),
  behind: z.number(),
  rate: z.number(),
  advisors: z.array(z.object({ advisorId: z.string(), advisorName: z.string(), villages: z.number(), behind: z.number() })),
  items: z.array(complianceVillageDtoSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ComplianceDto = z.infer<typeof complianceDtoSchema>;
