import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { optionalProse, prose, proseDto, regionNameSchema } from './common.schema.ts';
import { addDays } from './case-workflow.ts';
import { CASE_TYPES, RISK_LEVELS } from './case.schema.ts';

/** A screening period is a month, `YYYY-MM`. */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'mediation.period.invalid');

/** A village's report is due by the 5th of the following month (矛盾纠纷月排查). */
export const SCREENING_GRACE_DAYS = 5;

export function periodDueOn(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(nextMonth, SCREENING_GRACE_DAYS - 1);
}

export const screeningItemSchema = z
  .object({
    caseType: z.enum(CASE_TYPES, 'mediation.caseType.required'),
    summary: prose(200, 'mediation.screening.summary.required'),
    peopleCount: z.number().int().min(1, 'mediation.peopleCount.invalid').max(100_000, 'mediation.peopleCount.invalid'),
    riskLevel: z.enum(RISK_LEVELS, 'mediation.riskLevel.required'),
  })
  .strict();

/**
 * 矛盾纠纷排查报告: each village reports each month the disputes it found, or says explicitly that it
 * found none (零报告) — silence is not a nil report.
 */
export const screeningCreateSchema = z
  .object({
    villageCode: regionCodeSchema,
    period: periodSchema,
    nil: z.boolean('mediation.screening.nil.required'),
    items: z.array(screeningItemSchema).max(200, 'mediation.screening.tooMany').default([]),
    note: optionalProse(500),
  })
  .strict()
  .superRefine((s, issues) => {
    if (s.nil && s.items.length > 0) issues.addIssue({ code: 'custom', path: ['items'], message: 'mediation.screening.nilWithItems' });
    if (!s.nil && s.items.length === 0) issues.addIssue({ code: 'custom', path: ['items'], message: 'mediation.screening.itemsRequired' });
  });
export type ScreeningCreate = z.infer<typeof screeningCreateSchema>;

export const screeningQuerySchema = z.object({ regionCode: regionCodeSchema.optional(), period: periodSchema });

export const screeningItemDtoSchema = z.object({
  caseType: z.enum(CASE_TYPES),
  summary: proseDto,
  peopleCount: z.number(),
  riskLevel: z.enum(RISK_LEVELS),
});
export type ScreeningItemDto = z.infer<typeof screeningItemDtoSchema>;

export const screeningDtoSchema = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  period: z.string(),
  nil: z.boolean(),
  items: z.array(screeningItemDtoSchema),
  note: proseDto.nullable(),
  submittedOn: z.string(),
  onTime: z.boolean(),
  submittedBy: z.string(),
});
export type ScreeningDto = z.infer<typeof screeningDtoSchema>;

export const screeningRowDtoSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** villages expected to report */
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  nil: z.number(),
  disputes: z.number(),
});
export type ScreeningRowDto = z.infer<typeof screeningRowDtoSchema>;

/** 排查报送情况 for a period: per child region, and the villages still missing (up to 200). */
export const screeningCompletenessDtoSchema = z.object({
  region: regionNameSchema,
  period: z.string(),
  dueOn: z.string(),
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  disputes: z.number(),
  children: z.array(screeningRowDtoSchema),
  missingVillages: z.array(z.object({ code: z.string(), path: z.string() })),
  reports: z.array(screeningDtoSchema),
  /** May file a village's report; may register a case from a reported dispute. */
  abilities: z.object({ submit: z.boolean(), registerCase: z.boolean() }),
});
export type ScreeningCompletenessDto = z.infer<typeof screeningCompletenessDtoSchema>;
