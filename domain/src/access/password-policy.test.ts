import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

describe('password policy (SECURITY.md 2)', () => {
  it('accepts a strong password', () => {
    expect(checkPassword('Cadre#2026ok')).toEqual([]);
    expect(checkPassword('Cadre#2026ok', 'qj.cadre')).toEqual([]);
    expect(checkPassword('cadre#2026ok')).toEqual([]);
  });

  it('names each rule a weak password breaks', () => {
    expect(checkPassword('Ab1#')).toEqual(['password.tooShort']);
    expect(checkPassword('abc')).toEqual(['password.tooShort', 'password.classes']);
    expect(checkPassword('alllowercase')).toEqual(['password.classes']);
    expect(checkPassword('12345678901')).toEqual(['password.classes']);
    expect(checkPassword('Aa1!'.repeat(33))).toEqual(['password.tooLong']);
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('P@ssw0rd')).toContain('password.common');
    expect(checkPassword('ADMIN@123')).toContain('password.common');
    expect(checkPassword('Abc@1234')).toContain('password.common');
  });

  it('refuses a password containing the username', () => {
    expect(checkPassword('Wangqiao#2026', 'wangqiao')).toContain('password.containsUsername');
    expect(checkPassword('Xab#2026pw', 'ab')).toEqual([]);
  });
});
