import type { Clock } from '../../core/clock.ts';

/** Today's date in China (UTC+8): due dates are calendar days where the offices are. */
export function todayOf(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
