/**
 * Tables of the `programs` module (storage conventions in core/db/schema.ts: ISO text timestamps,
 * 0/1 booleans, UUID text ids). Lists kept inside a row (content areas, conditions, answers, plan
 * sections) are JSON text: they are read and written whole with their row, never queried by part.
 */
import type { OrganiserLevel, ReviewLevel, UnitLevel } from '@rg/domain/programs/catalog';
import type { ApplicationStatus, ReviewDecision } from '@rg/domain/programs/application.schema';
import type { CaseStatus } from '@rg/domain/programs/case.schema';
import type { DesignationStatus } from '@rg/domain/programs/designation.schema';
import type { TaskStatus } from '@rg/domain/programs/organization.schema';
import type { EvaluationKind, ReportStatus } from '@rg/domain/programs/evaluation.schema';
import type { MilestoneKind, ProgramStatus, QuotaLevel } from '@rg/domain/programs/program.schema';
import type { KindedAttachmentTable } from '../../core/files/attachments.ts';

/** 试点示范项目 */
export interface ProgramTable {
  id: string;
  organiser_region: string;
  organiser_level: OrganiserLevel;
  name: string;
  batch: string;
  /** 项目说明, plain text (migration 026); null when none was given. */
  description: string | null;
  unit_level: UnitLevel;
  honour_title: string;
  /** JSON ContentArea[] */
  content_areas: string;
  /** JSON ProgramCondition[] */
  conditions: string;
  /** JSON RequiredAttachment[] */
  required_attachments: string;
  /** JSON ReviewLevel[], bottom-up */
  review_chain: string;
  quota_level: QuotaLevel | null;
  cycle_start: string;
  cycle_end: string;
  /** `active` or `withdrawn` (撤销): a withdrawn programme takes no application and no change. */
  status: ProgramStatus;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  withdrawal_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 节点 (申报截止、年度评估、考核验收…) */
export interface ProgramMilestoneTable {
  id: string;
  program_id: string;
  name: string;
  kind: MilestoneKind;
  due_date: string;
  extended_to: string | null;
  extension_reason: string | null;
  closes_submission: number;
  sort: number;
}

/** 名额 per region at the programme's quota level. */
export interface ProgramQuotaTable {
  program_id: string;
  region_code: string;
  max_units: number;
  suggested: number | null;
}

/** 申报 */
export interface ProgramApplicationTable {
  id: string;
  program_id: string;
  unit_code: string;
  status: ApplicationStatus;
  /** Index into the programme's review chain while 审核中. */
  step: number;
  reviewer_region: string | null;
  /** The quota region that has counted this application (set when that level forwards it). */
  quota_region: string | null;
  /** JSON string[] of content area keys */
  content_areas: string;
  /** JSON { key, answer }[] */
  condition_answers: string;
  plan_version: number;
  submitted_at: string | null;
  /** Who submitted it last (four-eyes: never its reviewer); null while a draft. */
  submitted_by: string | null;
  decided_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 试点方案 versions: each submission freezes one; a revision after 退回 starts the next. */
export interface ProgramPlanVersionTable {
  application_id: string;
  version: number;
  /** JSON Record<PlanSection, sanitized html> */
  sections: string;
  created_at: string;
  submitted_at: string | null;
}

/** 审核记录 */
export interface ProgramReviewTable {
  id: string;
  application_id: string;
  step: number;
  level: ReviewLevel;
  reviewer_region: string;
  decision: ReviewDecision;
  comment: string;
  plan_version: number;
  actor_id: string;
  actor_name: string;
  at: string;
}

/** 命名 (示范村/镇/县) with 动态管理 status. */
export interface ProgramDesignationTable {
  id: string;
  program_id: string;
  application_id: string;
  unit_code: string;
  title: string;
  designated_on: string;
  valid_until: string;
  status: DesignationStatus;
  status_reason: string | null;
  updated_at: string;
}

export interface ProgramsTables {
  programs: ProgramTable;
  program_milestones: ProgramMilestoneTable;
  program_quotas: ProgramQuotaTable;
  program_applications: ProgramApplicationTable;
  program_plan_versions: ProgramPlanVersionTable;
  /** 申报附件 in the shared attachment shape (core/files), owner: the application, with its kind. */
  program_attachments: KindedAttachmentTable;
  program_reviews: ProgramReviewTable;
  program_designations: ProgramDesignationTable;
  program_groups: ProgramGroupTable;
  program_group_members: ProgramGroupMemberTable;
  program_agencies: ProgramAgencyTable;
  program_tasks: ProgramTaskTable;
  program_reports: ProgramReportTable;
  program_templates: ProgramTemplateTable;
  program_evaluations: ProgramEvaluationTable;
  program_cases: ProgramCaseTable;
  program_case_areas: ProgramCaseAreaTable;
}

/** 领导小组 of a region (or of one programme there), with its office (办公室) and director. */
export interface ProgramGroupTable {
  id: string;
  region_code: string;
  program_id: string | null;
  name: string;
  office_name: string;
  office_director: string;
  created_at: string;
  updated_at: string;
}

/** 组长 / 副组长 / 成员 — officials named by post, not personal data beyond the name. */
export interface ProgramGroupMemberTable {
  id: string;
  group_id: string;
  person_name: string;
  position: string;
  role: string;
  sort: number;
}

/** 成员单位 with role 牵头单位 / 常务单位 / 成员单位 and duties. */
export interface ProgramAgencyTable {
  id: string;
  group_id: string;
  name: string;
  role: string;
  duties: string;
}

/** 任务 assigned to an agency or a person, with a deadline and status. */
export interface ProgramTaskTable {
  id: string;
  group_id: string;
  title: string;
  description: string;
  agency_id: string | null;
  assignee_name: string | null;
  due_date: string;
  status: TaskStatus;
  done_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 年度总结 of a designated unit, reviewed by the programme's first review level. */
export interface ProgramReportTable {
  id: string;
  designation_id: string;
  unit_code: string;
  year: number;
  /** sanitized HTML */
  content: string;
  status: ReportStatus;
  reviewer_region: string;
  review_comment: string | null;
  submitted_at: string;
  /** Who sent it last (four-eyes: never its reviewer); null for reports sent before it was kept. */
  submitted_by: string | null;
  reviewed_at: string | null;
  version: number;
}

/** 评分模板 of a programme: criteria with weights and the pass mark. */
export interface ProgramTemplateTable {
  program_id: string;
  /** JSON { key, name, weight }[] */
  criteria: string;
  pass_mark: number;
  updated_at: string;
}

/** 绩效评价 / 考核验收 of a designated unit by an inspector team. */
export interface ProgramEvaluationTable {
  id: string;
  designation_id: string;
  program_id: string;
  unit_code: string;
  kind: EvaluationKind;
  /** JSON { key, name, weight, score, evidence }[] */
  scores: string;
  /** Weighted score × 10 (one decimal kept as an integer). */
  total_x10: number;
  pass_mark: number;
  passed: number;
  honour_title: string | null;
  evaluator_id: string;
  evaluator_name: string;
  evaluated_on: string;
  created_at: string;
}

/** 典型案例: a unit's write-up, reviewed and published for others to learn from. */
export interface ProgramCaseTable {
  id: string;
  unit_code: string;
  program_id: string | null;
  title: string;
  summary: string;
  /** sanitized HTML */
  body: string;
  status: CaseStatus;
  review_comment: string | null;
  published_on: string | null;
  created_by: string;
  /** Who submitted or resubmitted it last (four-eyes: never its reviewer). */
  submitted_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The content areas of a case, one row each so a search by area uses an index. */
export interface ProgramCaseAreaTable {
  case_id: string;
  area_key: string;
}

// The module's tables join the one `Database` type by declaration merging: core/ imports no module.
declare module '../../core/db/schema.ts' {
  interface Database extends ProgramsTables {}
}
