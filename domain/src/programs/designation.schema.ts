import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';

export const DESIGNATION_STATUSES = ['active', 'warned', 'revoked'] as const;
/** 有效 / 已警示 / 已撤销 (动态管理, P3.5(2)) */
export type DesignationStatus = (typeof DESIGNATION_STATUSES)[number];

export const designationQuerySchema = z.object({ regionCode: regionCodeSchema.optional(), programId: z.uuid().optional() });
export const designationActionSchema = z
  .object({ reason: z.string().trim().min(1, 'programs.reason.required').max(500, 'programs.text.tooLong') })
  .strict();

/** 命名: an approved unit's honour title, with its programme and dates. */
export const designationDtoSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  batch: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  title: z.string(),
  designatedOn: z.string(),
  validUntil: z.string(),
  status: z.enum(DESIGNATION_STATUSES),
  statusReason: z.string().nullable(),
  abilities: z.object({ manage: z.boolean() }),
});
export type DesignationDto = z.infer<typeof designationDtoSchema>;
