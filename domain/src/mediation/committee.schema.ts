import { z } from 'zod';
import { isValidIdCard } from '../personal/id-card.ts';
import { isValidMobile, normalizeMobile } from '../personal/phone.ts';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { dateSchema, optionalText, pageFields, pageSchema, placeRefSchema, regionNameSchema, text } from './common.schema.ts';

/**
 * 人民调解委员会的层级 (P1.4(4)「人民调解委员会“双建”」): 县、乡镇（街道）、村（社区），
 * and 行业性专业性调解委员会 (specialised: medical, labour, traffic, land …) set up at county or town level.
 */
export const COMMITTEE_LEVELS = ['county', 'town', 'village', 'specialised'] as const;
export type CommitteeLevel = (typeof COMMITTEE_LEVELS)[number];
export const COMMITTEE_LEVEL_LABELS: Record<CommitteeLevel, string> = {
  county: '县级人民调解委员会',
  town: '乡镇（街道）人民调解委员会',
  village: '村（居）人民调解委员会',
  specialised: '行业性专业性人民调解委员会',
};

export const COMMITTEE_STATUSES = ['active', 'dissolved'] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];

export const committeeCreateSchema = z
  .object({
    regionCode: regionCodeSchema,
    level: z.enum(COMMITTEE_LEVELS, 'mediation.committee.level.required'),
    name: text(60, 'mediation.committee.name.required'),
    /** 行业领域 of a specialised committee (医疗纠纷、劳动争议、道路交通…). */
    field: optionalText(30),
    establishedOn: dateSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => v.level !== 'specialised' || !!v.field, { message: 'mediation.committee.field.required', path: ['field'] });
export type CommitteeCreate = z.infer<typeof committeeCreateSchema>;

export const committeeUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    name: text(60, 'mediation.committee.name.required').optional(),
    field: optionalText(30),
    establishedOn: dateSchema.nullable().optional(),
    status: z.enum(COMMITTEE_STATUSES).optional(),
  })
  .strict();
export type CommitteeUpdate = z.infer<typeof committeeUpdateSchema>;

export const committeeListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  level: z.enum(COMMITTEE_LEVELS).optional(),
  q: z.string().trim().max(30).optional(),
  ...pageFields,
});
export type CommitteeListQuery = z.infer<typeof committeeListQuerySchema>;

export const committeeDtoSchema = z.object({
  id: z.string(),
  region: placeRefSchema,
  level: z.enum(COMMITTEE_LEVELS),
  name: z.string(),
  field: z.string().nullable(),
  establishedOn: z.string().nullable(),
  status: z.enum(COMMITTEE_STATUSES),
  /** Active mediators: all, and full-time (专职). */
  mediators: z.number(),
  fullTime: z.number(),
  version: z.number(),
  abilities: z.object({ update: z.boolean() }),
});
export type CommitteeDto = z.infer<typeof committeeDtoSchema>;

/** A page of committees; `create` also covers the region's 调解工作设置 (both need `mediation.manage`). */
export const committeeListDtoSchema = pageSchema(committeeDtoSchema).extend({
  abilities: z.object({ create: z.boolean(), configure: z.boolean() }),
});
export type CommitteeListDto = z.infer<typeof committeeListDtoSchema>;

/** 专职 / 兼职人民调解员 (P3.3(三)1 counts full-time ones). */
export const EMPLOYMENTS = ['full_time', 'part_time'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
/** 在岗 / 暂停 / 离任 */
export const MEDIATOR_STATUSES = ['active', 'suspended', 'left'] as const;
export type MediatorStatus = (typeof MEDIATOR_STATUSES)[number];

const mediatorFields = {
  name: text(30, 'mediation.mediator.name.required'),
  gender: z.enum(['male', 'female'], 'mediation.gender.required'),
  phone: z.string().trim().transform(normalizeMobile).refine(isValidMobile, { message: 'personal.mobile.invalid' }),
  idNumber: z.string().trim().toUpperCase().refine(isValidIdCard, { message: 'personal.idCard.invalid' }).nullable().optional(),
  employment: z.enum(EMPLOYMENTS, 'mediation.employment.required'),
};

/** 人民调解员 of one committee; phone and ID number stored encrypted with a lookup hash. */
export const mediatorCreateSchema = z.object({ committeeId: z.uuid('mediation.committee.required'), ...mediatorFields }).strict();
export type MediatorCreate = z.infer<typeof mediatorCreateSchema>;

export const mediatorUpdateSchema = z
  .object(mediatorFields)
  .partial()
  .extend({ version: z.number().int().min(1), status: z.enum(MEDIATOR_STATUSES).optional() })
  .strict();
export type MediatorUpdate = z.infer<typeof mediatorUpdateSchema>;

export const mediatorListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  committeeId: z.uuid().optional(),
  /** Only active mediators whose committee's region covers this place: those who may take its cases. */
  assignableTo: regionCodeSchema.optional(),
  employment: z.enum(EMPLOYMENTS).optional(),
  status: z.enum(MEDIATOR_STATUSES).optional(),
  q: z.string().trim().max(30).optional(),
  ...pageFields,
});
export type MediatorListQuery = z.infer<typeof mediatorListQuerySchema>;

/** 培训记录 */
export const trainingCreateSchema = z
  .object({
    trainedOn: dateSchema,
    title: text(60, 'mediation.training.title.required'),
    hours: z
      .number('mediation.training.hours.invalid')
      .min(0.5, 'mediation.training.hours.invalid')
      .max(200, 'mediation.training.hours.invalid'),
    organiser: optionalText(60),
  })
  .strict();
export type TrainingCreate = z.infer<typeof trainingCreateSchema>;

export const trainingDtoSchema = z.object({
  id: z.string(),
  trainedOn: z.string(),
  title: z.string(),
  hours: z.number(),
  organiser: z.string().nullable(),
});
export type TrainingDto = z.infer<typeof trainingDtoSchema>;

export const mediatorDtoSchema = z.object({
  id: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
  committeeLevel: z.enum(COMMITTEE_LEVELS),
  region: placeRefSchema,
  name: z.string(),
  gender: z.enum(['male', 'female']),
  /** masked 138****5678 */
  phone: z.string(),
  /** masked, or null when not recorded */
  idNumber: z.string().nullable(),
  employment: z.enum(EMPLOYMENTS),
  status: z.enum(MEDIATOR_STATUSES),
  trainingHours: z.number(),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), reveal: z.boolean() }),
});
export type MediatorDto = z.infer<typeof mediatorDtoSchema>;

export const mediatorListDtoSchema = pageSchema(mediatorDtoSchema).extend({ abilities: z.object({ create: z.boolean() }) });
export type MediatorListDto = z.infer<typeof mediatorListDtoSchema>;

/** One mediator with their training record (培训记录). */
export const mediatorDetailDtoSchema = mediatorDtoSchema.extend({ trainings: z.array(trainingDtoSchema) });
export type MediatorDetailDto = z.infer<typeof mediatorDetailDtoSchema>;

export const revealSchema = z.object({ field: z.enum(['phone', 'idNumber']) }).strict();
export type RevealField = z.infer<typeof revealSchema>['field'];

export const staffingQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });

/** P3.3(三)1: a town committee needs ≥2 full-time mediators, a village committee ≥1. */
export const TOWN_FULL_TIME_REQUIRED = 2;
export const VILLAGE_FULL_TIME_REQUIRED = 1;

export const staffingGapDtoSchema = z.object({
  code: z.string(),
  name: z.string(),
  path: z.string(),
  level: z.enum(['town', 'village']),
  /** Active full-time mediators of the place's own committee. */
  fullTime: z.number(),
  required: z.number(),
  hasCommittee: z.boolean(),
});
export type StaffingGapDto = z.infer<typeof staffingGapDtoSchema>;

/** 人员配备达标情况 of a region: towns and villages that meet the rule, and the ones short of it. */
const compliance = z.object({ total: z.number(), compliant: z.number(), short: z.number() });
export const staffingDtoSchema = z.object({
  region: regionNameSchema,
  towns: compliance,
  villages: compliance,
  /** The short list, towns first, up to `limit` rows; `totalShort` counts all. */
  gaps: z.array(staffingGapDtoSchema),
  totalShort: z.number(),
  abilities: z.object({ export: z.boolean() }),
});
export type StaffingDto = z.infer<typeof staffingDtoSchema>;
