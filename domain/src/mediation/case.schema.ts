import { z } from 'zod';
import { isValidIdCard } from '../personal/id-card.ts';
import { isValidMobile, normalizeMobile } from '../personal/phone.ts';
import { isValidUscc } from '../personal/uscc.ts';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { dateSchema, optionalProse, optionalText, pageFields, pageSchema, placeRefSchema, prose, proseDto, text } from './common.schema.ts';
import { CASE_ACTIONS, CASE_STATUSES, OUTCOMES, PERFORMANCES, type Recording } from './case-workflow.ts';
import { attachmentDtoSchema } from '../files/attachment.ts';

/**
 * 纠纷类型 (P3.3(三)1: 婚姻家庭、邻里、土地承包、征地拆迁、农民工工资、环境污染 … ).
 */
export const CASE_TYPES = [
  'marriage_family',
  'neighbour',
  'homestead',
  'land_contract',
  'forest_land',
  'land_requisition',
  'labour_wages',
  'damages',
  'contract',
  'environment',
  'medical',
  'other',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  marriage_family: '婚姻家庭纠纷',
  neighbour: '邻里纠纷',
  homestead: '房屋宅基地纠纷',
  land_contract: '土地承包纠纷',
  forest_land: '山林土地纠纷',
  land_requisition: '征地拆迁纠纷',
  labour_wages: '劳动争议（农民工工资）纠纷',
  damages: '损害赔偿纠纷',
  contract: '合同纠纷',
  environment: '环境污染纠纷',
  medical: '医疗纠纷',
  other: '其他纠纷',
};

/** 案件来源: 排查发现、当事人申请（含线上）、有关部门移送（委托）、主动调解. */
export const CASE_SOURCES = ['screening', 'application', 'referral', 'initiative'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  screening: '排查发现',
  application: '当事人申请',
  referral: '移送委托',
  initiative: '主动调解',
};
/** Who referred a case: 公安派出所、人民法院、信访部门、其他. */
export const REFERRERS = ['police', 'court', 'petition', 'other'] as const;
export type Referrer = (typeof REFERRERS)[number];
export const REFERRER_LABELS: Record<Referrer, string> = {
  police: '公安派出所',
  court: '人民法院',
  petition: '信访部门',
  other: '其他部门',
};

/** 风险等级 and its reasons; `criminalRisk` marks 可能“民转刑” cases (P3.3(三)1). */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: '低', medium: '中', high: '高' };
export const RISK_REASONS = ['violence_threat', 'repeated_petitions', 'many_people', 'large_amount', 'other'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];
export const RISK_REASON_LABELS: Record<RiskReason, string> = {
  violence_threat: '有暴力威胁或过激言行',
  repeated_petitions: '反复上访',
  many_people: '涉及人数众多',
  large_amount: '涉及金额较大',
  other: '其他风险',
};

export const PARTY_KINDS = ['person', 'organisation'] as const;
/** 自然人 / 法人或其他组织 */
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_ROLES = ['applicant', 'respondent'] as const;
/** 申请人 / 被申请人 */
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * 当事人: a person (身份证号) or an organisation (统一社会信用代码). ID numbers and phones are
 * encrypted at rest, hashed for lookup and masked in every answer.
 */
const partyFields = {
  kind: z.enum(PARTY_KINDS, 'mediation.party.kind.required'),
  role: z.enum(PARTY_ROLES, 'mediation.party.role.required'),
  name: text(60, 'mediation.party.name.required'),
  idNumber: z.string().trim().toUpperCase().max(18, 'mediation.text.tooLong').nullable().optional(),
  phone: z.string().trim().transform(normalizeMobile).refine(isValidMobile, { message: 'personal.mobile.invalid' }).nullable().optional(),
  address: optionalText(100),
};

function checkIdNumber(p: { kind: PartyKind; idNumber?: string | null }, issues: z.RefinementCtx): void {
  if (!p.idNumber) return;
  const ok = p.kind === 'person' ? isValidIdCard(p.idNumber) : isValidUscc(p.idNumber);
  if (!ok)
    issues.addIssue({
      code: 'custom',
      path: ['idNumber'],
      message: p.kind === 'person' ? 'personal.idCard.invalid' : 'personal.uscc.invalid',
    });
}

function checkBothSides(c: { parties: readonly { role: PartyRole }[] }, issues: z.RefinementCtx): void {
  if (!c.parties.some((p) => p.role === 'applicant') || !c.parties.some((p) => p.role === 'respondent')) {
    issues.addIssue({ code: 'custom', path: ['parties'], message: 'mediation.parties.bothSides' });
  }
}

export const partySchema = z.object(partyFields).strict().superRefine(checkIdNumber);
export type PartyInput = z.infer<typeof partySchema>;

const caseBody = z.object({
  regionCode: regionCodeSchema,
  committeeId: z.uuid('mediation.committee.required').nullable().optional(),
  source: z.enum(CASE_SOURCES, 'mediation.source.required'),
  referrer: z.enum(REFERRERS, 'mediation.referrer.required').nullable().optional(),
  referralNote: optionalProse(100),
  screeningId: z.uuid().nullable().optional(),
  caseType: z.enum(CASE_TYPES, 'mediation.caseType.required'),
  description: prose(2000, 'mediation.description.required'),
  /** 涉及金额, 分. */
  amountFen: z
    .number()
    .int('mediation.amount.invalid')
    .min(0, 'mediation.amount.invalid')
    .max(1_000_000_000_00, 'mediation.amount.invalid')
    .nullable()
    .optional(),
  peopleCount: z
    .number('mediation.peopleCount.invalid')
    .int('mediation.peopleCount.invalid')
    .min(1, 'mediation.peopleCount.invalid')
    .max(100_000, 'mediation.peopleCount.invalid'),
  riskLevel: z.enum(RISK_LEVELS, 'mediation.riskLevel.required'),
  riskReasons: z.array(z.enum(RISK_REASONS, 'mediation.riskReason.invalid')).max(RISK_REASONS.length).default([]),
  criminalRisk: z.boolean().default(false),
  registeredOn: dateSchema,
  parties: z.array(partySchema).min(2, 'mediation.parties.required').max(50, 'mediation.parties.tooMany'),
});

/** 受理登记 of a dispute. */
export const caseCreateSchema = caseBody.strict().superRefine((c, issues) => {
  if (c.source === 'referral' && !c.referrer)
    issues.addIssue({ code: 'custom', path: ['referrer'], message: 'mediation.referrer.required' });
  if ((c.riskLevel === 'high' || c.criminalRisk) && c.riskReasons.length === 0) {
    issues.addIssue({ code: 'custom', path: ['riskReasons'], message: 'mediation.riskReasons.required' });
  }
  checkBothSides(c, issues);
});
export type CaseCreate = z.infer<typeof caseCreateSchema>;

/**
 * 修改当事人 while the case is still being mediated. A party with an `id` is one already recorded: its
 * ID number and phone stay as stored unless a new value is given (null clears them), so nobody has to
 * see or retype a full number to correct a name or an address. Parties left out are removed.
 */
export const partyEditSchema = z
  .object({ id: z.uuid().optional(), ...partyFields })
  .strict()
  .superRefine(checkIdNumber);
export type PartyEdit = z.infer<typeof partyEditSchema>;

export const partiesUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    parties: z.array(partyEditSchema).min(2, 'mediation.parties.required').max(50, 'mediation.parties.tooMany'),
  })
  .strict()
  .superRefine(checkBothSides);
export type PartiesUpdate = z.infer<typeof partiesUpdateSchema>;

/** A villager's own request from the phone (/m): the applicant is the signed-in villager. */
export const onlineApplicationSchema = z
  .object({
    caseType: z.enum(CASE_TYPES, 'mediation.caseType.required'),
    description: prose(2000, 'mediation.description.required'),
    phone: z.string().trim().transform(normalizeMobile).refine(isValidMobile, { message: 'personal.mobile.invalid' }),
    respondentName: text(60, 'mediation.respondent.required'),
    respondentAddress: optionalText(100),
    peopleCount: z
      .number('mediation.peopleCount.invalid')
      .int('mediation.peopleCount.invalid')
      .min(1, 'mediation.peopleCount.invalid')
      .max(100_000, 'mediation.peopleCount.invalid')
      .default(2),
  })
  .strict();
export type OnlineApplication = z.infer<typeof onlineApplicationSchema>;

export const caseListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  caseType: z.enum(CASE_TYPES).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  criminalRisk: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** 在办: every case not yet closed (a concluded case still has its follow-up to do). */
  open: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(30).optional(),
  ...pageFields,
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
/** 调解案件台账 export: the list's filters, every matching case (no paging). */
export const caseExportQuerySchema = caseListQuerySchema.omit({ page: true, pageSize: true });

// ---- workflow bodies (one per action, DOMAIN.md "Mediation case") ----
export const startSchema = z.object({ mediatorId: z.uuid('mediation.mediator.required').optional() }).strict();
export const sessionSchema = z
  .object({
    heldOn: dateSchema,
    participants: prose(200, 'mediation.session.participants.required'),
    notes: prose(2000, 'mediation.session.notes.required'),
  })
  .strict();
export const agreeSchema = z
  .object({
    agreedOn: dateSchema,
    terms: prose(4000, 'mediation.agreement.terms.required'),
    performanceDeadline: dateSchema.nullable().optional(),
  })
  .strict();
/** 调解不成: where the dispute goes next (诉讼、仲裁、行政处理) and to whom. */
export const FAILURE_ROUTES = ['litigation', 'arbitration', 'administrative'] as const;
export type FailureRoute = (typeof FAILURE_ROUTES)[number];
export const FAILURE_ROUTE_LABELS: Record<FailureRoute, string> = {
  litigation: '引导诉讼',
  arbitration: '申请仲裁',
  administrative: '移交行政机关处理',
};
export const failSchema = z
  .object({
    failedOn: dateSchema,
    route: z.enum(FAILURE_ROUTES, 'mediation.failure.route.required'),
    destination: text(60, 'mediation.failure.destination.required'),
    reason: optionalProse(500),
  })
  .strict();
export const confirmSchema = z.object({ confirmedOn: dateSchema, note: optionalProse(200) }).strict();
export const performanceSchema = z
  .object({ performance: z.enum(['performed', 'partly', 'not'], 'mediation.performance.required'), note: optionalProse(200) })
  .strict();
export const followUpSchema = z
  .object({ dueDays: z.number().int().min(1, 'mediation.followUp.days').max(180, 'mediation.followUp.days').optional() })
  .strict();
export const visitSchema = z.object({ visitedOn: dateSchema, note: prose(500, 'mediation.visit.note.required') }).strict();
export const closeSchema = z.object({ closedOn: dateSchema }).strict();
export const reopenSchema = z.object({ reopenedOn: dateSchema, reason: prose(500, 'mediation.reopen.reason.required') }).strict();

/** The texts of a case whose typed-in personal numbers a holder of `personal.reveal` may see in full (audited). */
export const CASE_TEXT_FIELDS = [
  'description',
  'referralNote',
  'agreementTerms',
  'confirmationNote',
  'performanceNote',
  'failureReason',
  'visitNote',
] as const;
export type CaseTextField = (typeof CASE_TEXT_FIELDS)[number];
export const caseTextRevealSchema = z.object({ field: z.enum(CASE_TEXT_FIELDS) }).strict();

export const partyDtoSchema = z.object({
  id: z.string(),
  kind: z.enum(PARTY_KINDS),
  role: z.enum(PARTY_ROLES),
  name: z.string(),
  /** masked */
  idNumber: z.string().nullable(),
  /** masked */
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type PartyDto = z.infer<typeof partyDtoSchema>;

export const sessionDtoSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  participants: proseDto,
  notes: proseDto,
  recordedBy: z.string(),
});
export type SessionDto = z.infer<typeof sessionDtoSchema>;

const caseStatus = z.enum(CASE_STATUSES);
const outcome = z.enum(OUTCOMES).nullable();

export const caseListItemDtoSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  region: placeRefSchema,
  caseType: z.enum(CASE_TYPES),
  source: z.enum(CASE_SOURCES),
  online: z.boolean(),
  summary: proseDto,
  partyNames: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  criminalRisk: z.boolean(),
  status: caseStatus,
  registeredOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  outcome,
});
export type CaseListItemDto = z.infer<typeof caseListItemDtoSchema>;

/** A page of cases, and what the viewer may do with the list: register a case, export the ledger. */
export const caseListDtoSchema = pageSchema(caseListItemDtoSchema).extend({
  abilities: z.object({ create: z.boolean(), export: z.boolean() }),
});
export type CaseListDto = z.infer<typeof caseListDtoSchema>;

/** The recordings a case may take (case-workflow.ts RECORDINGS), as a list for the response schema. */
export const RECORDING_NAMES = ['session', 'confirm', 'performance', 'visit', 'reopen'] as const satisfies readonly Recording[];

const caseLink = z.object({ id: z.string(), caseNo: z.string() }).nullable();
const namedRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const caseDtoSchema = caseListItemDtoSchema.extend({
  committee: namedRef,
  mediator: namedRef,
  referrer: z.enum(REFERRERS).nullable(),
  referralNote: proseDto.nullable(),
  description: proseDto,
  amountFen: z.number().nullable(),
  peopleCount: z.number(),
  riskReasons: z.array(z.enum(RISK_REASONS)),
  concludedOn: z.string().nullable(),
  agreement: z
    .object({
      agreedOn: z.string(),
      terms: proseDto,
      performanceDeadline: z.string().nullable(),
      confirmedOn: z.string().nullable(),
      confirmationNote: proseDto.nullable(),
    })
    .nullable(),
  performance: z.enum(PERFORMANCES).nullable(),
  performanceNote: proseDto.nullable(),
  failure: z
    .object({ failedOn: z.string(), route: z.enum(FAILURE_ROUTES), destination: z.string(), reason: proseDto.nullable() })
    .nullable(),
  followUp: z.object({ dueOn: z.string().nullable(), visitedOn: z.string().nullable(), note: proseDto.nullable() }),
  closedOn: z.string().nullable(),
  reopenedFrom: caseLink,
  reopenedAs: caseLink,
  parties: z.array(partyDtoSchema),
  sessions: z.array(sessionDtoSchema),
  /**
   * 反复纠纷: for each party with an ID number, the other cases (within the viewer's region) in which the
   * same person is a party, newest first (at most 5 listed; `total` counts up to 200). A hint for the risk.
   */
  partyHistory: z.array(
    z.object({
      partyId: z.string(),
      name: z.string(),
      total: z.number(),
      cases: z.array(z.object({ id: z.string(), caseNo: z.string(), registeredOn: z.string(), status: caseStatus })),
    }),
  ),
  /** 案件附件: the signed agreement, photos, evidence (JPG, PNG, PDF); files are fetched by id. */
  attachments: z.array(attachmentDtoSchema),
  version: z.number(),
  /** What the viewer may do now: the actions the state allows and their role permits. */
  abilities: z.object({
    handle: z.boolean(),
    reveal: z.boolean(),
    editParties: z.boolean(),
    actions: z.array(z.enum(CASE_ACTIONS)),
    record: z.array(z.enum(RECORDING_NAMES)),
    aid: z.boolean(),
  }),
});
export type CaseDto = z.infer<typeof caseDtoSchema>;

/** A registered case's id and its number (受理登记的案号). */
export const caseRegisteredSchema = z.object({ id: z.string(), caseNo: z.string() });
export type CaseRegisteredDto = z.infer<typeof caseRegisteredSchema>;

/** A villager's view of their own application (no one else's data). */
export const myApplicationDtoSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  caseType: z.enum(CASE_TYPES),
  summary: proseDto,
  status: caseStatus,
  registeredOn: z.string(),
  outcome,
});
export type MyApplicationDto = z.infer<typeof myApplicationDtoSchema>;

/** A villager's applications, newest first (at most 50). */
export const myApplicationsDtoSchema = z.object({ items: z.array(myApplicationDtoSchema) });
export type MyApplicationsDto = z.infer<typeof myApplicationsDtoSchema>;
