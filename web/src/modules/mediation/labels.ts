import { useLabelLists } from '../../app/i18n/use-label-lists.ts';
import { MEDIATION_LABEL_LISTS, MEDIATION_LABEL_PREFIX } from './label-lists.ts';

/** Select options from a code list's names. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** The names of each mediation code list in the chosen language. */
export function useMediationLabels(): typeof MEDIATION_LABEL_LISTS {
  return useLabelLists(MEDIATION_LABEL_PREFIX, MEDIATION_LABEL_LISTS);
}

export const STATUS_COLORS: Record<string, string> = {
  registered: 'blue',
  mediating: 'processing',
  agreed: 'green',
  failed: 'orange',
  follow_up: 'cyan',
  closed: 'default',
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
