import crypto from 'node:crypto';
import type { Keys } from './keys.ts';

/**
 * Personal data at rest: AES-256-GCM with a random nonce (`v1.<nonce>.<tag>.<ciphertext>`, base64url),
 * and a keyed hash (HMAC-SHA-256) so an exact value can be looked up without decrypting every row.
 */
export interface PersonalDataCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  lookupHash(plain: string): string;
}

const NONCE_BYTES = 12;
/** Nonces come from one CSPRNG draw per 256 of them: each draw has a fixed cost that 12 bytes do not repay. */
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;

function freshNonce(): Buffer {
  if (nonceOffset === noncePool.length) {
    crypto.randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const nonce = Buffer.from(noncePool.subarray(nonceOffset, nonceOffset + NONCE_BYTES));
  nonceOffset += NONCE_BYTES;
  return nonce;
}

export function personalDataCipher(keys: Pick<Keys, 'encryption' | 'lookup'>): PersonalDataCipher {
  // Key objects made once: each cipher and HMAC would otherwise import the raw key again (about 20% of their cost).
  const encryption = crypto.createSecretKey(keys.encryption);
  const lookup = crypto.createSecretKey(keys.lookup);
  return {
    encrypt(plain) {
      const nonce = freshNonce();
      const cipher = crypto.createCipheriv('aes-256-gcm', encryption, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt(stored) {
      const [version, nonce, tag, body] = stored.split('.');
      if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('unknown ciphertext format');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encryption, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return crypto.createHmac('sha256', lookup).update(plain).digest('hex');
    },
  };
}
