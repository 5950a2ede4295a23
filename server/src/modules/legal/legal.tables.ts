import type { AttachmentTable } from '../../core/files/attachments.ts';
/** Tables of the `legal` module (storage conventions in core/db/schema.ts). */
import type { ServiceType, ServiceWindow } from '@rg/domain/legal/service.schema';

/** 法律顾问. */
export interface LegalAdvisorTable {
  id: string;
  /** The roster's region (usually the county justice bureau's). */
  region_code: string;
  name: string;
  gender: string;
  phone_enc: string;
  phone_hash: string;
  id_number_enc: string;
  id_number_hash: string;
  category: string;
  employer_name: string | null;
  employer_uscc: string | null;
  licence_no: string | null;
  contract_start: string | null;
  contract_end: string | null;
  contract_fee_fen: number | null;
  status: string;
  /** The advisor's own account (role legal_advisor), once linked. */
  user_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 驻村安排 (legal module); `end_date` null means current. */
export interface LegalAssignmentTable {
  id: string;
  advisor_id: string;
  village_code: string;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  created_at: string;
}

/** 服务台账 (一次一记, P1.4(3)). */
export interface LegalServiceTable {
  id: string;
  village_code: string;
  advisor_id: string;
  service_window: ServiceWindow;
  service_type: ServiceType;
  subject_kind: string;
  subject_name: string | null;
  served_at: string;
  content: string;
  result: string;
  duration_minutes: number;
  attendance: number | null;
  status: string;
  review_comment: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Every version of a ledger entry, the first included: `fields` is the JSON of what was recorded. */
export interface LegalServiceVersionTable {
  service_id: string;
  version: number;
  fields: string;
  edited_by: string;
  edited_at: string;
  reason: string | null;
}

/** Ledger counts per region (village and ancestors), month, window and type. */
export interface LegalServiceCountTable {
  region_code: string;
  month: string;
  service_window: string;
  service_type: string;
  count: number;
}

/** 服务规范: at least `min_count` services (of a window or type, or any) per village and period. */
export interface LegalNormTable {
  id: string;
  region_code: string;
  name: string;
  service_window: string | null;
  service_type: string | null;
  period: string;
  min_count: number;
  created_at: string;
}

/** 公共法律服务室 (实体窗口) of a village. */
export interface LegalRoomTable {
  village_code: string;
  place: string;
  hours: string;
  hotline: string;
  updated_at: string;
}

/** 网上咨询: a villager's question and the advisor's answer. */
export interface LegalConsultationTable {
  id: string;
  village_code: string;
  asked_by: string;
  question: string;
  asked_at: string;
  answer: string | null;
  answered_at: string | null;
  advisor_id: string | null;
  service_id: string | null;
}

/** A village designated by some programme (from the programmes module's events). */
export interface LegalPilotVillageTable {
  designation_id: string;
  village_code: string;
  title: string;
}

/** A village's services in a month: in all, by window (`w_…`) and by type (`t_…`). */
export type LegalVillageMonthTable = { month: string; village_code: string; total: number } & Record<
  `w_${ServiceWindow}` | `t_${ServiceType}`,
  number
>;

export interface LegalTables {
  legal_advisors: LegalAdvisorTable;
  legal_assignments: LegalAssignmentTable;
  legal_services: LegalServiceTable;
  legal_service_versions: LegalServiceVersionTable;
  /** Files kept as evidence: ledger attachments, villagers' pictures, contracts (owner: the record's id). */
  legal_attachments: AttachmentTable;
  legal_service_counts: LegalServiceCountTable;
  legal_norms: LegalNormTable;
  legal_rooms: LegalRoomTable;
  legal_consultations: LegalConsultationTable;
  legal_pilot_villages: LegalPilotVillageTable;
  legal_village_months: LegalVillageMonthTable;
}

// The module's tables join the one `Database` type by declaration merging: core/ imports no module.
declare module '../../core/db/schema.ts' {
  interface Database extends LegalTables {}
}
