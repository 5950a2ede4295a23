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

export const assignmentEndSchema = z.object({ date, reason: z.string().trim().max(100, 'legal.text.tooLong').optional() }).strict();

export const assignmentListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  current: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuerySchema>;

export interface AssignmentDto {
  id: string;
  advisorId: string;
  advisorName: string;
  villageCode: string;
  villageName: string;
  /** 王桥镇屈家村 */
  villagePath: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  current: boolean;
}

export const coverageQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });
export const uncoveredQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  poorOnly: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type UncoveredQuery = z.infer<typeof uncoveredQuerySchema>;

export interface CoverageCounts {
  villages: number;
  covered: number;
  rate: number;
}

/** 覆盖情况 of a region: every village and community, and the poor villages the seed names first. */
export interface CoverageDto {
  region: { code: string; name: string; level: string };
  villages: number;
  covered: number;
  uncovered: number;
  rate: number;
  poor: CoverageCounts;
  /** 试点村: villages designated by a pilot programme. */
  pilot: CoverageCounts;
  children: {
    code: string;
    name: string;
    level: string;
    villages: number;
    covered: number;
    rate: number;
    poorVillages: number;
    poorCovered: number;
  }[];
}

export interface UncoveredVillageDto {
  code: string;
  name: string;
  path: string;
  isPoor: boolean;
}
