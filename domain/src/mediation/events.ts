import { z } from 'zod';
import { CASE_SOURCES, CASE_TYPES, RISK_LEVELS } from './case.schema.ts';

const caseFacts = { caseType: z.enum(CASE_TYPES), riskLevel: z.enum(RISK_LEVELS) };
/** 调解结果: an agreement (调解成功) or a failed mediation. */
const outcome = z.enum(['agreement', 'failed']);

/**
 * What the mediation module publishes (name → payload), owned here by the publisher; subscribers and
 * the indicator feeds read these types, never guess them.
 */
export const mediationEvents = {
  /** A dispute was registered (受理, P3.3(三)1); `occurredOn` is the registration day. */
  'mediation.case_registered': z.object({ ...caseFacts, source: z.enum(CASE_SOURCES), online: z.boolean(), criminalRisk: z.boolean() }),
  /** The mediation ended (调结) with an agreement or without one; `registeredOn` dates the case's cohort, as the statistics count it. */
  'mediation.case_concluded': z.object({ ...caseFacts, outcome, overdue: z.boolean(), registeredOn: z.iso.date() }),
  /** The case was closed after its follow-up (结案); `outcome` is the conclusion's (none for a case closed unconcluded). */
  'mediation.case_closed': z.object({ ...caseFacts, outcome: outcome.nullable() }),
  /** A village filed its monthly 矛盾纠纷排查 report (a nil report has no disputes). */
  'mediation.screening_submitted': z.object({
    period: z.string(),
    nil: z.boolean(),
    disputes: z.number().int().min(0),
    onTime: z.boolean(),
  }),
  /** Legal aid was applied for, from a case or directly. */
  'mediation.aid_applied': z.object({ fromCase: z.boolean() }),
} as const;
