import { z } from 'zod';
import type { DesignationDto } from './designation.schema.ts';

/** 年度总结: a designated unit's yearly progress report (rich text, sanitized on the server). */
export const reportSubmitSchema = z
  .object({ year: z.number().int().min(2000).max(2100), content: z.string().max(200_000, 'programs.text.tooLong') })
  .strict();
export const reportReviewSchema = z
  .object({
    decision: z.enum(['accept', 'return'], 'programs.review.decisionRequired'),
    comment: z.string().trim().max(1000, 'programs.text.tooLong').default(''),
  })
  .strict()
  .refine((v) => v.decision === 'accept' || v.comment.length > 0, { message: 'programs.review.commentRequired', path: ['comment'] });

export const REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
/** 待审核 / 已通过 / 退回修改 */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** 评分模板: criteria with weights (any positive numbers; the score is their weighted mean) and a pass mark. */
export const templatePutSchema = z
  .object({
    criteria: z
      .array(
        z
          .object({
            name: z.string().trim().min(1, 'programs.criterion.nameRequired').max(60, 'programs.text.tooLong'),
            weight: z.number().int().min(1, 'programs.criterion.weight').max(100, 'programs.criterion.weight'),
          })
          .strict(),
      )
      .min(1, 'programs.criterion.required')
      .max(30),
    passMark: z.number().int().min(0, 'programs.passMark.invalid').max(100, 'programs.passMark.invalid'),
  })
  .strict();
export type TemplatePut = z.infer<typeof templatePutSchema>;

export const EVALUATION_KINDS = ['performance', 'acceptance'] as const;
/** 绩效评价 / 考核验收 */
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const evaluationCreateSchema = z
  .object({
    kind: z.enum(EVALUATION_KINDS, 'programs.evaluation.kindRequired'),
    scores: z
      .array(
        z
          .object({
            key: z.string().max(10),
            score: z.number().min(0, 'programs.score.range').max(100, 'programs.score.range'),
            evidence: z.string().trim().max(500, 'programs.text.tooLong').default(''),
          })
          .strict(),
      )
      .max(30),
  })
  .strict();
export type EvaluationCreate = z.infer<typeof evaluationCreateSchema>;

export interface Criterion {
  key: string;
  name: string;
  weight: number;
}

export interface TemplateDto {
  criteria: Criterion[];
  passMark: number;
}

export interface ReportDto {
  id: string;
  year: number;
  content: string;
  status: ReportStatus;
  reviewerRegion: string;
  reviewComment: string | null;
  submittedAt: string;
  reviewedAt: string | null;
}

export interface EvaluationDto {
  id: string;
  kind: EvaluationKind;
  scores: (Criterion & { score: number; evidence: string })[];
  /** Weighted mean of the scores, one decimal. */
  total: number;
  passMark: number;
  passed: boolean;
  /** The honour title given on a passed 考核验收. */
  honourTitle: string | null;
  evaluatorName: string;
  evaluatedOn: string;
}

export interface DesignationDetailDto {
  designation: DesignationDto;
  reports: ReportDto[];
  evaluations: EvaluationDto[];
  template: TemplateDto | null;
  abilities: { report: boolean; reviewReports: boolean; evaluate: boolean };
}
