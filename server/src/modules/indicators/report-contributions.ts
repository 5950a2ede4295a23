import { REPORTING_COUNTERS } from '@rg/domain/indicators/catalogue';
import type { IndicatorReportTable } from './indicators.tables.ts';
import type { Delta } from './rollup.engine.ts';

type ReportValues = Pick<
  IndicatorReportTable,
  'period' | 'status' | 'six_none' | 'households' | 'safe_families' | 'centre_standardized' | 'police_on_committee' | 'on_time'
>;

/**
 * What one village's quarterly form adds to the roll-up: each share indicator gets the village's
 * numerator and denominator, and the reporting counters count it once. A returned form adds nothing
 * (its figures are disputed until it is submitted again).
 */
export function contributionsOf(report: ReportValues | null | undefined): Delta[] {
  if (!report || report.status === 'returned') return [];
  const p = report.period;
  return [
    { indicatorCode: 'safety.six_none', period: p, num: report.six_none, den: 1 },
    { indicatorCode: 'safety.safe_families', period: p, num: report.safe_families, den: report.households },
    { indicatorCode: 'safety.centre_standardized', period: p, num: report.centre_standardized, den: 1 },
    { indicatorCode: 'safety.resident_police', period: p, num: report.police_on_committee, den: 1 },
    { indicatorCode: REPORTING_COUNTERS.submitted, period: p, num: 1, den: 0 },
    { indicatorCode: REPORTING_COUNTERS.onTime, period: p, num: report.on_time, den: 0 },
    { indicatorCode: REPORTING_COUNTERS.approved, period: p, num: report.status === 'approved' ? 1 : 0, den: 0 },
  ];
}

/** after − before, per indicator and period, leaving out what did not change. */
export function difference(after: readonly Delta[], before: readonly Delta[]): Delta[] {
  const sums = new Map<string, Delta>();
  const add = (d: Delta, sign: 1 | -1) => {
    const key = `${d.indicatorCode}|${d.period}`;
    const cur = sums.get(key) ?? { indicatorCode: d.indicatorCode, period: d.period, num: 0, den: 0 };
    sums.set(key, { ...cur, num: cur.num + sign * d.num, den: cur.den + sign * d.den });
  };
  for (const d of after) add(d, 1);
  for (const d of before) add(d, -1);
  return [...sums.values()].filter((d) => d.num !== 0 || d.den !== 0);
}
