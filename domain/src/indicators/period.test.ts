import { describe, expect, it } from 'vitest';
import { dueDateOf, isPeriod, periodOf, periodRange, shiftPeriod, trailingPeriods } from './period.ts';

describe('quarterly periods', () => {
  it('maps dates to quarters and back', () => {
    expect(periodOf('2026-01-01')).toBe('2026-Q1');
    expect(periodOf('2026-03-31')).toBe('2026-Q1');
    expect(periodOf('2026-04-01')).toBe('2026-Q2');
    expect(periodOf('2026-12-31')).toBe('2026-Q4');
    expect(periodRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
  it('shifts across years and lists a trend oldest first', () => {
    expect(shiftPeriod('2026-Q1', 1)).toBe('2025-Q4');
    expect(shiftPeriod('2025-Q4', -1)).toBe('2026-Q1');
    expect(trailingPeriods('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });
  it('sets the due date on the 15th of the month after the quarter', () => {
    expect(dueDateOf('2026-Q1')).toBe('2026-04-15');
    expect(dueDateOf('2026-Q4')).toBe('2027-01-15');
  });
  it('accepts only YYYY-Qn', () => {
    expect(isPeriod('2026-Q2')).toBe(true);
    expect(isPeriod('2026-Q5')).toBe(false);
    expect(isPeriod('2026-06')).toBe(false);
  });
});
