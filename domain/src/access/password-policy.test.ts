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

  it('refuses the guessable passwords of issue 15 finding 15 with the pattern or common message', () => {
    for (const weak of [
      'Qwerty123!',
      'Woaini@1314',
      'Abcd@1234',
      'Password1!',
      'Aa123456!',
      'Admin@123',
      'W0aini520!',
      'Huawei@123',
      'Iloveyou1!',
    ]) {
      expect(checkPassword(weak), weak).toEqual(['password.pattern']);
    }
    // A keyboard walk, a common password with a symbol inside, a repeat: zxcvbn's lists and graphs.
    for (const weak of ['1qaz@WSX', 'Zaq1@wsx', 'P@ssw0rd', 'Xx!Xx!Xx!Xx!']) {
      expect(checkPassword(weak), weak).toEqual(['password.common']);
    }
  });

  it('keeps passwords that are hard to guess: the demo and test passwords, a passphrase', () => {
    for (const good of [
      'Demo@2026pass',
      'Test#2026pass',
      'Cadre#2026ok',
      'Xab#2026pw',
      'Qj-cadre-7fx!',
      'Correct horse battery staple 9',
    ]) {
      expect(checkPassword(good), good).toEqual([]);
    }
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('P@ssw0rd')).toContain('password.common');
    expect(checkPassword('ADMIN@123')).toContain('password.pattern');
    expect(checkPassword('abc@1234')).toContain('password.pattern');
  });

  it('refuses a password containing the username', () => {
    expect(checkPassword('Wangqiao#2026', 'wangqiao')).toContain('password.containsUsername');
    expect(checkPassword('Xab#2026pw', 'ab')).toEqual([]);
  });
});
