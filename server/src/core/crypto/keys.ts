import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Keys for personal data (SECURITY.md 14): one master key, kept outside the database and the
 * repository — from MASTER_KEY (base64, 32 bytes) or a key file created with mode 0600 on first
 * start — and sub-keys derived from it with HKDF, one per purpose.
 */
export interface Keys {
  encryption: Buffer;
  lookup: Buffer;
  audit: Buffer;
}

export function loadKeys(keyFile: string, env: NodeJS.ProcessEnv = process.env): Keys {
  return deriveKeys(readOrCreateMasterKey(keyFile, env.MASTER_KEY));
}

function readOrCreateMasterKey(keyFile: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) return decodeKey(fromEnv, 'MASTER_KEY');
  if (fs.existsSync(keyFile)) return decodeKey(fs.readFileSync(keyFile, 'utf8').trim(), keyFile);
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source} must hold 32 bytes in base64`);
  return key;
}

export function deriveKeys(master: Buffer): Keys {
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { encryption: derive('pii-encryption'), lookup: derive('pii-lookup'), audit: derive('audit-chain') };
}
