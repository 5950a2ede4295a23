import { z } from 'zod';
import { isRegionCode, REGION_LEVELS, VILLAGE_KINDS } from './region-code.ts';

export const regionCodeSchema = z.string().trim().refine(isRegionCode, { message: 'region.code.invalid' });

/** 行政区划: one node of the hierarchy, with the village attributes the plans rely on. */
export const regionDtoSchema = z.object({
  code: z.string(),
  name: z.string(),
  officialName: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  /** 村 / 社区 */
  kind: z.enum(VILLAGE_KINDS).nullable(),
  /** 贫困村 (P1.3: the 66 poor villages are the first pilots) */
  isPoor: z.boolean(),
  population: z.number().nullable(),
  households: z.number().nullable(),
  hasChildren: z.boolean(),
});
export type RegionDto = z.infer<typeof regionDtoSchema>;

/**
 * A region with its ancestors, nation first (the breadcrumb of the region page); `open` says whether
 * the actor may browse the ancestor (it lies in their own region) or only sees its name.
 */
export const regionDetailDtoSchema = regionDtoSchema.extend({
  ancestors: z.array(regionDtoSchema.extend({ abilities: z.object({ open: z.boolean() }) })),
});
export type RegionDetailDto = z.infer<typeof regionDetailDtoSchema>;

export const regionPageDtoSchema = z.object({ items: z.array(regionDtoSchema), total: z.number() });
export type RegionPageDto = z.infer<typeof regionPageDtoSchema>;

/** A search hit with the names from the county down to it, e.g. 泾阳县王桥镇屈家村. */
export const regionSearchHitSchema = regionDtoSchema.extend({ path: z.string() });
export type RegionSearchHit = z.infer<typeof regionSearchHitSchema>;
export const regionSearchDtoSchema = z.object({ items: z.array(regionSearchHitSchema) });

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
