import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';

export const DESIGNATION_STATUSES = ['active', 'warned', 'revoked'] as const;
/** 有效 / 已警示 / 已撤销 (动态管理, P3.5(2)) */
export type DesignationStatus = (typeof DESIGNATION_STATUSES)[number];

/** 动态管理 (P3.5(2)): 警示 an active title, 恢复 a warned one after 整改, 撤销 either; a revoked title is final. */
export const DESIGNATION_ACTIONS = ['warn', 'restore', 'revoke'] as const;
export type DesignationAction = (typeof DESIGNATION_ACTIONS)[number];
export const DESIGNATION_TRANSITIONS: Record<DesignationAction, { from: readonly DesignationStatus[]; to: DesignationStatus }> = {
  warn: { from: ['active'], to: 'warned' },
  restore: { from: ['warned'], to: 'active' },
  revoke: { from: ['active', 'warned'], to: 'revoked' },
};

export const designationQuerySchema = z.object({ regionCode: regionCodeSchema.optional(), programId: z.uuid().optional() });
export const designationActionSchema = z
  .object({ reason: freeText(z.string().trim().min(1, 'programs.reason.required').max(500, 'programs.text.tooLong')) })
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
  statusReason: freeText(z.string()).nullable(),
  /** Which of 警示、恢复、撤销 the actor may do now (the organiser's managers, from the right status). */
  abilities: z.object({ warn: z.boolean(), restore: z.boolean(), revoke: z.boolean() }),
});
export type DesignationDto = z.infer<typeof designationDtoSchema>;
