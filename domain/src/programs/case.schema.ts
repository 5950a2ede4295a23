import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { CATALOGUE_AREA_KEYS } from './catalog.ts';

/** 典型案例 as a unit (or its parent for it) submits it: title, the P2.2 areas it shows, summary, rich text. */
export const caseCreateSchema = z
  .object({
    unitCode: regionCodeSchema,
    programId: z.uuid().nullable().optional(),
    title: z.string().trim().min(1, 'programs.case.titleRequired').max(100, 'programs.text.tooLong'),
    areas: z.array(z.enum(CATALOGUE_AREA_KEYS)).min(1, 'programs.case.areasRequired').max(8),
    summary: freeText(z.string().trim().min(1, 'programs.case.summaryRequired').max(500, 'programs.text.tooLong')),
    body: freeText(z.string().max(200_000, 'programs.text.tooLong')),
  })
  .strict();
export type CaseCreate = z.infer<typeof caseCreateSchema>;

/** 修改后重新提交 a returned case (same fields, the unit cannot change). */
export const caseUpdateSchema = caseCreateSchema
  .omit({ unitCode: true, programId: true })
  .extend({ version: z.number().int().min(1) })
  .strict();
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;

export const caseReviewSchema = z
  .object({
    decision: z.enum(['publish', 'return'], 'programs.review.decisionRequired'),
    comment: freeText(z.string().trim().max(1000, 'programs.text.tooLong')).default(''),
  })
  .strict()
  .refine((v) => v.decision === 'publish' || v.comment.length > 0, { message: 'programs.review.commentRequired', path: ['comment'] });

export const CASE_STATUSES = ['submitted', 'returned', 'published'] as const;
/** 待审核 / 退回修改 / 已发布 */
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const caseListQuerySchema = z.object({
  area: z.enum(CATALOGUE_AREA_KEYS).optional(),
  regionCode: regionCodeSchema.optional(),
  q: z.string().trim().max(30).optional(),
  status: z.enum(CASE_STATUSES).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseDtoSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  unitPath: z.string(),
  programId: z.string().nullable(),
  title: z.string(),
  areas: z.array(z.enum(CATALOGUE_AREA_KEYS)),
  summary: freeText(z.string()),
  body: freeText(z.string()),
  status: z.enum(CASE_STATUSES),
  reviewComment: freeText(z.string()).nullable(),
  publishedOn: z.string().nullable(),
  version: z.number(),
  abilities: z.object({ review: z.boolean(), edit: z.boolean() }),
});
export type CaseDto = z.infer<typeof caseDtoSchema>;

/** The cases found, with whether the actor may submit one (提交案例). */
export const caseListDtoSchema = z.object({ items: z.array(caseDtoSchema), abilities: z.object({ create: z.boolean() }) });
export type CaseListDto = z.infer<typeof caseListDtoSchema>;

export const boardQuerySchema = z.object({ countyCode: regionCodeSchema });

/** 三级创建看板 (plan 3): per town, its own designation and its demonstration village(s), and whether on track. */
export const boardRowDtoSchema = z.object({
  townCode: z.string(),
  townName: z.string(),
  townTitle: z.string().nullable(),
  villages: z.array(z.object({ code: z.string(), name: z.string(), title: z.string(), status: z.string(), onTrack: z.boolean() })),
  /** A village designated, not warned or revoked, its latest evaluation (if any) passed. */
  onTrack: z.boolean(),
});
export type BoardRowDto = z.infer<typeof boardRowDtoSchema>;

export const boardDtoSchema = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  countyTitles: z.array(z.string()),
  towns: z.array(boardRowDtoSchema),
  designatedTowns: z.number(),
  townsWithVillage: z.number(),
});
export type BoardDto = z.infer<typeof boardDtoSchema>;
