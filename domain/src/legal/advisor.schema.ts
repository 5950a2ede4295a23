import { z } from 'zod';
import { isValidIdCard } from '../personal/id-card.ts';
import { isValidMobile, normalizeMobile } from '../personal/phone.ts';
import { isValidUscc } from '../personal/uscc.ts';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { attachmentDtoSchema } from '../files/attachment.ts';
import { assignmentDtoSchema } from './assignment.schema.ts';

/** 法律顾问类别 (P1.4(2): lawyers, grassroots legal workers, judicial assistants, retirees, trainees, students). */
export const ADVISOR_CATEGORIES = [
  'practising_lawyer',
  'grassroots_worker',
  'judicial_assistant',
  'retired_judge',
  'retired_prosecutor',
  'retired_police',
  'trainee_lawyer',
  'law_student',
  'other',
] as const;
export type AdvisorCategory = (typeof ADVISOR_CATEGORIES)[number];

export const ADVISOR_CATEGORY_LABELS: Record<AdvisorCategory, string> = {
  practising_lawyer: '执业律师',
  grassroots_worker: '基层法律服务工作者',
  judicial_assistant: '司法助理员',
  retired_judge: '退休法官',
  retired_prosecutor: '退休检察官',
  retired_police: '退休警官',
  trainee_lawyer: '实习律师',
  law_student: '法律专业学生志愿者',
  other: '其他',
};

export const ADVISOR_STATUSES = ['active', 'suspended', 'left'] as const;
/** 在岗 / 暂停 / 离任 */
export type AdvisorStatus = (typeof ADVISOR_STATUSES)[number];

const dateSchema = z.iso.date('legal.date.invalid');
const optionalText = (max: number) => z.string().trim().max(max, 'legal.text.tooLong').nullable().optional();

const advisorFields = {
  name: z.string().trim().min(1, 'legal.name.required').max(30, 'legal.text.tooLong'),
  gender: z.enum(['male', 'female'], 'legal.gender.required'),
  phone: z.string().trim().transform(normalizeMobile).refine(isValidMobile, { message: 'personal.mobile.invalid' }),
  idNumber: z.string().trim().toUpperCase().refine(isValidIdCard, { message: 'personal.idCard.invalid' }),
  category: z.enum(ADVISOR_CATEGORIES, 'legal.category.required'),
  employerName: optionalText(60),
  employerUscc: z.string().trim().toUpperCase().refine(isValidUscc, { message: 'personal.uscc.invalid' }).nullable().optional(),
  licenceNo: optionalText(40),
  contractStart: dateSchema.nullable().optional(),
  contractEnd: dateSchema.nullable().optional(),
  /** 服务费 (政府购买服务), in 分. */
  contractFeeFen: z
    .number()
    .int('legal.fee.invalid')
    .min(0, 'legal.fee.invalid')
    .max(100_000_000_00, 'legal.fee.invalid')
    .nullable()
    .optional(),
};

function contractPeriodInOrder(value: { contractStart?: string | null; contractEnd?: string | null }): boolean {
  return !value.contractStart || !value.contractEnd || value.contractStart <= value.contractEnd;
}
const periodIssue = { message: 'legal.contract.period', path: ['contractEnd'] };

/** 法律顾问 as entered by the justice bureau; ID number and phone are stored encrypted. */
export const advisorCreateSchema = z
  .object({ regionCode: regionCodeSchema, ...advisorFields })
  .strict()
  .refine(contractPeriodInOrder, periodIssue);
export type AdvisorCreate = z.infer<typeof advisorCreateSchema>;

export const advisorUpdateSchema = z
  .object(advisorFields)
  .partial()
  .extend({
    version: z.number().int().min(1),
    status: z.enum(ADVISOR_STATUSES).optional(),
    /** 关联账号: the advisor's login (role 村法律顾问); null unlinks. */
    userId: z.uuid('legal.advisor.account.invalid').nullable().optional(),
  })
  .strict()
  .refine(contractPeriodInOrder, periodIssue);
export type AdvisorUpdate = z.infer<typeof advisorUpdateSchema>;

export const advisorListQuerySchema = z.object({
  q: z.string().trim().max(30).optional(),
  status: z.enum(ADVISOR_STATUSES).optional(),
  category: z.enum(ADVISOR_CATEGORIES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AdvisorListQuery = z.infer<typeof advisorListQuerySchema>;

export const revealSchema = z.object({ field: z.enum(['phone', 'idNumber']) }).strict();

export const villageRefSchema = z.object({ code: z.string(), name: z.string() });
export type VillageRef = z.infer<typeof villageRefSchema>;

/** A roster entry as the console shows it: personal numbers masked, what the actor may do next in `abilities`. */
export const advisorDtoSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  /** masked: 138****5678 */
  phone: z.string(),
  /** masked: 6104**********1234 */
  idNumber: z.string(),
  category: z.enum(ADVISOR_CATEGORIES),
  employerName: z.string().nullable(),
  employerUscc: z.string().nullable(),
  licenceNo: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  contractFeeFen: z.number().nullable(),
  status: z.enum(ADVISOR_STATUSES),
  currentVillages: z.array(villageRefSchema),
  /** 关联账号: the advisor's own login, if linked. */
  userId: z.string().nullable(),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), reveal: z.boolean(), assign: z.boolean() }),
});
export type AdvisorDto = z.infer<typeof advisorDtoSchema>;

/** A page of the roster, with whether the actor may add advisors in the listed region. */
export const advisorListDtoSchema = z.object({
  items: z.array(advisorDtoSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ create: z.boolean() }),
});
export type AdvisorListDto = z.infer<typeof advisorListDtoSchema>;

/** A roster entry with its assignments (newest first) and the signed service contracts (服务合同). */
export const advisorDetailDtoSchema = advisorDtoSchema.extend({
  assignments: z.array(assignmentDtoSchema),
  contractFiles: z.array(attachmentDtoSchema),
});
export type AdvisorDetailDto = z.infer<typeof advisorDetailDtoSchema>;

/** 批量导入: how many rows were registered, and each bad row with its reason. */
export const advisorImportResultDtoSchema = z.object({
  imported: z.number(),
  errors: z.array(
    z.object({
      /** The sheet's row number, the header being row 1. */
      row: z.number(),
      /** The column's header text, e.g. 手机号码. */
      field: z.string(),
      message: z.string(),
    }),
  ),
});
export type AdvisorImportResultDto = z.infer<typeof advisorImportResultDtoSchema>;

/** The full phone or ID number, after an audited reveal. */
export const revealedDtoSchema = z.object({ value: z.string() });
export type RevealedDto = z.infer<typeof revealedDtoSchema>;
