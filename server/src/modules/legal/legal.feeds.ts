import { periodOf } from '@rg/domain/indicators/period';
import type { IndicatorFeeds } from '../../core/module.ts';

/** 法律服务次数 (P1.4(3)): every recorded service counts once, in the quarter it was given. */
export const legalFeeds: IndicatorFeeds = {
  'legal.service_recorded': () => [{ indicatorCode: 'legal.services', num: 1, den: 0 }],
  // A corrected service date moves the count to its new quarter (within one quarter the two cancel).
  'legal.service_changed': (e) => [
    { indicatorCode: 'legal.services', num: -1, den: 0, period: periodOf(e.payload.previous.occurredOn) },
    { indicatorCode: 'legal.services', num: 1, den: 0 },
  ],
};
