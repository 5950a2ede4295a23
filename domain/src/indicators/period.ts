/**
 * 考核期: indicators are reported and rolled up per calendar quarter, written `2026-Q2` (text that
 * sorts in time order). A reported form for a quarter is due on the 15th of the month after it.
 */
export type Period = `${number}-Q${1 | 2 | 3 | 4}`;

export const PERIOD_PATTERN = /^(\d{4})-Q([1-4])$/;

export function isPeriod(value: string): value is Period {
  return PERIOD_PATTERN.test(value);
}

/** The quarter a business date (YYYY-MM-DD) falls in. */
export function periodOf(date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}-Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`;
}

function parts(period: string): { year: number; quarter: number } {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  return { year: Number(match[1]), quarter: Number(match[2]) };
}

/** The quarter `n` quarters before `period` (n may be negative). */
export function shiftPeriod(period: string, n: number): Period {
  const { year, quarter } = parts(period);
  const index = year * 4 + (quarter - 1) - n;
  return `${Math.floor(index / 4)}-Q${((index % 4) + 1) as 1 | 2 | 3 | 4}`;
}

/** The last `count` quarters ending with `period`, oldest first (the scorecard's trend). */
export function trailingPeriods(period: string, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(period, count - 1 - i));
}

/** Due date of a quarter's report: the 15th of the month after the quarter (YYYY-MM-DD). */
export function dueDateOf(period: string): string {
  const { year, quarter } = parts(period);
  const month = quarter * 3 + 1;
  return month > 12 ? `${year + 1}-01-15` : `${year}-${String(month).padStart(2, '0')}-15`;
}

/** First and last day of a quarter. */
export function periodRange(period: string): { from: string; to: string } {
  const { year, quarter } = parts(period);
  const first = (quarter - 1) * 3 + 1;
  const lastMonth = first + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}
