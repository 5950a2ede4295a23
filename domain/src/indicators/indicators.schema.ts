import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { COMPARISONS, INDICATOR_KINDS, INDICATOR_SOURCES, INDICATOR_UNITS } from './catalogue.ts';
import { isPeriod } from './period.ts';
import { GRADES } from './subsidy-allocation.ts';
import { TARGET_STATUSES } from './target-status.ts';

export const periodSchema = z
  .string()
  .trim()
  .refine((v): boolean => isPeriod(v), { message: 'indicators.period.invalid' });
const date = z.iso.date('indicators.date.invalid');

/** An indicator as the console shows it: its catalogue definition (catalogue.ts IndicatorDefinition). */
export const indicatorDtoSchema = z.object({
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  kind: z.enum(INDICATOR_KINDS),
  source: z.enum(INDICATOR_SOURCES),
  clause: z.string(),
});
export type IndicatorDto = z.infer<typeof indicatorDtoSchema>;
export const indicatorListDtoSchema = z.object({ items: z.array(indicatorDtoSchema) });

/** 目标: a value an indicator must reach in a region (and its subtree), optionally for one programme. */
export const targetCreateSchema = z
  .object({
    indicatorCode: z.string().trim().min(1, 'indicators.indicator.required').max(60),
    regionCode: regionCodeSchema,
    programCode: z.string().trim().max(60).nullable().optional(),
    comparison: z.enum(COMPARISONS, { message: 'indicators.comparison.invalid' }),
    value: z.number({ message: 'indicators.target.value' }).min(0, 'indicators.target.value').max(1_000_000, 'indicators.target.value'),
    dueDate: date,
  })
  .strict();
export type TargetCreate = z.infer<typeof targetCreateSchema>;

export const targetDtoSchema = z.object({
  id: z.string(),
  indicatorCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  programCode: z.string().nullable(),
  comparison: z.enum(COMPARISONS),
  value: z.number(),
  dueDate: z.string(),
});
export type TargetDto = z.infer<typeof targetDtoSchema>;
export const targetListDtoSchema = z.object({ items: z.array(targetDtoSchema) });

/**
 * 平安乡村季度填报 (P3.3(三)2): one form per village and quarter. Whole numbers; the safe families
 * cannot exceed the households.
 */
export const safetyReportSchema = z
  .object({
    unitCode: regionCodeSchema,
    period: periodSchema,
    sixNone: z.boolean({ message: 'indicators.report.sixNone' }),
    households: z
      .number({ message: 'indicators.report.households' })
      .int('indicators.report.households')
      .min(1, 'indicators.report.households')
      .max(100_000, 'indicators.report.households'),
    safeFamilies: z
      .number({ message: 'indicators.report.safeFamilies' })
      .int('indicators.report.safeFamilies')
      .min(0, 'indicators.report.safeFamilies')
      .max(100_000, 'indicators.report.safeFamilies'),
    centreStandardized: z.boolean({ message: 'indicators.report.centre' }),
    policeOnCommittee: z.boolean({ message: 'indicators.report.police' }),
    /** The version the form was loaded with (optimistic concurrency); absent for a first report. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type SafetyReport = z.infer<typeof safetyReportSchema>;

export const REPORT_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What the actor may do next with a form (from the report policy). */
export const REPORT_ACTIONS = ['edit', 'review'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const reportDtoSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  period: z.string(),
  status: z.enum(REPORT_STATUSES),
  sixNone: z.boolean(),
  households: z.number(),
  safeFamilies: z.number(),
  centreStandardized: z.boolean(),
  policeOnCommittee: z.boolean(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  onTime: z.boolean(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewNote: freeText(z.string()).nullable(),
  version: z.number(),
  abilities: z.object({ edit: z.boolean(), review: z.boolean() }),
});
export type ReportDto = z.infer<typeof reportDtoSchema>;

export const reportPageDtoSchema = z.object({
  items: z.array(reportDtoSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ReportPageDto = z.infer<typeof reportPageDtoSchema>;

export const reportFormDtoSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  period: z.string(),
  dueDate: z.string(),
  locked: z.boolean(),
  report: reportDtoSchema.nullable(),
  /** Whether the actor may submit the quarter's form now (a first one, a correction or a resubmission). */
  abilities: z.object({ submit: z.boolean() }),
});
export type ReportFormDto = z.infer<typeof reportFormDtoSchema>;

export const reportFormQuerySchema = z.object({ unitCode: regionCodeSchema, period: periodSchema });
export const reportListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  period: periodSchema,
  status: z.enum(REPORT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const reviewSchema = z
  .object({
    decision: z.enum(['approve', 'return'], { message: 'indicators.review.decision' }),
    note: freeText(z.string().trim().max(200, 'indicators.text.tooLong').optional()),
    version: z.number().int().min(1),
  })
  .strict();
export type ReviewInput = z.infer<typeof reviewSchema>;

export const lockSchema = z.object({ regionCode: regionCodeSchema, period: periodSchema }).strict();
export const lockDtoSchema = z.object({ regionCode: z.string(), period: z.string(), lockedAt: z.string() });
export type LockDto = z.infer<typeof lockDtoSchema>;

export const completenessRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  approved: z.number(),
});
export type CompletenessRow = z.infer<typeof completenessRowSchema>;
export const completenessDtoSchema = completenessRowSchema.extend({
  period: z.string(),
  dueDate: z.string(),
  locked: z.boolean(),
  children: z.array(completenessRowSchema),
  /** Whether the actor may close the quarter for the region now. */
  abilities: z.object({ lock: z.boolean() }),
});
export type CompletenessDto = z.infer<typeof completenessDtoSchema>;

/** The units whose sums followed them after a region import moved them. */
export const relocateDtoSchema = z.object({ moved: z.array(z.string()) });

export const scorecardQuerySchema = z.object({ regionCode: regionCodeSchema.optional(), period: periodSchema });

const targetStatusSchema = z.enum(TARGET_STATUSES).nullable();

export const scorecardIndicatorSchema = indicatorDtoSchema.extend({
  num: z.number(),
  den: z.number(),
  /** Percent (0–100) or count; null when nothing was reported. */
  value: z.number().nullable(),
  target: z
    .object({
      comparison: z.enum(COMPARISONS),
      value: z.number(),
      dueDate: z.string(),
      /** Region the target was set for (the nearest one at or above the scorecard's region). */
      regionCode: z.string(),
    })
    .nullable(),
  status: targetStatusSchema,
  trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
});
export type ScorecardIndicator = z.infer<typeof scorecardIndicatorSchema>;

export const scorecardChildSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  values: z.record(z.string(), z.number().nullable()),
  statuses: z.record(z.string(), targetStatusSchema),
  /** Rank by the share of indicators met, then by the first indicator's value. */
  rank: z.number(),
  met: z.number(),
});
export type ScorecardChild = z.infer<typeof scorecardChildSchema>;

export const scorecardDtoSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable() }),
  period: z.string(),
  periods: z.array(z.string()),
  indicators: z.array(scorecardIndicatorSchema),
  children: z.array(scorecardChildSchema),
});
export type ScorecardDto = z.infer<typeof scorecardDtoSchema>;

// ---- assessment ----

export const evidenceSchema = z
  .object({
    kind: z.enum(['ledger', 'case', 'report', 'indicator', 'document'], { message: 'indicators.evidence.kind' }),
    ref: z.string().trim().min(1, 'indicators.evidence.ref').max(200, 'indicators.text.tooLong'),
    label: z.string().trim().max(100, 'indicators.text.tooLong').optional(),
  })
  .strict();
export type Evidence = z.infer<typeof evidenceSchema>;

export const roundCreateSchema = z
  .object({
    templateCode: z.string().trim().min(1, 'indicators.template.required'),
    name: z.string().trim().min(2, 'indicators.round.name').max(60, 'indicators.round.name'),
    regionCode: regionCodeSchema,
    period: periodSchema,
    startsOn: date,
    endsOn: date,
    unitCodes: z.array(regionCodeSchema).min(1, 'indicators.round.units').max(500, 'indicators.round.units'),
    /** 考核人员: login names of the assessors; empty means any holder of the permission in the region. */
    assessors: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  })
  .strict();
export type RoundCreate = z.infer<typeof roundCreateSchema>;

export const scoreInputSchema = z
  .object({
    unitCode: regionCodeSchema,
    itemCode: z.string().trim().min(1, 'indicators.item.required'),
    score: z.number({ message: 'indicators.score.invalid' }).min(0, 'indicators.score.invalid'),
    evidence: z.array(evidenceSchema).max(20).default([]),
    note: freeText(z.string().trim().max(200, 'indicators.text.tooLong').optional()),
  })
  .strict();
export type ScoreInput = z.infer<typeof scoreInputSchema>;

const grades = z
  .object({
    excellent: z.number().int().min(0).max(1000),
    good: z.number().int().min(0).max(1000),
    pass: z.number().int().min(0).max(1000),
    fail: z.number().int().min(0).max(1000),
  })
  .strict();

export const allocationInputSchema = z
  .object({
    poolFen: z
      .number({ message: 'indicators.pool.invalid' })
      .int('indicators.pool.invalid')
      .min(1, 'indicators.pool.invalid')
      .max(100_000_000_000, 'indicators.pool.invalid'),
    rule: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('tiers'),
          weights: grades,
          capFen: z.number().int().min(1, 'indicators.cap.invalid').nullable().optional(),
        })
        .strict(),
      z
        .object({ kind: z.literal('proportional'), capFen: z.number().int().min(1, 'indicators.cap.invalid').nullable().optional() })
        .strict(),
    ]),
  })
  .strict();
export type AllocationInput = z.infer<typeof allocationInputSchema>;

/** 考核模板 as the console lists it (assessment.ts AssessmentTemplate). */
export const templateDtoSchema = z.object({
  code: z.string(),
  name: z.string(),
  clause: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      guidance: z.string(),
      maxScore: z.number(),
      rule: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('manual') }),
        z.object({ kind: z.literal('indicator'), indicatorCode: z.string(), target: z.number() }),
      ]),
    }),
  ),
  grades: z.array(z.object({ grade: z.enum(GRADES), min: z.number() })),
});
export const templateListDtoSchema = z.object({ items: z.array(templateDtoSchema) });

export const roundSummaryDtoSchema = z.object({
  id: z.string(),
  templateCode: z.string(),
  templateName: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  period: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  units: z.number(),
  poolFen: z.number().nullable(),
});
export type RoundSummaryDto = z.infer<typeof roundSummaryDtoSchema>;
/** The rounds the actor sees, and whether they may set one up for their region. */
export const roundListDtoSchema = z.object({ items: z.array(roundSummaryDtoSchema), abilities: z.object({ create: z.boolean() }) });
export type RoundListDto = z.infer<typeof roundListDtoSchema>;

export const itemScoreDtoSchema = z.object({
  itemCode: z.string(),
  score: z.number().nullable(),
  auto: z.boolean(),
  evidence: z.array(z.object({ kind: evidenceSchema.shape.kind, ref: z.string(), label: z.string().optional() })),
  note: freeText(z.string()).nullable(),
  scoredBy: z.string().nullable(),
});
export type ItemScoreDto = z.infer<typeof itemScoreDtoSchema>;

export const unitResultDtoSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  items: z.array(itemScoreDtoSchema),
  score: z.number(),
  grade: z.enum(GRADES),
  rank: z.number(),
  complete: z.boolean(),
  allocationFen: z.number().nullable(),
  calculation: z.string().nullable(),
});
export type UnitResultDto = z.infer<typeof unitResultDtoSchema>;

/** What the actor may do next with a round (from the round policy). */
export const ROUND_ACTIONS = ['score', 'allocate'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

export const roundDtoSchema = roundSummaryDtoSchema.extend({
  assessors: z.array(z.string()),
  template: z.object({
    code: z.string(),
    name: z.string(),
    clause: z.string(),
    items: z.array(z.object({ code: z.string(), name: z.string(), guidance: z.string(), maxScore: z.number(), auto: z.boolean() })),
  }),
  results: z.array(unitResultDtoSchema),
  allocationRule: allocationInputSchema.shape.rule.nullable(),
  abilities: z.object({ score: z.boolean(), allocate: z.boolean() }),
});
export type RoundDto = z.infer<typeof roundDtoSchema>;
