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
  /** A number typed into free text, sealed deterministically (the same number, the same token: see below). */
  sealNumber(plain: string): string;
  openNumber(sealed: string): string;
}

const SIV_BYTES = 16;

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
  // Numbers in free text (SECURITY.md 30) use a synthetic IV (SIV: the IV is a MAC of the number, which
  // also authenticates it): a request body sealed twice is the same bytes, so an idempotent retry hashes
  // alike, and the token stays short enough for the texts' columns. Equal numbers give equal tokens, which
  // the keyed lookup hash of the structured fields discloses already.
  const sivMac = crypto.createSecretKey(crypto.createHmac('sha256', keys.encryption).update('free-text-siv-mac').digest());
  const sivEnc = crypto.createSecretKey(crypto.createHmac('sha256', keys.encryption).update('free-text-siv-enc').digest());
  const siv = (plain: Buffer) => crypto.createHmac('sha256', sivMac).update(plain).digest().subarray(0, SIV_BYTES);
  const ctr = (iv: Buffer, data: Buffer) => {
    const c = crypto.createCipheriv('aes-256-ctr', sivEnc, iv);
    return Buffer.concat([c.update(data), c.final()]);
  };
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
    sealNumber(plain) {
      const data = Buffer.from(plain, 'utf8');
      const iv = siv(data);
      return Buffer.concat([iv, ctr(iv, data)]).toString('base64url');
    },
    openNumber(sealed) {
      const raw = Buffer.from(sealed, 'base64url');
      const iv = raw.subarray(0, SIV_BYTES);
      const plain = ctr(iv, raw.subarray(SIV_BYTES));
      if (iv.length !== SIV_BYTES || !crypto.timingSafeEqual(iv, siv(plain))) throw new Error('sealed number altered');
      return plain.toString('utf8');
    },
  };
}
