import { describe, expect, it } from 'vitest';
import { CONTENT_AREAS, defaultHonourTitle, isAbove, PLAN_SECTION_LABELS, PLAN_SECTIONS } from './catalog.ts';

describe('programs catalogue', () => {
  it('holds the eight content areas of P2.2 and the six plan sections of P2.3(4)', () => {
    expect(CONTENT_AREAS).toHaveLength(8);
    expect(new Set(CONTENT_AREAS.map((a) => a.key)).size).toBe(8);
    expect(PLAN_SECTIONS.map((s) => PLAN_SECTION_LABELS[s])).toEqual([
      '试点背景',
      '试点思路',
      '试点内容',
      '方法步骤',
      '预期效果',
      '保障措施',
    ]);
  });

  it.each([
    ['nation', 'village', '全国乡村治理示范村'],
    ['province', 'town', '省级乡村治理示范镇'],
    ['county', 'village', '县级乡村治理示范村'],
  ] as const)('names a %s programme for %s units %s', (organiser, unit, title) => {
    expect(defaultHonourTitle(organiser, unit)).toBe(title);
  });

  it.each([
    ['province', 'county', true],
    ['county', 'county', false],
    ['town', 'county', false],
    ['nation', 'town', true],
  ] as const)('%s above %s: %s', (upper, lower, expected) => {
    expect(isAbove(upper, lower)).toBe(expected);
  });
});
