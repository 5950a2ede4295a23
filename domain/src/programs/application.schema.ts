import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { PLAN_SECTIONS, type PlanSection, type ReviewLevel } from './catalog.ts';
import type { AttachmentDto } from '../files/attachment.ts';
import type { ContentArea } from './program.schema.ts';

/** Rich text of one plan section: sanitized HTML on the server; the size bound is on the raw input. */
const sectionHtml = z.string().max(200_000, 'programs.text.tooLong');

export const applicationCreateSchema = z.object({ unitCode: regionCodeSchema }).strict();

/** 申报书 draft: content areas, answers to the conditions, the six plan sections. */
export const applicationSaveSchema = z
  .object({
    contentAreas: z.array(z.string().max(40)).max(20).optional(),
    conditionAnswers: z
      .array(z.object({ key: z.string().max(10), answer: z.string().trim().max(2000, 'programs.text.tooLong') }).strict())
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
    comment: z.string().trim().max(1000, 'programs.text.tooLong').default(''),
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

export interface ReviewDto {
  id: string;
  level: ReviewLevel;
  reviewerRegion: string;
  reviewerRegionName: string;
  decision: ReviewDecision;
  comment: string;
  planVersion: number;
  actorName: string;
  at: string;
}

export interface ApplicationSummaryDto {
  id: string;
  programId: string;
  programName: string;
  unitCode: string;
  unitName: string;
  status: ApplicationStatus;
  /** Where it waits now (审核中), else null. */
  reviewerRegion: string | null;
  reviewerRegionName: string | null;
  reviewLevel: ReviewLevel | null;
  planVersion: number;
  submittedAt: string | null;
  updatedAt: string;
}

export interface PlanVersionDto {
  version: number;
  submittedAt: string | null;
  createdAt: string;
}

export interface ApplicationDto extends ApplicationSummaryDto {
  contentAreas: string[];
  availableAreas: ContentArea[];
  conditionAnswers: { key: string; answer: string }[];
  /** Sanitized HTML of the current version's sections. */
  sections: Record<PlanSection, string>;
  versions: PlanVersionDto[];
  /** Each with its `kind` (attachmentKindSchema). */
  attachments: AttachmentDto[];
  reviews: ReviewDto[];
  version: number;
  abilities: { edit: boolean; submit: boolean; review: boolean };
}

/** One run of a character diff: unchanged, added or removed text. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface PlanDiffDto {
  from: number;
  to: number;
  sections: { section: PlanSection; label: string; changed: boolean; parts: DiffPart[] }[];
}
