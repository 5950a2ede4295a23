import { AID_RESULT_LABELS, AID_STATUS_LABELS, ASSIGNEE_KIND_LABELS } from '@rg/domain/mediation/aid.schema';
import { CASE_SOURCE_LABELS, CASE_TYPE_LABELS, FAILURE_ROUTE_LABELS, REFERRER_LABELS, RISK_LEVEL_LABELS, RISK_REASON_LABELS } from '@rg/domain/mediation/case.schema';
import { CASE_STATUS_LABELS, PERFORMANCE_LABELS } from '@rg/domain/mediation/case-workflow';
import { COMMITTEE_LEVEL_LABELS } from '@rg/domain/mediation/committee.schema';

/** Select options from the domain's Chinese names of each code list (one source for server and console). */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

export const LABELS = {
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

export const STATUS_COLORS: Record<string, string> = {
  registered: 'blue', mediating: 'processing', agreed: 'green', failed: 'orange', follow_up: 'cyan', closed: 'default',
};
export const RISK_COLORS: Record<string, string> = { low: 'default', medium: 'gold', high: 'red' };

export function formatYuan(fen: number | null): string {
  if (fen === null) return '—';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** Today as YYYY-MM-DD in the browser's zone (the console runs in China). */
export function todayText(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
