import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { CATALOGUE_AREA_KEYS, ORGANISER_LEVELS, REVIEW_LEVELS, UNIT_LEVELS } from './catalog.ts';

export const dateSchema = z.iso.date('programs.date.invalid');
const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, 'programs.text.tooLong');

/** 节点类型: 申报截止 / 年度总结 / 绩效评价 / 考核验收 / 其他 */
export const MILESTONE_KINDS = ['submission', 'report', 'evaluation', 'acceptance', 'other'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

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
export const milestoneExtendSchema = z.object({ dueDate: dateSchema, reason: freeText(text(200, 'programs.reason.required')) }).strict();

/** 名额所在层级: the levels whose regions may hold quotas. */
export const QUOTA_LEVELS = ['province', 'city', 'county', 'town'] as const;
export type QuotaLevel = (typeof QUOTA_LEVELS)[number];

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
  description: freeText(z.string().trim().max(PROGRAM_DESCRIPTION_MAX, 'programs.description.tooLong').nullish()),
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
  quotaLevel: z.enum(QUOTA_LEVELS).nullable().default(null),
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
/** The body as a client sends it (defaulted fields may be left out). */
export type ProgramCreateInput = z.input<typeof programCreateSchema>;

/**
 * 编辑试点项目: the same fields as creation but the organiser (which decides who sees and manages it)
 * and the milestones (added, extended and removed one by one); `version` guards against a stale form.
 */
export const programUpdateSchema = withProgramChecks(z.object({ ...programFields, version: z.number().int().min(1) }).strict());
export type ProgramUpdate = z.infer<typeof programUpdateSchema>;
export type ProgramUpdateInput = z.input<typeof programUpdateSchema>;

/** 撤销试点项目: the reason is kept with the programme and audited. */
export const programWithdrawSchema = z
  .object({ reason: freeText(text(500, 'programs.withdraw.reasonRequired')), version: z.number().int().min(1) })
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

export const contentAreaSchema = z.object({ key: z.string(), label: z.string(), custom: z.boolean() });
export type ContentArea = z.infer<typeof contentAreaSchema>;

export const programConditionSchema = z.object({ key: z.string(), text: z.string(), evidenceRequired: z.boolean() });
export type ProgramCondition = z.infer<typeof programConditionSchema>;

export const requiredAttachmentSchema = z.object({ key: z.string(), label: z.string() });
export type RequiredAttachment = z.infer<typeof requiredAttachmentSchema>;

export const milestoneDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(MILESTONE_KINDS),
  dueDate: z.string(),
  /** 延期后的截止日期 */
  extendedTo: z.string().nullable(),
  extensionReason: freeText(z.string()).nullable(),
  /** The date that counts: extendedTo or dueDate. */
  effectiveDue: z.string(),
  closesSubmission: z.boolean(),
  overdue: z.boolean(),
  /** False when removing it would change what has happened (a passed 申报截止 would reopen submission). */
  removable: z.boolean(),
});
export type MilestoneDto = z.infer<typeof milestoneDtoSchema>;

export const quotaDtoSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  maxUnits: z.number(),
  suggested: z.number().nullable(),
  /** Units this region has forwarded or had approved. */
  used: z.number(),
});
export type QuotaDto = z.infer<typeof quotaDtoSchema>;

/** 试点示范项目 */
export const programDtoSchema = z.object({
  id: z.string(),
  organiserRegion: z.string(),
  organiserName: z.string(),
  organiserLevel: z.enum(ORGANISER_LEVELS),
  name: z.string(),
  batch: z.string(),
  /** 项目说明, plain text with its line breaks; null when the organiser gave none. */
  description: freeText(z.string()).nullable(),
  unitLevel: z.enum(UNIT_LEVELS),
  honourTitle: z.string(),
  contentAreas: z.array(contentAreaSchema),
  cycleStart: z.string(),
  cycleEnd: z.string(),
  conditions: z.array(programConditionSchema),
  requiredAttachments: z.array(requiredAttachmentSchema),
  reviewChain: z.array(z.enum(REVIEW_LEVELS)),
  quotaLevel: z.enum(QUOTA_LEVELS).nullable(),
  milestones: z.array(milestoneDtoSchema),
  /** Open while the programme is active and the submission milestone (if any) has not passed. */
  submissionOpen: z.boolean(),
  status: z.enum(PROGRAM_STATUSES),
  /** 撤销: when, by whom and why; null while active. */
  withdrawal: z.object({ at: z.string(), byName: z.string(), reason: freeText(z.string()) }).nullable(),
  /** Sent back with an edit or a withdrawal; a stale one is a 409. */
  version: z.number(),
  /** Both false once the programme is withdrawn. */
  abilities: z.object({ manage: z.boolean(), apply: z.boolean() }),
});
export type ProgramDto = z.infer<typeof programDtoSchema>;

/** The programme list, with whether the actor may create one (新建). */
export const programListDtoSchema = z.object({ items: z.array(programDtoSchema), abilities: z.object({ create: z.boolean() }) });
export type ProgramListDto = z.infer<typeof programListDtoSchema>;

/** The fields a programme's applications hold fixed (the edit form disables them); program-rules.ts decides them. */
export const programEditLocksSchema = z.object({
  /** 试点单位层级: fixed once any unit has applied (its application is for a unit of that level). */
  unitLevel: z.boolean(),
  /** 审核层级 and 名额所在层级: fixed while an application is under review or approved. */
  reviewChain: z.boolean(),
  /** 申报条件 and 必备附件: fixed once an application has been submitted (reviewers judged it by them). */
  requirements: z.boolean(),
  /** 试点周期: fixed once a unit is designated (its designation runs to the cycle's end). */
  cycle: z.boolean(),
  /** 试点内容 chosen by an application: these may not be removed. */
  areasInUse: z.array(z.string()),
});
export type ProgramEditLocks = z.infer<typeof programEditLocksSchema>;

export const programDetailDtoSchema = programDtoSchema.extend({
  quotas: z.array(quotaDtoSchema),
  /** In the actor's scope; `open` = draft, under review or returned (closed by a withdrawal). */
  counts: z.object({ applications: z.number(), open: z.number(), submitted: z.number(), approved: z.number(), designated: z.number() }),
  locks: programEditLocksSchema,
  /** The actor manages it and no unit has been approved or designated yet. */
  withdrawable: z.boolean(),
});
export type ProgramDetailDto = z.infer<typeof programDetailDtoSchema>;

/** 名额建议表 imported: the detail, and the region codes this installation does not hold (reported, not invented). */
export const quotaImportDtoSchema = programDetailDtoSchema.extend({ skipped: z.array(z.string()) });
