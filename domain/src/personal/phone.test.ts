import { describe, expect, it } from 'vitest';
import { isValidMobile, normalizeMobile } from './phone.ts';

describe('mobile numbers', () => {
  it('accepts mainland numbers 13–19 with or without +86, spaces and dashes', () => {
    expect(isValidMobile('13800138000')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
    expect(isValidMobile('+86 138-0013-8000')).toBe(true);
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
  });

  it('refuses other numbers', () => {
    for (const bad of ['12800138000', '1380013800', '138001380000', '23800138000', '1380013800a', '', '029-86251234']) {
      expect(isValidMobile(bad), bad).toBe(false);
    }
  });
});
