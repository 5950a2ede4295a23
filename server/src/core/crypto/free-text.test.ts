import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskFreeText } from '@rg/domain/personal/free-text';
import { personalNumbersIn } from '../../testing/personal-numbers.ts';
import { personalDataCipher } from './personal-data.ts';
import { sealFreeText, unsealFreeText } from './free-text.ts';

const cipher = personalDataCipher({ encryption: crypto.randomBytes(32), lookup: crypto.randomBytes(32) });
const TEXT = '借款人身份证610423198001010038，旧证610423800101003，电话13912345678，已到场';

describe('sealing numbers typed into free text (SECURITY.md 30)', () => {
  it('stores no number in plain, opens back to the text, and shows only masks', () => {
    const sealed = sealFreeText(cipher, TEXT);
    expect(personalNumbersIn(sealed)).toEqual([]);
    expect(sealed).not.toContain('610423800101003');
    expect(unsealFreeText(cipher, sealed)).toBe(TEXT);
    expect(maskFreeText(sealed)).toBe('借款人身份证6104**********0038，旧证6104*******1003，电话139****5678，已到场');
  });

  it('seals deterministically (a retried body hashes alike) and leaves sealed tokens and plain prose alone', () => {
    const sealed = sealFreeText(cipher, TEXT);
    expect(sealFreeText(cipher, TEXT)).toBe(sealed);
    expect(sealFreeText(cipher, sealed)).toBe(sealed);
    expect(sealFreeText(cipher, `${sealed} 新号13800000000`)).toBe(`${sealed} 新号${sealFreeText(cipher, '13800000000')}`);
    const prose = '双方关系缓和';
    expect(sealFreeText(cipher, prose)).toBe(prose);
  });

  it('refuses an altered sealed number', () => {
    const sealed = sealFreeText(cipher, '13912345678');
    const altered = sealed.replace(/\|(.)/, (_m, c: string) => `|${c === 'A' ? 'B' : 'A'}`);
    expect(() => unsealFreeText(cipher, altered)).toThrow();
  });
});
