import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { designationDtoSchema } from './designation.schema.ts';

/** 年度总结: a designated unit's yearly progress report (rich text, sanitized on the server). */
export const reportSubmitSchema = z
  .object({ year: z.number().int().min(2000).max(2100), content: freeText(z.string().max(200_000, 'programs.text.tooLong')) })
  .strict();
export const reportReviewSchema = z
  .object({
    decision: z.enum(['accept', 'return'], 'programs.review.decisionRequired'),
    comment: freeText(z.string().trim().max(1000, 'programs.text.tooLong')).default(''),
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
            evidence: freeText(z.string().trim().max(500, 'programs.text.tooLong')).default(''),
          })
          .strict(),
      )
      .max(30),
  })
  .strict();
export type EvaluationCreate = z.infer<typeof evaluationCreateSchema>;

export const criterionSchema = z.object({ key: z.string(), name: z.string(), weight: z.number() });
export type Criterion = z.infer<typeof criterionSchema>;

export const templateDtoSchema = z.object({ criteria: z.array(criterionSchema), passMark: z.number() });
export type TemplateDto = z.infer<typeof templateDtoSchema>;

export const reportDtoSchema = z.object({
  id: z.string(),
  year: z.number(),
  content: freeText(z.string()),
  status: z.enum(REPORT_STATUSES),
  reviewerRegion: z.string(),
  reviewComment: freeText(z.string()).nullable(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  /** The reviewer level may accept or return it now (a submitted report, not one it sent itself). */
  abilities: z.object({ reviewReport: z.boolean() }),
});
export type ReportDto = z.infer<typeof reportDtoSchema>;

export const evaluationDtoSchema = z.object({
  id: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  scores: z.array(criterionSchema.extend({ score: z.number(), evidence: freeText(z.string()) })),
  /** Weighted mean of the scores, one decimal. */
  total: z.number(),
  passMark: z.number(),
  passed: z.boolean(),
  /** The honour title given on a passed 考核验收. */
  honourTitle: z.string().nullable(),
  evaluatorName: z.string(),
  evaluatedOn: z.string(),
});
export type EvaluationDto = z.infer<typeof evaluationDtoSchema>;

export const designationDetailDtoSchema = z.object({
  designation: designationDtoSchema,
  reports: z.array(reportDtoSchema),
  evaluations: z.array(evaluationDtoSchema),
  template: templateDtoSchema.nullable(),
  abilities: z.object({ report: z.boolean(), evaluate: z.boolean() }),
});
export type DesignationDetailDto = z.infer<typeof designationDetailDtoSchema>;
