import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { PLAN_SECTIONS, REVIEW_LEVELS, type PlanSection } from './catalog.ts';
import { attachmentDtoSchema } from '../files/attachment.ts';
import { contentAreaSchema } from './program.schema.ts';

/** Rich text of one plan section: sanitized HTML on the server; the size bound is on the raw input. */
const sectionHtml = freeText(z.string().max(200_000, 'programs.text.tooLong'));

export const applicationCreateSchema = z.object({ unitCode: regionCodeSchema }).strict();

/** 申报书 draft: content areas, answers to the conditions, the six plan sections. */
export const applicationSaveSchema = z
  .object({
    contentAreas: z.array(z.string().max(40)).max(20).optional(),
    conditionAnswers: z
      .array(z.object({ key: z.string().max(10), answer: freeText(z.string().trim().max(2000, 'programs.text.tooLong')) }).strict())
      .max(20)
      .optional(),
    sections: z
      .object(
        Object.fromEntries(PLAN_SECTIONS.map((s) => [s, sectionHtml.optional()])) as Record<PlanSection, z.ZodOptional<typeof sectionHtml>>,
      )
      .strict()
      .optional(),
    version: z.number().int().min(1),
  })
  .strict();
export type ApplicationSave = z.infer<typeof applicationSaveSchema>;

export const REVIEW_DECISIONS = ['approve', 'return', 'reject'] as const;
/** 审核意见: 通过 (forward or approve) / 退回修改 / 不予通过 */
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const reviewSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, 'programs.review.decisionRequired'),
    comment: freeText(z.string().trim().max(1000, 'programs.text.tooLong')).default(''),
  })
  .strict()
  .refine((v) => v.decision === 'approve' || v.comment.length > 0, { message: 'programs.review.commentRequired', path: ['comment'] });
export type ReviewInput = z.infer<typeof reviewSchema>;

/** 附件类别: a required attachment (`required:a1`), evidence of a condition (`evidence:c1`), or other (`other`). */
export const attachmentKindSchema = z.string().regex(/^(required:a\d{1,2}|evidence:c\d{1,2}|other)$/, 'programs.attachment.kindInvalid');

export const APPLICATION_STATUSES = ['draft', 'submitted', 'returned', 'rejected', 'approved', 'closed'] as const;
/** 草稿 / 审核中 / 退回修改 / 不予通过 / 已批准 / 已关闭 (its programme was withdrawn while it was open) */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Not yet decided: a withdrawal of the programme closes these. */
export const OPEN_APPLICATION_STATUSES = ['draft', 'submitted', 'returned'] as const satisfies readonly ApplicationStatus[];

export const applicationListQuerySchema = z.object({
  programId: z.uuid().optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  /** Only the ones waiting for the actor's own review. */
  awaitingMe: z.enum(['true', 'false']).optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

export const diffQuerySchema = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export const reviewDtoSchema = z.object({
  id: z.string(),
  level: z.enum(REVIEW_LEVELS),
  reviewerRegion: z.string(),
  reviewerRegionName: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  comment: freeText(z.string()),
  planVersion: z.number(),
  actorName: z.string(),
  at: z.string(),
});
export type ReviewDto = z.infer<typeof reviewDtoSchema>;

export const applicationSummaryDtoSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  /** Where it waits now (审核中), else null. */
  reviewerRegion: z.string().nullable(),
  reviewerRegionName: z.string().nullable(),
  reviewLevel: z.enum(REVIEW_LEVELS).nullable(),
  planVersion: z.number(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ApplicationSummaryDto = z.infer<typeof applicationSummaryDtoSchema>;

export const planVersionDtoSchema = z.object({ version: z.number(), submittedAt: z.string().nullable(), createdAt: z.string() });
export type PlanVersionDto = z.infer<typeof planVersionDtoSchema>;

/** The plan's six sections, each present. */
const sectionsDtoSchema = z.object(
  Object.fromEntries(PLAN_SECTIONS.map((s) => [s, freeText(z.string())])) as Record<PlanSection, z.ZodString>,
);

export const applicationDtoSchema = applicationSummaryDtoSchema.extend({
  contentAreas: z.array(z.string()),
  availableAreas: z.array(contentAreaSchema),
  conditionAnswers: z.array(z.object({ key: z.string(), answer: freeText(z.string()) })),
  /** Sanitized HTML of the current version's sections. */
  sections: sectionsDtoSchema,
  versions: z.array(planVersionDtoSchema),
  /** Each with its `kind` (attachmentKindSchema). */
  attachments: z.array(attachmentDtoSchema),
  reviews: z.array(reviewDtoSchema),
  version: z.number(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type ApplicationDto = z.infer<typeof applicationDtoSchema>;

/** One run of a character diff: unchanged, added or removed text. */
export const diffPartSchema = z.object({ value: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() });
export type DiffPart = z.infer<typeof diffPartSchema>;

export const planDiffDtoSchema = z.object({
  from: z.number(),
  to: z.number(),
  sections: z.array(z.object({ section: z.enum(PLAN_SECTIONS), label: z.string(), changed: z.boolean(), parts: z.array(diffPartSchema) })),
});
export type PlanDiffDto = z.infer<typeof planDiffDtoSchema>;
