import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDayStart, chinaMinute, chinaMonth } from './china-time.ts';

describe("China's calendar (UTC+8)", () => {
  it("puts 16:30 UTC on New Year's Eve into the new year in China", () => {
    expect(chinaDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
    expect(chinaMonth(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01');
    expect(chinaMinute('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30');
  });
  it('starts a China day at 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-01-01')).toBe('2025-12-31T16:00:00.000Z');
  });
});
