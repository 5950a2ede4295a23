import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';
import type { AttachmentDto } from '../files/attachment.ts';

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

/** The fields an advisor fills in; what they must hold depends on each other (subject, attendance). */
const serviceFields = z.object({
  servedAt: z.iso.datetime({ offset: true, message: 'legal.service.servedAt.invalid' }),
  serviceType: z.enum(SERVICE_TYPES, 'legal.service.type.required'),
  subjectKind: z.enum(SUBJECT_KINDS, 'legal.service.subjectKind.required'),
  subjectName: z.string().trim().max(60, 'legal.text.tooLong').optional(),
  content: text('legal.service.content.required', 2000),
  result: text('legal.service.result.required', 1000),
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
  .extend({ version: z.number().int().min(1), reason: z.string().trim().max(200, 'legal.text.tooLong').optional() })
  .strict()
  .superRefine(checkDependent);
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

export const serviceReturnSchema = z
  .object({ version: z.number().int().min(1), comment: text('legal.service.comment.required', 500) })
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
export type { AttachmentDto };

export interface ServiceVersionDto {
  version: number;
  editedBy: string;
  editedAt: string;
  reason: string | null;
  /** The fields as they were in this version. */
  fields: FieldsShape;
}

/** 服务台账记录 as the console and the phone page show it. */
export interface ServiceDto extends FieldsShape {
  id: string;
  villageCode: string;
  villagePath: string;
  advisorId: string;
  advisorName: string;
  window: ServiceWindow;
  status: ServiceStatus;
  reviewComment: string | null;
  version: number;
  createdAt: string;
  abilities: { edit: boolean; review: boolean };
}

/** A page of the ledger, with what the actor may do in the listed region (may record an entry). */
export interface ServiceListDto {
  items: ServiceDto[];
  total: number;
  page: number;
  pageSize: number;
  abilities: { create: boolean };
}

export interface ServiceDetailDto extends ServiceDto {
  versions: ServiceVersionDto[];
  attachments: AttachmentDto[];
}

/** The advisor's own picture of their work: the villages they serve now. */
export interface MyAdvisorDto {
  advisorId: string;
  name: string;
  villages: { code: string; name: string; path: string }[];
}

/** 网上咨询 (网络窗口, P1.4(1)): a villager's question from the phone page. */
export const consultationCreateSchema = z
  .object({
    question: z
      .string('legal.consultation.question.required')
      .trim()
      .min(5, 'legal.consultation.question.required')
      .max(1000, 'legal.text.tooLong'),
  })
  .strict();
export type ConsultationCreate = z.infer<typeof consultationCreateSchema>;

/** The advisor's answer; it becomes a ledger entry with window 网络. */
export const consultationAnswerSchema = z
  .object({
    answer: z
      .string('legal.consultation.answer.required')
      .trim()
      .min(1, 'legal.consultation.answer.required')
      .max(2000, 'legal.text.tooLong'),
    durationMinutes: z.number().int().min(1, 'legal.service.duration.invalid').max(1440, 'legal.service.duration.invalid').optional(),
  })
  .strict();
export type ConsultationAnswer = z.infer<typeof consultationAnswerSchema>;

export const consultationListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  status: z.enum(['open', 'answered', 'overdue']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConsultationListQuery = z.infer<typeof consultationListQuerySchema>;

export interface ConsultationDto {
  id: string;
  villageCode: string;
  villagePath: string;
  askerName: string;
  question: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** Minutes from the question to the answer (响应时长). */
  responseMinutes: number | null;
  /** Unanswered longer than the configured hours (48 by default). */
  overdue: boolean;
  advisorName: string | null;
  pictures: AttachmentDto[];
  abilities: { answer: boolean };
}

/** 考核周期 of a service norm. */
export const NORM_PERIODS = ['month', 'quarter', 'year'] as const;
export type NormPeriod = (typeof NORM_PERIODS)[number];

/**
 * 服务规范 (P1.4(3)): at least `minCount` services per village and period, of one window (e.g.
 * 实体窗口: one on-site service a month) or one type (e.g. 法治宣传 once a quarter), or of any.
 */
export const normCreateSchema = z
  .object({
    regionCode: regionCodeSchema,
    name: z.string('legal.norm.name.required').trim().min(1, 'legal.norm.name.required').max(60, 'legal.text.tooLong'),
    window: z.enum(SERVICE_WINDOWS).nullable().optional(),
    serviceType: z.enum(SERVICE_TYPES).nullable().optional(),
    period: z.enum(NORM_PERIODS, 'legal.norm.period.required'),
    minCount: z
      .number('legal.norm.minCount.invalid')
      .int('legal.norm.minCount.invalid')
      .min(1, 'legal.norm.minCount.invalid')
      .max(100, 'legal.norm.minCount.invalid'),
  })
  .strict();
export type NormCreate = z.infer<typeof normCreateSchema>;

export interface NormDto {
  id: string;
  regionCode: string;
  regionName: string;
  name: string;
  window: ServiceWindow | null;
  serviceType: ServiceType | null;
  period: NormPeriod;
  minCount: number;
}

/** A period as officials name it: 2026-11 (month), 2026-Q4 (quarter) or 2026 (year). */
export const periodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'legal.period.invalid');

export const complianceQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  period: periodSchema,
  behindOnly: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export interface ComplianceVillageDto {
  villageCode: string;
  villagePath: string;
  advisorId: string;
  advisorName: string;
  /** Per norm: services done and required in the period. */
  norms: { normId: string; done: number; required: number }[];
  behind: boolean;
}

export interface ComplianceDto {
  period: string;
  norms: NormDto[];
  /** Villages with a current advisor, and how many fall short of some norm. */
  villages: number;
  behind: number;
  rate: number;
  advisors: { advisorId: string; advisorName: string; villages: number; behind: number }[];
  items: ComplianceVillageDto[];
  total: number;
  page: number;
  pageSize: number;
}

export const dashboardQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000, 'legal.dossier.year.invalid').max(2100, 'legal.dossier.year.invalid'),
});

/** 司法局看板: services by month, type and window, per child region, with coverage and follow-ups. */
export interface LegalDashboardDto {
  region: { code: string; name: string; level: string };
  year: number;
  total: number;
  byMonth: { month: string; count: number }[];
  byType: { serviceType: ServiceType; count: number }[];
  byWindow: { window: ServiceWindow; count: number }[];
  children: { code: string; name: string; total: number; byWindow: Record<ServiceWindow, number> }[];
  coverage: { villages: number; covered: number; rate: number; poorVillages: number; poorCovered: number };
  compliance: { period: string; villages: number; behind: number };
  overdueQuestions: number;
}

/** 公共法律服务室 (实体窗口, P1.4(1)): where and when the village's room is open, and the hotline. */
export const roomSchema = z
  .object({
    place: z.string('legal.room.place.required').trim().min(1, 'legal.room.place.required').max(100, 'legal.text.tooLong'),
    hours: z.string('legal.room.hours.required').trim().min(1, 'legal.room.hours.required').max(100, 'legal.text.tooLong'),
    hotline: z
      .string('legal.room.hotline.required')
      .trim()
      .regex(/^[0-9-]{3,20}$/, 'legal.room.hotline.required'),
  })
  .strict();
export type RoomInput = z.infer<typeof roomSchema>;

export interface RoomDto extends RoomInput {
  villageCode: string;
  villagePath: string;
  /** Not yet set up: the fields hold the defaults to start from. */
  configured: boolean;
  advisorName: string | null;
}

/** 公示牌: what the printed A4 notice shows; the advisor's phone is published on purpose. */
export interface NoticeDto extends RoomDto {
  advisorPhone: string | null;
  consultUrl: string;
  /** The QR code to `consultUrl`, as an SVG document. */
  qrSvg: string;
}
