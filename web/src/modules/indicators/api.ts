import type { RegionDto } from '@rg/domain/regions/region.schema';
import type {
  AllocationInput,
  CompletenessDto,
  IndicatorDto,
  LockDto,
  ReportDto,
  ReportFormDto,
  ReportPageDto,
  ReviewInput,
  RoundDto,
  RoundListDto,
  SafetyReport,
  ScorecardDto,
  ScoreInput,
  TargetDto,
  TargetCreate,
  RoundCreate,
} from '@rg/domain/indicators/indicators.schema';
import type { IndicatorUnit } from '@rg/domain/indicators/catalogue';
import { api, withQuery } from '../../app/api/api-client.ts';

export const indicatorsKeys = {
  all: ['indicators'] as const,
  scorecard: (regionCode: string | undefined, period: string) => ['indicators', 'scorecard', regionCode ?? '', period] as const,
  form: (unitCode: string, period: string) => ['indicators', 'form', unitCode, period] as const,
  reports: (period: string, status: string | undefined, page: number) => ['indicators', 'reports', period, status ?? '', page] as const,
  completeness: (period: string) => ['indicators', 'completeness', period] as const,
  targets: ['indicators', 'targets'] as const,
  catalogue: ['indicators', 'catalogue'] as const,
  rounds: ['indicators', 'rounds'] as const,
  children: (code: string) => ['indicators', 'children', code] as const,
  round: (id: string) => ['indicators', 'round', id] as const,
};

export const indicatorsApi = {
  catalogue: () => api.get<{ items: IndicatorDto[] }>('/api/indicators/catalogue'),
  targets: () => api.get<{ items: TargetDto[] }>('/api/indicators/targets'),
  scorecard: (regionCode: string | undefined, period: string) => api.get<ScorecardDto>('/api/indicators/scorecard', { regionCode, period }),
  form: (unitCode: string, period: string) => api.get<ReportFormDto>('/api/indicators/reports/form', { unitCode, period }),
  submit: (input: SafetyReport) => api.put<ReportDto>('/api/indicators/reports', input),
  reports: (period: string, status: string | undefined, page: number) =>
    api.get<ReportPageDto>('/api/indicators/reports', { period, status, page, pageSize: 20 }),
  review: (id: string, decision: ReviewInput['decision'], version: number, note?: string) =>
    api.post<ReportDto>(`/api/indicators/reports/${encodeURIComponent(id)}/review`, { decision, version, ...(note ? { note } : {}) }),
  completeness: (period: string) => api.get<CompletenessDto>('/api/indicators/completeness', { period }),
  lock: (regionCode: string, period: string) => api.post<LockDto>('/api/indicators/locks', { regionCode, period }),
  createTarget: (input: TargetCreate) => api.post<TargetDto>('/api/indicators/targets', input),
  children: (code: string) =>
    api.get<{ items: RegionDto[] }>(`/api/regions/${encodeURIComponent(code)}/children`, { page: 1, pageSize: 100 }),
  createRound: (input: RoundCreate) => api.post<RoundDto>('/api/indicators/rounds', input),
  rounds: () => api.get<RoundListDto>('/api/indicators/rounds'),
  round: (id: string) => api.get<RoundDto>(`/api/indicators/rounds/${encodeURIComponent(id)}`),
  score: (id: string, input: ScoreInput) => api.put<RoundDto>(`/api/indicators/rounds/${encodeURIComponent(id)}/scores`, input),
  autofill: (id: string) => api.post<RoundDto>(`/api/indicators/rounds/${encodeURIComponent(id)}/autofill`),
  allocate: (id: string, input: AllocationInput) =>
    api.post<RoundDto>(`/api/indicators/rounds/${encodeURIComponent(id)}/allocation`, input),
};

export const scorecardExportUrl = (regionCode: string | undefined, period: string) =>
  withQuery('/api/indicators/scorecard.xlsx', { regionCode, period });
export const allocationExportUrl = (id: string) => `/api/indicators/rounds/${encodeURIComponent(id)}/allocation.xlsx`;

/** The quarter a date falls in, and the last `count` quarters before it (newest first). */
export function currentPeriod(date = new Date()): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

export function recentPeriods(count: number, date = new Date()): string[] {
  const index = date.getFullYear() * 4 + Math.floor(date.getMonth() / 3);
  return Array.from({ length: count }, (_, i) => {
    const n = index - i;
    return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  });
}

/** The quarter whose form is due now: the one just finished. */
export function reportingPeriod(date = new Date()): string {
  return recentPeriods(2, date)[1] ?? currentPeriod(date);
}

export function formatValue(unit: IndicatorUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return unit === 'percent' ? `${(Math.round(value * 10) / 10).toFixed(1)}%` : String(value);
}
