import { describe, expect, it } from 'vitest';
import { ID_CARD_PATTERN, maskIdCard, maskMobile, maskName, MOBILE_PATTERN } from './masking.ts';

describe('masking (SECURITY.md 13)', () => {
  it('masks ID numbers as 6104**********1234', () => {
    expect(maskIdCard('610423199003071234')).toBe('6104**********1234');
    expect(maskIdCard('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdCard('1234567')).toBe('*******');
  });

  it('masks mobiles as 138****5678', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('13800138000')).toBe('138****8000');
    expect(maskMobile('123456')).toBe('******');
  });

  it('keeps only the surname of a name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('李');
  });

  it('leaves nothing the scan patterns would find', () => {
    expect(ID_CARD_PATTERN.test(maskIdCard('610423199003071234'))).toBe(false);
    expect(MOBILE_PATTERN.test(maskMobile('13812345678'))).toBe(false);
    expect(ID_CARD_PATTERN.test('身份证 610423199003071234')).toBe(true);
    expect(MOBILE_PATTERN.test('电话 13812345678')).toBe(true);
  });
});
