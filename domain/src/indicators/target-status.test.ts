import { describe, expect, it } from 'vitest';
import { targetStatus, valueOf } from './target-status.ts';

describe('target status (达标 / 接近 / 落后)', () => {
  it('computes shares as percent and counts as numbers', () => {
    expect(valueOf('percent', 4, 5)).toBe(80);
    expect(valueOf('percent', 0, 0)).toBeNull();
    expect(valueOf('count', 7, 0)).toBe(7);
  });
  it('≥80 %: 80 met, 76 close, 74.9 behind, nothing reported behind', () => {
    expect(targetStatus('percent', 'gte', 80, valueOf('percent', 4, 5))).toBe('met');
    expect(targetStatus('percent', 'gte', 80, 76)).toBe('close');
    expect(targetStatus('percent', 'gte', 80, 74.9)).toBe('behind');
    expect(targetStatus('percent', 'gte', 80, null)).toBe('behind');
  });
  it('does not miss a target through floating division', () => {
    expect(targetStatus('percent', 'gte', 97, valueOf('percent', 97, 100))).toBe('met');
    expect(targetStatus('percent', 'gte', 100, valueOf('percent', 3, 3))).toBe('met');
  });
  it('≤ and = targets; counts are close within 10 %', () => {
    expect(targetStatus('count', 'lte', 5, 5)).toBe('met');
    expect(targetStatus('count', 'lte', 5, 6)).toBe('close');
    expect(targetStatus('count', 'lte', 5, 8)).toBe('behind');
    expect(targetStatus('count', 'gte', 100, 91)).toBe('close');
    expect(targetStatus('count', 'gte', 100, 89)).toBe('behind');
    expect(targetStatus('percent', 'eq', 100, 100)).toBe('met');
    expect(targetStatus('percent', 'eq', 100, 96)).toBe('close');
  });
});
