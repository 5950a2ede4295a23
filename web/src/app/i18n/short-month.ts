import type { Language } from './translate.ts';

/** The month of a `YYYY-MM` period as people read it on a chart or a button: 3月 in Chinese, Mar in English. */
export function shortMonth(language: Language, period: string): string {
  const [year = 1970, month = 1] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}
