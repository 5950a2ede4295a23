/**
 * China's calendar (UTC+8, no daylight saving): business dates, months and times are counted where
 * the offices are, while the database keeps UTC instants.
 */
const OFFSET_MS = 8 * 3_600_000;

/** 2026-11-03T09:30:00.000 for an instant (a Date or an ISO string), in China's time. */
function local(at: Date | string): string {
  return new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + OFFSET_MS).toISOString();
}

/** The calendar day in China: 2026-11-03. */
export function chinaDate(at: Date | string): string {
  return local(at).slice(0, 10);
}

/** The month in China: 2026-11. */
export function chinaMonth(at: Date | string): string {
  return local(at).slice(0, 7);
}

/** Date and time to the minute in China: 2026-11-03 09:30. */
export function chinaMinute(at: Date | string): string {
  return local(at).slice(0, 16).replace('T', ' ');
}

/** The UTC instant (ISO) at which a China calendar day (YYYY-MM-DD) begins. */
export function chinaDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
