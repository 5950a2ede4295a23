import { z } from 'zod';
import { isValidIdCard } from '../personal/id-card.ts';
import { isValidMobile, normalizeMobile } from '../personal/phone.ts';
import { regionCodeSchema } from '../regions/region.schema.ts';
import { dateSchema, optionalProse, optionalText, pageFields, pageSchema, placeRefSchema, prose, proseDto, text } from './common.schema.ts';

/**
 * 法律援助 (P1.4(4)「积极为经济困难群众提供法律援助」): application → 审查 approved | rejected →
 * 指派 assigned (lawyer or legal worker) → 结案 closed.
 */
export const AID_STATUSES = ['applied', 'approved', 'rejected', 'assigned', 'closed'] as const;
export type AidStatus = (typeof AID_STATUSES)[number];
export const AID_STATUS_LABELS: Record<AidStatus, string> = {
  applied: '待审查',
  approved: '已批准',
  rejected: '不予援助',
  assigned: '已指派',
  closed: '已结案',
};
export const ASSIGNEE_KINDS = ['lawyer', 'legal_worker'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];
export const ASSIGNEE_KIND_LABELS: Record<AssigneeKind, string> = { lawyer: '律师', legal_worker: '基层法律服务工作者' };
export const AID_RESULTS = ['won', 'settled', 'lost', 'withdrawn'] as const;
export type AidResult = (typeof AID_RESULTS)[number];
export const AID_RESULT_LABELS: Record<AidResult, string> = {
  won: '胜诉/支持',
  settled: '调解和解',
  lost: '败诉/未支持',
  withdrawn: '撤回/终止',
};

/** Which steps each status allows (a step from elsewhere answers 409). */
export const AID_STEPS = {
  review: ['applied'],
  assign: ['approved'],
  close: ['assigned'],
} as const satisfies Record<string, readonly AidStatus[]>;
export type AidStep = keyof typeof AID_STEPS;
export const AID_STEP_NAMES = ['review', 'assign', 'close'] as const satisfies readonly AidStep[];

const hardship = z.array(prose(40)).min(1, 'mediation.aid.hardship.required').max(10);

/** An application typed in by a legal-aid worker for a person in hardship. */
export const aidCreateSchema = z.union([
  z
    .object({
      regionCode: regionCodeSchema,
      applicantName: text(30, 'mediation.aid.applicant.required'),
      idNumber: z.string().trim().toUpperCase().refine(isValidIdCard, { message: 'personal.idCard.invalid' }),
      phone: z.string().trim().transform(normalizeMobile).refine(isValidMobile, { message: 'personal.mobile.invalid' }),
      address: optionalText(100),
      matter: text(60, 'mediation.aid.matter.required'),
      facts: prose(2000, 'mediation.aid.facts.required'),
      hardship,
      appliedOn: dateSchema,
    })
    .strict(),
  /** 调解不成转法律援助: parties and facts come from the case, no personal data travels. */
  z
    .object({
      caseId: z.uuid(),
      partyId: z.uuid('mediation.aid.party.required'),
      hardship,
      appliedOn: dateSchema,
      matter: text(60, 'mediation.aid.matter.required'),
    })
    .strict(),
]);
export type AidCreate = z.infer<typeof aidCreateSchema>;

export const aidReviewSchema = z
  .object({ approve: z.boolean(), reason: prose(500, 'mediation.aid.reason.required'), reviewedOn: dateSchema })
  .strict();
export const aidAssignSchema = z
  .object({
    assigneeName: text(30, 'mediation.aid.assignee.required'),
    assigneeKind: z.enum(ASSIGNEE_KINDS, 'mediation.aid.assigneeKind.required'),
    assignedOn: dateSchema,
  })
  .strict();
export const aidCloseSchema = z
  .object({ result: z.enum(AID_RESULTS, 'mediation.aid.result.required'), resultNote: optionalProse(500), closedOn: dateSchema })
  .strict();

export const aidListQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  status: z.enum(AID_STATUSES).optional(),
  ...pageFields,
});
export type AidListQuery = z.infer<typeof aidListQuerySchema>;

export const aidDtoSchema = z.object({
  id: z.string(),
  region: placeRefSchema,
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  applicantName: z.string(),
  /** masked */
  idNumber: z.string(),
  /** masked */
  phone: z.string(),
  address: z.string().nullable(),
  matter: z.string(),
  facts: proseDto,
  hardship: z.array(proseDto),
  status: z.enum(AID_STATUSES),
  appliedOn: z.string(),
  review: z.object({ approved: z.boolean(), reason: proseDto, reviewedOn: z.string() }).nullable(),
  assignment: z.object({ name: z.string(), kind: z.enum(ASSIGNEE_KINDS), assignedOn: z.string() }).nullable(),
  result: z.object({ result: z.enum(AID_RESULTS), note: proseDto.nullable(), closedOn: z.string() }).nullable(),
  version: z.number(),
  abilities: z.object({ manage: z.boolean(), reveal: z.boolean(), decision: z.boolean(), steps: z.array(z.enum(AID_STEP_NAMES)) }),
});
export type AidDto = z.infer<typeof aidDtoSchema>;

export const aidListDtoSchema = pageSchema(aidDtoSchema).extend({ abilities: z.object({ create: z.boolean() }) });
export type AidListDto = z.infer<typeof aidListDtoSchema>;
