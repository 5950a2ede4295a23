import type { AidResult, AidStatus, AssigneeKind } from '@rg/domain/mediation/aid.schema';
import type { CaseSource, CaseType, FailureRoute, Referrer, RiskLevel } from '@rg/domain/mediation/case.schema';
import type { CaseStatus, Outcome, Performance } from '@rg/domain/mediation/case-workflow';
import type { CommitteeStatus, MediatorStatus } from '@rg/domain/mediation/committee.schema';
import type { AttachmentTable } from '../../core/files/attachments.ts';
/** Tables of the `mediation` module (storage conventions in core/db/schema.ts). */

/** 人民调解委员会 */
export interface MediationCommitteeTable {
  id: string;
  region_code: string;
  level: string;
  name: string;
  field: string | null;
  established_on: string | null;
  status: CommitteeStatus;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 人民调解员; `region_code` and `committee_level` copy the committee's, for staffing counts. */
export interface MediationMediatorTable {
  id: string;
  committee_id: string;
  region_code: string;
  committee_level: string;
  name: string;
  gender: 'male' | 'female';
  phone_enc: string;
  phone_hash: string;
  id_number_enc: string | null;
  id_number_hash: string | null;
  employment: string;
  status: MediatorStatus;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 培训记录 */
export interface MediationTrainingTable {
  id: string;
  mediator_id: string;
  trained_on: string;
  title: string;
  /** tenths of an hour */
  hours_tenths: number;
  organiser: string | null;
  created_at: string;
}

/** 调解案件 */
export interface MediationCaseTable {
  id: string;
  case_no: string;
  region_code: string;
  committee_id: string | null;
  mediator_id: string | null;
  source: CaseSource;
  online: number;
  referrer: Referrer | null;
  referral_note: string | null;
  screening_id: string | null;
  case_type: CaseType;
  description: string;
  amount_fen: number | null;
  people_count: number;
  risk_level: RiskLevel;
  /** JSON array of reason keys */
  risk_reasons: string;
  criminal_risk: number;
  status: CaseStatus;
  registered_on: string;
  /** YYYY-MM of registration: the statistics period */
  month: string;
  due_on: string;
  concluded_on: string | null;
  outcome: Outcome | null;
  agreed_on: string | null;
  agreement_terms: string | null;
  performance_deadline: string | null;
  confirmed_on: string | null;
  confirmation_note: string | null;
  performance: Performance | null;
  performance_note: string | null;
  failed_on: string | null;
  failure_route: FailureRoute | null;
  failure_destination: string | null;
  failure_reason: string | null;
  follow_up_due: string | null;
  visited_on: string | null;
  visit_note: string | null;
  closed_on: string | null;
  reopened_from: string | null;
  reopened_as: string | null;
  session_count: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 当事人 */
export interface MediationPartyTable {
  id: string;
  case_id: string;
  seq: number;
  kind: string;
  role: string;
  name: string;
  id_number_enc: string | null;
  id_number_hash: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  address: string | null;
}

/** 调解记录 (each session) */
export interface MediationSessionTable {
  id: string;
  case_id: string;
  held_on: string;
  participants: string;
  notes: string;
  recorded_by: string;
  created_at: string;
}

/** Case numbers: one counter per committee region and year. */
export interface MediationCounterTable {
  key: string;
  n: number;
}

/**
 * Statistics kept fresh in the write transaction: one row per (region at each level from province
 * to village, registration month, case type), so a province's figures read ≤ a few thousand rows.
 */
export interface MediationStatTable {
  region_code: string;
  level: string;
  month: string;
  case_type: string;
  registered: number;
  success: number;
  failed: number;
  closed: number;
  performed: number;
  partly: number;
  not_performed: number;
  overdue_concluded: number;
  duration_days: number;
}

/** 矛盾纠纷排查 monthly report of a village. */
export interface MediationScreeningTable {
  id: string;
  village_code: string;
  period: string;
  nil: number;
  disputes: number;
  items: string;
  note: string | null;
  submitted_on: string;
  on_time: number;
  submitted_by: string;
  created_at: string;
}

/** 法律援助 */
export interface MediationAidTable {
  id: string;
  region_code: string;
  case_id: string | null;
  applicant_name: string;
  id_number_enc: string;
  id_number_hash: string;
  phone_enc: string;
  phone_hash: string;
  address: string | null;
  matter: string;
  facts: string;
  hardship: string;
  status: AidStatus;
  applied_on: string;
  approved: number | null;
  review_reason: string | null;
  reviewed_on: string | null;
  assignee_name: string | null;
  assignee_kind: AssigneeKind | null;
  assigned_on: string | null;
  result: AidResult | null;
  result_note: string | null;
  closed_on: string | null;
  /** The account that entered the application; it never reviews it (four-eyes). Null before it was kept. */
  submitted_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 调解工作设置 of a region (see domain settings.schema). */
export interface MediationSettingsTable {
  region_code: string;
  overdue_days: number;
  follow_up_days: number;
  aid_criteria: string;
  updated_at: string;
}

export interface MediationTables {
  mediation_committees: MediationCommitteeTable;
  mediation_mediators: MediationMediatorTable;
  mediation_trainings: MediationTrainingTable;
  mediation_cases: MediationCaseTable;
  mediation_parties: MediationPartyTable;
  mediation_sessions: MediationSessionTable;
  mediation_counters: MediationCounterTable;
  mediation_stats: MediationStatTable;
  mediation_screenings: MediationScreeningTable;
  mediation_aid: MediationAidTable;
  mediation_settings: MediationSettingsTable;
  /** 案件附件: the signed agreement, photos, evidence (owner: the case's id). */
  mediation_attachments: AttachmentTable;
}

// The module's tables join the one `Database` type by declaration merging: core/ imports no module.
declare module '../../core/db/schema.ts' {
  interface Database extends MediationTables {}
}
