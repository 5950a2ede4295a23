import type { Comparison, IndicatorUnit } from './catalogue.ts';

/** 达标 / 接近 / 落后 against a target. */
export const TARGET_STATUSES = ['met', 'close', 'behind'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * How far from the target still counts as "close": 5 percentage points for shares, 10 % of the
 * target for counts (a county at 76 % against ≥80 % is close; at 60 % it is behind).
 */
export const CLOSE_MARGIN = { percent: 5, countShare: 0.1 } as const;

/**
 * The display value of an aggregate: percent → numerator/denominator × 100 (null with nothing
 * reported), count → the numerator.
 */
export function valueOf(unit: IndicatorUnit, num: number, den: number): number | null {
  if (unit === 'count') return num;
  return den > 0 ? (num / den) * 100 : null;
}

export function targetStatus(unit: IndicatorUnit, comparison: Comparison, target: number, value: number | null): TargetStatus {
  if (value === null) return 'behind';
  // Rounded to 1/100 so 79.999999 from floating division does not miss a target of 80.
  const v = Math.round(value * 100) / 100;
  const margin = unit === 'percent' ? CLOSE_MARGIN.percent : Math.max(1, Math.abs(target) * CLOSE_MARGIN.countShare);
  switch (comparison) {
    case 'gte':
      return v >= target ? 'met' : v >= target - margin ? 'close' : 'behind';
    case 'lte':
      return v <= target ? 'met' : v <= target + margin ? 'close' : 'behind';
    case 'eq':
      return v === target ? 'met' : Math.abs(v - target) <= margin ? 'close' : 'behind';
  }
}
