/** Tables of the `indicators` module (storage conventions in core/db/schema.ts). */

/** 目标: a target for an indicator in a region's subtree, optionally per programme. */
export interface IndicatorTargetTable {
  id: string;
  indicator_code: string;
  region_code: string;
  program_code: string | null;
  comparison: string;
  value: number;
  due_date: string;
  created_at: string;
}

/**
 * 汇总: one row per (region, indicator, period) holding the sums of everything below the region —
 * village, town, county, city, province and the nation ('00') each have their row — plus the
 * region's own contribution (`own_*`, what was recorded for the region itself), which is what moves
 * when the region is moved to another parent.
 */
export interface IndicatorRollupTable {
  region_code: string;
  indicator_code: string;
  period: string;
  num: number;
  den: number;
  own_num: number;
  own_den: number;
}

/** The chain of ancestors a unit's contributions were added to ('00,61,6104,610423,610423104'). */
export interface IndicatorUnitPathTable {
  unit_code: string;
  path: string;
}

/** A counted fact from another module's event (the raw record behind an event indicator). */
export interface IndicatorFactTable {
  indicator_code: string;
  unit_code: string;
  period: string;
  occurred_on: string;
  num: number;
  den: number;
}

/** 平安乡村季度报表: one per village and quarter (P3.3(三)2). */
export interface IndicatorReportTable {
  id: string;
  unit_code: string;
  period: string;
  status: string;
  six_none: number;
  households: number;
  safe_families: number;
  centre_standardized: number;
  police_on_committee: number;
  submitted_at: string;
  submitted_by: string;
  on_time: number;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_note: string | null;
  version: number;
}

/** 锁定: a region's period closed for entry (by the town or above). */
export interface IndicatorPeriodLockTable {
  region_code: string;
  period: string;
  locked_at: string;
  locked_by: string;
}

/** 考核轮次. */
export interface AssessmentRoundTable {
  id: string;
  template_code: string;
  name: string;
  region_code: string;
  period: string;
  starts_on: string;
  ends_on: string;
  /** JSON array of login names. */
  assessors: string;
  pool_fen: number | null;
  /** JSON allocation rule, once allocated. */
  allocation_rule: string | null;
  created_at: string;
  created_by: string;
}

export interface AssessmentUnitTable {
  round_id: string;
  unit_code: string;
  allocation_fen: number | null;
  calculation: string | null;
}

export interface AssessmentScoreTable {
  round_id: string;
  unit_code: string;
  item_code: string;
  score: number;
  auto: number;
  /** JSON array of evidence links. */
  evidence: string;
  note: string | null;
  scored_by: string;
  scored_at: string;
}

export interface IndicatorsTables {
  indicator_targets: IndicatorTargetTable;
  indicator_rollups: IndicatorRollupTable;
  indicator_unit_paths: IndicatorUnitPathTable;
  indicator_facts: IndicatorFactTable;
  indicator_reports: IndicatorReportTable;
  indicator_period_locks: IndicatorPeriodLockTable;
  assessment_rounds: AssessmentRoundTable;
  assessment_units: AssessmentUnitTable;
  assessment_scores: AssessmentScoreTable;
}

// The module's tables join the one `Database` type by declaration merging: core/ imports no module.
declare module '../../core/db/schema.ts' {
  interface Database extends IndicatorsTables {}
}
