import { z } from 'zod';
import { isRegionCode, type RegionLevel, type VillageKind } from './region-code.ts';

export const regionCodeSchema = z.string().trim().refine(isRegionCode, { message: 'region.code.invalid' });

/** 行政区划: one node of the hierarchy, with the village attributes the plans rely on. */
export interface RegionDto {
  code: string;
  name: string;
  officialName: string;
  level: RegionLevel;
  parentCode: string | null;
  /** 村 / 社区 */
  kind: VillageKind | null;
  /** 贫困村 (P1.3: the 66 poor villages are the first pilots) */
  isPoor: boolean;
  population: number | null;
  households: number | null;
  hasChildren: boolean;
}

export const villageAttributesSchema = z
  .object({
    isPoor: z.boolean().optional(),
    population: z.number().int().min(0).max(1_000_000).nullable().optional(),
    households: z.number().int().min(0).max(1_000_000).nullable().optional(),
  })
  .strict();
export type VillageAttributes = z.infer<typeof villageAttributesSchema>;

/** 村民小组: created locally under a village. */
export const villagerGroupCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'group.name.required').max(30, 'group.name.tooLong'),
  })
  .strict();
export type VillagerGroupCreate = z.infer<typeof villagerGroupCreateSchema>;
