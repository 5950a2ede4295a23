import { describe, expect, it } from 'vitest';
import { autoScore, finalScore, FIVE_ASPECTS_TEMPLATE, gradeOf, rankByScore } from './assessment.ts';

const item = (code: string) => {
  const found = FIVE_ASPECTS_TEMPLATE.items.find((i) => i.code === code);
  if (!found) throw new Error(code);
  return found;
};

describe('P1.5(3) five-aspect assessment', () => {
  it('has the five aspects weighing 100 in all', () => {
    expect(FIVE_ASPECTS_TEMPLATE.items.map((i) => i.name)).toEqual(['措施到位', '责任到位', '人员到位', '服务到位', '保障到位']);
    expect(FIVE_ASPECTS_TEMPLATE.items.reduce((a, i) => a + i.maxScore, 0)).toBe(100);
  });
  it('fills an indicator item as max × value ÷ target, capped at the max', () => {
    expect(autoScore(item('personnel'), 80)).toBe(20);
    expect(autoScore(item('personnel'), 100)).toBe(25);
    expect(autoScore(item('personnel'), 66.666)).toBe(16.67);
    expect(autoScore(item('personnel'), null)).toBe(0);
    expect(autoScore(item('measures'), 100)).toBe(0);
  });
  it('sums the items to a final score and grades it', () => {
    const scores = new Map([
      ['measures', 18],
      ['responsibility', 17.5],
      ['personnel', 25],
      ['service', 16],
      ['guarantee', 13],
    ]);
    expect(finalScore(FIVE_ASPECTS_TEMPLATE, scores)).toBe(89.5);
    expect(gradeOf(FIVE_ASPECTS_TEMPLATE, 89.5)).toBe('good');
    expect(gradeOf(FIVE_ASPECTS_TEMPLATE, 90)).toBe('excellent');
    expect(gradeOf(FIVE_ASPECTS_TEMPLATE, 59.99)).toBe('fail');
    expect(finalScore(FIVE_ASPECTS_TEMPLATE, new Map([['measures', 12]]))).toBe(12);
  });
  it('ranks ties equally (1, 2, 2, 4)', () => {
    const ranked = rankByScore([
      { id: 'a', score: 70 },
      { id: 'b', score: 90 },
      { id: 'c', score: 80 },
      { id: 'd', score: 80 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
  });
});
