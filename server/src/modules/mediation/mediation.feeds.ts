import { periodOf } from '@rg/domain/indicators/period';
import type { IndicatorFeeds } from '../../core/module.ts';

/**
 * 受理矛盾纠纷数 and 调解成功率 (P3.3(三)1), counted as the mediation statistics count them: by the
 * quarter of registration, success = concluded with an agreement, over all concluded cases — so the
 * scorecard and the statistics page show one figure.
 */
export const mediationFeeds: IndicatorFeeds = {
  'mediation.case_registered': () => [{ indicatorCode: 'mediation.cases', num: 1, den: 0 }],
  'mediation.case_concluded': (e) => [
    {
      indicatorCode: 'mediation.success_rate',
      num: e.payload.outcome === 'agreement' ? 1 : 0,
      den: 1,
      period: periodOf(e.payload.registeredOn),
    },
  ],
};
