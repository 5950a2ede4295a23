import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';

const date = z.iso.date('legal.date.invalid');

/** 驻村安排: an advisor serves a village from a date; a village has at most one current advisor (P1.4(2)). */
export const assignmentCreateSchema = z
  .object({ advisorId: z.uuid('legal.advisor.required'), villageCode: regionCodeSchema, startDate: date })
  .strict();
export type AssignmentCreate = z.infer<typeof assignmentCreateSchema>;

/** 交接: the current assignment ends on `date` and the new advisor starts the same day. */
export const handoverSchema = z.object({ advisorId: z.uuid('legal.advisor.required'), date }).strict();

export const assignmentEndSchema = z
  .object({ date, reason: freeText(z.string().trim().max(100, 'legal.text.tooLong').optional()) })
  .strict();

export const assignmentListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  current: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuerySchema>;

export const assignmentDtoSchema = z.object({
  id: z.string(),
  advisorId: z.string(),
  advisorName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  /** 王桥镇屈家村 */
  villagePath: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: freeText(z.string()).nullable(),
  current: z.boolean(),
  abilities: z.object({ handover: z.boolean(), end: z.boolean() }),
});
export type AssignmentDto = z.infer<typeof assignmentDtoSchema>;

export const assignmentListDtoSchema = z.object({ items: z.array(assignmentDtoSchema), total: z.number() });
export type AssignmentListDto = z.infer<typeof assignmentListDtoSchema>;

export const coverageQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });
export const uncoveredQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  poorOnly: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type UncoveredQuery = z.infer<typeof uncoveredQuerySchema>;

const coverageCountsSchema = z.object({ villages: z.number(), covered: z.number(), rate: z.number() });
export type CoverageCounts = z.infer<typeof coverageCountsSchema>;

/** 覆盖情况 of a region: every village and community, and the poor villages the seed names first. */
export const coverageDtoSchema = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  villages: z.number(),
  covered: z.number(),
  uncovered: z.number(),
  rate: z.number(),
  poor: coverageCountsSchema,
  /** 试点村: villages designated by a pilot programme. */
  pilot: coverageCountsSchema,
  children: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.string(),
      villages: z.number(),
      covered: z.number(),
      rate: z.number(),
      poorVillages: z.number(),
      poorCovered: z.number(),
    }),
  ),
});
export type CoverageDto = z.infer<typeof coverageDtoSchema>;

export const uncoveredVillageDtoSchema = z.object({ code: z.string(), name: z.string(), path: z.string(), isPoor: z.boolean() });
export type UncoveredVillageDto = z.infer<typeof uncoveredVillageDtoSchema>;

export const uncoveredListDtoSchema = z.object({ items: z.array(uncoveredVillageDtoSchema), total: z.number() });
export type UncoveredListDto = z.infer<typeof uncoveredListDtoSchema>;
