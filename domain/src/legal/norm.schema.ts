import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { SERVICE_TYPES, SERVICE_WINDOWS } from './ledger.schema.ts';

/** 考核周期 of a service norm. */
export const NORM_PERIODS = ['month', 'quarter', 'year'] as const;
export type NormPeriod = (typeof NORM_PERIODS)[number];

/**
 * 服务规范 (P1.4(3)): at least `minCount` services per village and period, of one window (e.g.
 * 实体窗口: one on-site service a month) or one type (e.g. 法治宣传 once a quarter), or of any.
 */
export const normCreateSchema = z
  .object({
    regionCode: regionCodeSchema,
    name: z.string('legal.norm.name.required').trim().min(1, 'legal.norm.name.required').max(60, 'legal.text.tooLong'),
    window: z.enum(SERVICE_WINDOWS).nullable().optional(),
    serviceType: z.enum(SERVICE_TYPES).nullable().optional(),
    period: z.enum(NORM_PERIODS, 'legal.norm.period.required'),
    minCount: z
      .number('legal.norm.minCount.invalid')
      .int('legal.norm.minCount.invalid')
      .min(1, 'legal.norm.minCount.invalid')
      .max(100, 'legal.norm.minCount.invalid'),
  })
  .strict();
export type NormCreate = z.infer<typeof normCreateSchema>;

export const normDtoSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  window: z.enum(SERVICE_WINDOWS).nullable(),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  period: z.enum(NORM_PERIODS),
  minCount: z.number(),
});
export type NormDto = z.infer<typeof normDtoSchema>;

export const normListDtoSchema = z.object({ items: z.array(normDtoSchema) });
export type NormListDto = z.infer<typeof normListDtoSchema>;
