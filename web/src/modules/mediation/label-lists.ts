import { AID_RESULT_LABELS, AID_STATUS_LABELS, ASSIGNEE_KIND_LABELS } from '@rg/domain/mediation/aid.schema';
import {
  CASE_SOURCE_LABELS,
  CASE_TYPE_LABELS,
  FAILURE_ROUTE_LABELS,
  REFERRER_LABELS,
  RISK_LEVEL_LABELS,
  RISK_REASON_LABELS,
} from '@rg/domain/mediation/case.schema';
import { CASE_STATUS_LABELS, PERFORMANCE_LABELS } from '@rg/domain/mediation/case-workflow';
import { COMMITTEE_LEVEL_LABELS } from '@rg/domain/mediation/committee.schema';

/** The mediation code lists the console shows, with the domain's Chinese names (keys `mediation.label.<list>.<code>`). */
export const MEDIATION_LABEL_LISTS = {
  caseType: CASE_TYPE_LABELS,
  source: CASE_SOURCE_LABELS,
  referrer: REFERRER_LABELS,
  risk: RISK_LEVEL_LABELS,
  reason: RISK_REASON_LABELS,
  status: CASE_STATUS_LABELS,
  performance: PERFORMANCE_LABELS,
  route: FAILURE_ROUTE_LABELS,
  committeeLevel: COMMITTEE_LEVEL_LABELS,
  aidStatus: AID_STATUS_LABELS,
  aidResult: AID_RESULT_LABELS,
  assignee: ASSIGNEE_KIND_LABELS,
};

export const MEDIATION_LABEL_PREFIX = 'mediation.label';
