import type { Clock } from '../../core/clock.ts';
import { chinaDate } from '@rg/domain/time/china-time';

/** Today's date in China (UTC+8): due dates are calendar days where the offices are. */
export function todayOf(clock: Clock): string {
  return chinaDate(clock.now());
}
