import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { COMPARISONS, type Comparison, type IndicatorDefinition } from './catalogue.ts';
import { isPeriod } from './period.ts';
import type { TargetStatus } from './target-status.ts';

export const periodSchema = z
  .string()
  .trim()
  .refine((v): boolean => isPeriod(v), { message: 'indicators.period.invalid' });
const date = z.iso.date('indicators.date.invalid');

/** An indicator as the console shows it: its catalogue definition. */
export type IndicatorDto = IndicatorDefinition;

/** 目标: a value an indicator must reach in a region (and its subtree), optionally for one programme. */
export const targetCreateSchema = z
  .object({
    indicatorCode: z.string().trim().min(1, 'indicators.indicator.required').max(60),
    regionCode: regionCodeSchema,
    programCode: z.string().trim().max(60).nullable().optional(),
    comparison: z.enum(COMPARISONS as [Comparison, ...Comparison[]], { message: 'indicators.comparison.invalid' }),
    value: z.number({ message: 'indicators.target.value' }).min(0, 'indicators.target.value').max(1_000_000, 'indicators.target.value'),
    dueDate: date,
  })
  .strict();
export type TargetCreate = z.infer<typeof targetCreateSchema>;

export interface TargetDto {
  id: string;
  indicatorCode: string;
  regionCode: string;
  regionName: string;
  programCode: string | null;
  comparison: Comparison;
  value: number;
  dueDate: string;
}

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

export type ReportStatus = 'submitted' | 'approved' | 'returned';

export interface ReportDto {
  id: string;
  unitCode: string;
  unitName: string;
  period: string;
  status: ReportStatus;
  sixNone: boolean;
  households: number;
  safeFamilies: number;
  centreStandardized: boolean;
  policeOnCommittee: boolean;
  submittedAt: string;
  submittedBy: string;
  onTime: boolean;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  version: number;
  abilities: { edit: boolean; review: boolean };
}

export interface ReportFormDto {
  unitCode: string;
  unitName: string;
  period: string;
  dueDate: string;
  locked: boolean;
  report: ReportDto | null;
}

export const reportFormQuerySchema = z.object({ unitCode: regionCodeSchema, period: periodSchema });
export const reportListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  period: periodSchema,
  status: z.enum(['submitted', 'approved', 'returned']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const reviewSchema = z
  .object({
    decision: z.enum(['approve', 'return'], { message: 'indicators.review.decision' }),
    note: z.string().trim().max(200, 'indicators.text.tooLong').optional(),
    version: z.number().int().min(1),
  })
  .strict();
export type ReviewInput = z.infer<typeof reviewSchema>;

export const lockSchema = z.object({ regionCode: regionCodeSchema, period: periodSchema }).strict();

export interface CompletenessRow {
  code: string;
  name: string;
  expected: number;
  submitted: number;
  onTime: number;
  approved: number;
}
export interface CompletenessDto extends CompletenessRow {
  period: string;
  dueDate: string;
  locked: boolean;
  children: CompletenessRow[];
}

export const scorecardQuerySchema = z.object({ regionCode: regionCodeSchema.optional(), period: periodSchema });

export interface ScorecardTarget {
  comparison: Comparison;
  value: number;
  dueDate: string;
  /** Region the target was set for (the nearest one at or above the scorecard's region). */
  regionCode: string;
}

export interface ScorecardIndicator extends IndicatorDto {
  num: number;
  den: number;
  /** Percent (0–100) or count; null when nothing was reported. */
  value: number | null;
  target: ScorecardTarget | null;
  status: TargetStatus | null;
  trend: { period: string; value: number | null }[];
}

export interface ScorecardChild {
  code: string;
  name: string;
  level: string;
  values: Record<string, number | null>;
  statuses: Record<string, TargetStatus | null>;
  /** Rank by the share of indicators met, then by the first indicator's value. */
  rank: number;
  met: number;
}

export interface ScorecardDto {
  region: { code: string; name: string; level: string; parentCode: string | null };
  period: string;
  periods: string[];
  indicators: ScorecardIndicator[];
  children: ScorecardChild[];
}

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
    note: z.string().trim().max(200, 'indicators.text.tooLong').optional(),
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

export interface RoundSummaryDto {
  id: string;
  templateCode: string;
  templateName: string;
  name: string;
  regionCode: string;
  regionName: string;
  period: string;
  startsOn: string;
  endsOn: string;
  units: number;
  poolFen: number | null;
}

export interface ItemScoreDto {
  itemCode: string;
  score: number | null;
  auto: boolean;
  evidence: Evidence[];
  note: string | null;
  scoredBy: string | null;
}

export interface UnitResultDto {
  unitCode: string;
  unitName: string;
  items: ItemScoreDto[];
  score: number;
  grade: 'excellent' | 'good' | 'pass' | 'fail';
  rank: number;
  complete: boolean;
  allocationFen: number | null;
  calculation: string | null;
}

export interface RoundDto extends RoundSummaryDto {
  assessors: string[];
  template: {
    code: string;
    name: string;
    clause: string;
    items: { code: string; name: string; guidance: string; maxScore: number; auto: boolean }[];
  };
  results: UnitResultDto[];
  allocationRule: AllocationInput['rule'] | null;
  abilities: { score: boolean; allocate: boolean };
}
