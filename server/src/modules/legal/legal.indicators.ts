import { periodOf, shiftPeriod } from '@rg/domain/indicators/period';
import { can } from '../../core/access/authorize.ts';
import type { ComputedIndicator } from '../../core/module.ts';
import { LegalCoverage } from './legal.coverage.ts';

/**
 * 贫困村法律顾问配备率 (P1.4(2): every poor village with a legal advisor by the end of the year),
 * registered with the indicator catalogue. Coverage is a current state (assignments are counted as
 * they stand today), so it answers only for the current quarter and the one just finished (the
 * quarter being reported and assessed now); older quarters have no stored history to show.
 */
export const legalIndicators: readonly ComputedIndicator[] = [
  {
    code: 'legal.poor_village_coverage',
    name: '贫困村法律顾问配备率',
    definition: '有在岗法律顾问的贫困村数 / 贫困村数（按当前驻村安排统计）',
    unit: 'percent',
    clause: 'P1.4(2)',
    widestLevel: 'county',
    async compute(ctx, rc, regionCode, period) {
      if (!rc.actor || !can(rc.actor, 'legal.read', { regionCode })) return null;
      const current = periodOf(ctx.clock.now().toISOString().slice(0, 10));
      if (period !== current && period !== shiftPeriod(current, 1)) return null;
      const coverage = await new LegalCoverage(ctx).coverage(rc, regionCode);
      return { num: coverage.poor.covered, den: coverage.poor.villages };
    },
  },
];
