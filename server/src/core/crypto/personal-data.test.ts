import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personalDataCipher } from './personal-data.ts';

describe('personal data at rest (AES-256-GCM)', () => {
  const cipher = personalDataCipher({ encryption: crypto.randomBytes(32), lookup: crypto.randomBytes(32) });

  it('never repeats a nonce, across refills of the nonce pool', () => {
    const nonces = Array.from({ length: 1000 }, () => cipher.encrypt('610423198001010013').split('.')[1]);
    expect(new Set(nonces).size).toBe(1000);
  });

  it('reads back what it wrote, and refuses a tampered ciphertext', () => {
    const stored = cipher.encrypt('13912345678');
    expect(cipher.decrypt(stored)).toBe('13912345678');
    const [v, nonce, tag, body] = stored.split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt([v, nonce, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });
});
