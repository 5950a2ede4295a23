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
export interface DesignationDto {
  id: string;
  programId: string;
  programName: string;
  batch: string;
  unitCode: string;
  unitName: string;
  title: string;
  designatedOn: string;
  validUntil: string;
  status: DesignationStatus;
  statusReason: string | null;
  abilities: { manage: boolean };
}
