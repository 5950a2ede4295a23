import { z } from 'zod';
import { freeText } from '../personal/free-text.ts';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { attachmentDtoSchema } from '../files/attachment.ts';

/** 服务窗口 (P1.4(1)): 实体窗口, 热线, 网络. */
export const SERVICE_WINDOWS = ['onsite', 'hotline', 'online'] as const;
export type ServiceWindow = (typeof SERVICE_WINDOWS)[number];

/**
 * 服务类型 (P1.4(3) and issue 3): 法律咨询, 法治宣传, 法律体检, 合同审查, 参与人民调解, 村规民约/自治章程审查,
 * 换届选举法律服务, 重大决策法律意见, 涉法涉诉信访, 法律援助引导, 其他.
 */
export const SERVICE_TYPES = [
  'consultation',
  'publicity',
  'legal_checkup',
  'contract_review',
  'mediation',
  'rules_review',
  'election',
  'decision_opinion',
  'petition',
  'aid_referral',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Chinese names, shared by the exports and the dossier (the console has its own i18n keys). */
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  consultation: '法律咨询',
  publicity: '法治宣传',
  legal_checkup: '法律体检',
  contract_review: '合同审查',
  mediation: '参与人民调解',
  rules_review: '村规民约/自治章程审查',
  election: '换届选举法律服务',
  decision_opinion: '重大决策法律意见',
  petition: '涉法涉诉信访',
  aid_referral: '法律援助引导',
  other: '其他',
};
export const SERVICE_WINDOW_LABELS: Record<ServiceWindow, string> = { onsite: '实体窗口', hotline: '热线', online: '网络' };

/** 服务对象: a person, an organisation, or the village as a whole. */
export const SUBJECT_KINDS = ['person', 'organisation', 'village'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = { person: '个人', organisation: '组织', village: '本村（社区）' };

/** 台账状态: submitted by the advisor, sent back by the justice office for correction, or accepted. */
export const SERVICE_STATUSES = ['submitted', 'returned', 'accepted'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

const text = (required: string, max: number) => z.string(required).trim().min(1, required).max(max, 'legal.text.tooLong');
/** Texts in prose: personal numbers typed into them are sealed and masked (SECURITY.md 30, decision 76). */
const prose = (required: string, max: number) => freeText(text(required, max));
const proseDto = freeText(z.string());

/** The fields an advisor fills in; what they must hold depends on each other (subject, attendance). */
const serviceFields = z.object({
  servedAt: z.iso.datetime({ offset: true, message: 'legal.service.servedAt.invalid' }),
  serviceType: z.enum(SERVICE_TYPES, 'legal.service.type.required'),
  subjectKind: z.enum(SUBJECT_KINDS, 'legal.service.subjectKind.required'),
  subjectName: freeText(z.string().trim().max(60, 'legal.text.tooLong').optional()),
  content: prose('legal.service.content.required', 2000),
  result: prose('legal.service.result.required', 1000),
  durationMinutes: z
    .number('legal.service.duration.invalid')
    .int('legal.service.duration.invalid')
    .min(1, 'legal.service.duration.invalid')
    .max(1440, 'legal.service.duration.invalid'),
  attendance: z
    .number('legal.service.attendance.invalid')
    .int('legal.service.attendance.invalid')
    .min(1, 'legal.service.attendance.invalid')
    .max(100000, 'legal.service.attendance.invalid')
    .optional(),
});

type FieldsShape = z.infer<typeof serviceFields>;

/** 法治宣传 counts its audience; a person or organisation served must be named. */
function checkDependent(value: Partial<FieldsShape>, ctx: z.RefinementCtx): void {
  if (value.serviceType === 'publicity' && value.attendance === undefined) {
    ctx.addIssue({ code: 'custom', path: ['attendance'], message: 'legal.service.attendance.required' });
  }
  if (value.subjectKind && value.subjectKind !== 'village' && !value.subjectName) {
    ctx.addIssue({ code: 'custom', path: ['subjectName'], message: 'legal.service.subjectName.required' });
  }
}

/**
 * 一次一记 (P1.4(3)): one record per service, with time, place, subject, content and result. An
 * advisor records for a village they currently serve; an official of the justice office may record
 * for an advisor (`advisorId`), e.g. from the hotline operator's call log.
 */
export const serviceCreateSchema = serviceFields
  .extend({
    villageCode: regionCodeSchema,
    window: z.enum(SERVICE_WINDOWS, 'legal.service.window.required'),
    advisorId: z.uuid('legal.advisor.required').optional(),
  })
  .strict()
  .superRefine(checkDependent);
export type ServiceCreate = z.infer<typeof serviceCreateSchema>;

/** An edit makes a new version; the village, window and advisor of a record never change. */
export const serviceUpdateSchema = serviceFields
  .extend({ version: z.number().int().min(1), reason: freeText(z.string().trim().max(200, 'legal.text.tooLong').optional()) })
  .strict()
  .superRefine(checkDependent);
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

export const serviceReturnSchema = z
  .object({ version: z.number().int().min(1), comment: prose('legal.service.comment.required', 500) })
  .strict();
export const serviceAcceptSchema = z.object({ version: z.number().int().min(1) }).strict();

const dateParam = z.iso.date('legal.date.invalid');
export const serviceListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  advisorId: z.uuid().optional(),
  window: z.enum(SERVICE_WINDOWS).optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;

/** Ledger entries, consultations and contracts carry attachments (the core file store). */
export { attachmentDtoSchema, type AttachmentDto } from '../files/attachment.ts';

/** A record's own fields as they are answered (the input's rules are not checked again on the way out). */
const serviceFieldsDto = z.object({
  servedAt: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  subjectKind: z.enum(SUBJECT_KINDS),
  subjectName: proseDto.optional(),
  content: proseDto,
  result: proseDto,
  durationMinutes: z.number(),
  attendance: z.number().optional(),
});

export const serviceVersionDtoSchema = z.object({
  version: z.number(),
  editedBy: z.string(),
  editedAt: z.string(),
  reason: proseDto.nullable(),
  /** The fields as they were in this version. */
  fields: serviceFieldsDto,
});
export type ServiceVersionDto = z.infer<typeof serviceVersionDtoSchema>;

/** 服务台账记录 as the console and the phone page show it; `abilities` come from the entry's policy. */
export const serviceDtoSchema = serviceFieldsDto.extend({
  id: z.string(),
  villageCode: z.string(),
  villagePath: z.string(),
  advisorId: z.string(),
  advisorName: z.string(),
  window: z.enum(SERVICE_WINDOWS),
  status: z.enum(SERVICE_STATUSES),
  reviewComment: proseDto.nullable(),
  version: z.number(),
  createdAt: z.string(),
  abilities: z.object({ edit: z.boolean(), review: z.boolean() }),
});
export type ServiceDto = z.infer<typeof serviceDtoSchema>;

/** A page of the ledger, with what the actor may do in the listed region (may record an entry). */
export const serviceListDtoSchema = z.object({
  items: z.array(serviceDtoSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ create: z.boolean() }),
});
export type ServiceListDto = z.infer<typeof serviceListDtoSchema>;

export const serviceDetailDtoSchema = serviceDtoSchema.extend({
  versions: z.array(serviceVersionDtoSchema),
  attachments: z.array(attachmentDtoSchema),
});
export type ServiceDetailDto = z.infer<typeof serviceDetailDtoSchema>;

/** The advisor's own picture of their work: the villages they serve now. */
export const myAdvisorDtoSchema = z.object({
  advisorId: z.string(),
  name: z.string(),
  villages: z.array(z.object({ code: z.string(), name: z.string(), path: z.string() })),
});
export type MyAdvisorDto = z.infer<typeof myAdvisorDtoSchema>;
