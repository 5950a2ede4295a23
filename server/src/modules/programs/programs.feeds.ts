import type { IndicatorFeeds } from '../../core/module.ts';

/** 示范（试点）单位数 (P3.2): a designation adds one, its revocation takes it away again. */
export const programsFeeds: IndicatorFeeds = {
  'programs.designated': () => [{ indicatorCode: 'programs.designated', num: 1, den: 0 }],
  'programs.revoked': () => [{ indicatorCode: 'programs.designated', num: -1, den: 0 }],
};
