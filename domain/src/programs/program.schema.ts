import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import type { ProgramEditLocks } from './program-rules.ts';
import { CATALOGUE_AREA_KEYS, REVIEW_LEVELS, UNIT_LEVELS, type OrganiserLevel, type ReviewLevel, type UnitLevel } from './catalog.ts';

export const dateSchema = z.iso.date('programs.date.invalid');
const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, 'programs.text.tooLong');

/** 节点类型: 申报截止 / 年度总结 / 绩效评价 / 考核验收 / 其他 */
export const MILESTONE_KINDS = ['submission', 'report', 'evaluation', 'acceptance', 'other'] as const;

/** 节点: a dated step of a programme; the one that `closesSubmission` ends the application window. */
export const milestoneInputSchema = z
  .object({
    name: text(60, 'programs.milestone.nameRequired'),
    dueDate: dateSchema,
    kind: z.enum(MILESTONE_KINDS).default('other'),
    closesSubmission: z.boolean().default(false),
  })
  .strict();
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

/** 延期: the organiser moves a milestone's due date later, with a reason. */
export const milestoneExtendSchema = z.object({ dueDate: dateSchema, reason: text(200, 'programs.reason.required') }).strict();

/** 状态: 进行中 / 已撤销 (withdrawn by the organiser before any unit was approved). */
export const PROGRAM_STATUSES = ['active', 'withdrawn'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** 项目说明 holds at most this many characters (the form counts down from it). */
export const PROGRAM_DESCRIPTION_MAX = 2000;

/** What the organiser sets at creation and may edit later, within the rules of program-rules.ts. */
const programFields = {
  name: text(80, 'programs.name.required'),
  batch: text(30, 'programs.batch.required'),
  /** 项目说明: what the programme is about, its basis (申报依据) and requirements; plain text, stored as null when blank. */
  description: z.string().trim().max(PROGRAM_DESCRIPTION_MAX, 'programs.description.tooLong').nullish(),
  unitLevel: z.enum(UNIT_LEVELS, 'programs.unitLevel.required'),
  honourTitle: z.string().trim().max(40, 'programs.text.tooLong').optional(),
  contentAreas: z.array(z.enum(CATALOGUE_AREA_KEYS)).max(8).default([]),
  customContentAreas: z.array(text(60, 'programs.area.required')).max(10).default([]),
  cycleStart: dateSchema,
  cycleEnd: dateSchema,
  /** 申报条件; `evidenceRequired` asks for an attachment proving it. */
  conditions: z
    .array(z.object({ text: text(200, 'programs.condition.textRequired'), evidenceRequired: z.boolean().default(false) }).strict())
    .max(20)
    .default([]),
  /** 必备附件 by name (e.g. 试点方案盖章扫描件). */
  requiredAttachments: z.array(text(60, 'programs.attachment.nameRequired')).max(10).default([]),
  /** 审核链, bottom-up: e.g. ['province', 'nation'] for a county's application. */
  reviewChain: z.array(z.enum(REVIEW_LEVELS)).min(1, 'programs.reviewChain.required').max(5),
  /** The level whose regions hold quotas (e.g. 'province': at most N counties per province). */
  quotaLevel: z.enum(['province', 'city', 'county', 'town']).nullable().default(null),
};

/** The cycle runs forwards and the programme has at least one content area. */
function withProgramChecks<
  S extends z.ZodType<{ cycleStart: string; cycleEnd: string; contentAreas: string[]; customContentAreas: string[] }>,
>(schema: S): S {
  return schema
    .refine((v) => v.cycleStart <= v.cycleEnd, { message: 'programs.cycle.order', path: ['cycleEnd'] })
    .refine((v) => v.contentAreas.length + v.customContentAreas.length > 0, { message: 'programs.area.required', path: ['contentAreas'] });
}

/** 试点示范项目 as the organiser creates it (P2.3, P3.4). */
export const programCreateSchema = withProgramChecks(
  z.object({ organiserRegion: regionCodeSchema, ...programFields, milestones: z.array(milestoneInputSchema).max(20).default([]) }).strict(),
);
export type ProgramCreate = z.infer<typeof programCreateSchema>;

/**
 * 编辑试点项目: the same fields as creation but the organiser (which decides who sees and manages it)
 * and the milestones (added, extended and removed one by one); `version` guards against a stale form.
 */
export const programUpdateSchema = withProgramChecks(z.object({ ...programFields, version: z.number().int().min(1) }).strict());
export type ProgramUpdate = z.infer<typeof programUpdateSchema>;

/** 撤销试点项目: the reason is kept with the programme and audited. */
export const programWithdrawSchema = z
  .object({ reason: text(500, 'programs.withdraw.reasonRequired'), version: z.number().int().min(1) })
  .strict();

/** 名额: at most `maxUnits` designated units inside `regionCode`; `suggested` is the advisory figure. */
export const quotaItemSchema = z
  .object({
    regionCode: regionCodeSchema,
    maxUnits: z.number().int().min(0, 'programs.quota.invalid').max(10_000, 'programs.quota.invalid'),
    suggested: z.number().int().min(0).max(10_000).nullable().optional(),
  })
  .strict();
export const quotasPutSchema = z.object({ items: z.array(quotaItemSchema).max(500) }).strict();
export type QuotaItem = z.infer<typeof quotaItemSchema>;

export const programListQuerySchema = z.object({ unitLevel: z.enum(UNIT_LEVELS).optional() });

export interface ContentArea {
  key: string;
  label: string;
  custom: boolean;
}

export interface ProgramCondition {
  key: string;
  text: string;
  evidenceRequired: boolean;
}

export interface RequiredAttachment {
  key: string;
  label: string;
}

export interface MilestoneDto {
  id: string;
  name: string;
  kind: MilestoneInput['kind'];
  dueDate: string;
  /** 延期后的截止日期 */
  extendedTo: string | null;
  extensionReason: string | null;
  /** The date that counts: extendedTo or dueDate. */
  effectiveDue: string;
  closesSubmission: boolean;
  overdue: boolean;
  /** False when removing it would change what has happened (a passed 申报截止 would reopen submission). */
  removable: boolean;
}

export interface QuotaDto {
  regionCode: string;
  regionName: string;
  maxUnits: number;
  suggested: number | null;
  /** Units this region has forwarded or had approved. */
  used: number;
}

/** 试点示范项目 */
export interface ProgramDto {
  id: string;
  organiserRegion: string;
  organiserName: string;
  organiserLevel: OrganiserLevel;
  name: string;
  batch: string;
  /** 项目说明, plain text with its line breaks; null when the organiser gave none. */
  description: string | null;
  unitLevel: UnitLevel;
  honourTitle: string;
  contentAreas: ContentArea[];
  cycleStart: string;
  cycleEnd: string;
  conditions: ProgramCondition[];
  requiredAttachments: RequiredAttachment[];
  reviewChain: ReviewLevel[];
  quotaLevel: string | null;
  milestones: MilestoneDto[];
  /** Open while the programme is active and the submission milestone (if any) has not passed. */
  submissionOpen: boolean;
  status: ProgramStatus;
  /** 撤销: when, by whom and why; null while active. */
  withdrawal: { at: string; byName: string; reason: string } | null;
  /** Sent back with an edit or a withdrawal; a stale one is a 409. */
  version: number;
  /** Both false once the programme is withdrawn. */
  abilities: { manage: boolean; apply: boolean };
}

export interface ProgramDetailDto extends ProgramDto {
  quotas: QuotaDto[];
  /** In the actor's scope; `open` = draft, under review or returned (closed by a withdrawal). */
  counts: { applications: number; open: number; submitted: number; approved: number; designated: number };
  /** The fields the programme's applications hold fixed (the edit form disables them). */
  locks: ProgramEditLocks;
  /** The actor manages it and no unit has been approved or designated yet. */
  withdrawable: boolean;
}
