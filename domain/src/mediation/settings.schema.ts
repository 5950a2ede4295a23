import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { text } from './common.schema.ts';

/** 经济困难认定标准 a county may adjust (the defaults follow common provincial practice). */
export const DEFAULT_AID_CRITERIA = [
  '城乡最低生活保障对象',
  '特困供养人员',
  '建档立卡贫困户',
  '农民工追索劳动报酬',
  '残疾人',
  '其他经济困难',
] as const;
export const DEFAULT_OVERDUE_DAYS = 30;
export const DEFAULT_FOLLOW_UP_DAYS = 15;

/**
 * 调解工作设置 of a region: the time allowed before a case is overdue, how soon after the outcome
 * the follow-up visit is due, and the hardship criteria of legal aid. Applies to the region's
 * subtree; the nearest region with settings wins, else the defaults.
 */
export const settingsSchema = z
  .object({
    regionCode: regionCodeSchema,
    overdueDays: z.number().int().min(1, 'mediation.settings.days').max(365, 'mediation.settings.days'),
    followUpDays: z.number().int().min(1, 'mediation.settings.days').max(180, 'mediation.settings.days'),
    aidCriteria: z.array(text(40)).min(1, 'mediation.aid.criteria.required').max(20),
  })
  .strict();
export type SettingsInput = z.infer<typeof settingsSchema>;

export const settingsDtoSchema = z.object({
  regionCode: z.string(),
  /** Where the values come from: the region itself, an ancestor, or null for the defaults. */
  source: z.string().nullable(),
  /** The name of that region (屈家村, 泾阳县), null for the defaults. */
  sourceName: z.string().nullable(),
  overdueDays: z.number(),
  followUpDays: z.number(),
  aidCriteria: z.array(z.string()),
  abilities: z.object({ update: z.boolean() }),
});
export type SettingsDto = z.infer<typeof settingsDtoSchema>;
