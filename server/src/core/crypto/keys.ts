import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { privateFolder } from '../private-files.ts';

/**
 * Keys for personal data (SECURITY.md 14): one master key, kept outside the database and the
 * repository — from MASTER_KEY (base64, 32 bytes) or a key file created with mode 0600 on the first
 * start of a new data folder — and sub-keys derived from it with HKDF, one per purpose.
 */
export interface Keys {
  encryption: Buffer;
  lookup: Buffer;
  audit: Buffer;
  /** Signs the audit anchors and backup manifests (SECURITY.md 31). */
  anchor: Buffer;
  /**
   * Names the master key without revealing it: an HKDF output of its own purpose, so neither the key
   * nor another sub-key can be computed from it. Stored beside backups (issue 15 finding 7).
   */
  fingerprint: string;
}

/** Where the master key was looked for, for messages that name it. */
export function keySource(keyFile: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.MASTER_KEY ? 'MASTER_KEY' : `the key file ${keyFile}`;
}

export class MissingKeyError extends Error {
  constructor(keyFile: string, advice = '') {
    super(`the master key is missing: MASTER_KEY is not set and there is no key file at ${keyFile}${advice}`);
  }
}

/**
 * Reads the master key and never creates one (issue 15 finding 7): a missing key for existing data
 * must be named, not replaced by a new key that makes the data look tampered with.
 */
export function loadKeys(keyFile: string, env: NodeJS.ProcessEnv = process.env): Keys {
  const master = readMasterKey(keyFile, env);
  if (!master) throw new MissingKeyError(keyFile);
  return deriveKeys(master);
}

/** The server's start: a new key only for a brand-new data folder (no database yet). */
export function loadOrCreateKeys(keyFile: string, newDataFolder: boolean, env: NodeJS.ProcessEnv = process.env): Keys {
  const master = readMasterKey(keyFile, env);
  if (master) return deriveKeys(master);
  if (!newDataFolder) {
    const advice =
      '. This data was written with a master key: put its key file back (or set MASTER_KEY); a new key is created only for a new data folder.';
    throw new MissingKeyError(keyFile, advice);
  }
  return deriveKeys(createMasterKey(keyFile));
}

function readMasterKey(keyFile: string, env: NodeJS.ProcessEnv): Buffer | null {
  if (env.MASTER_KEY) return decodeKey(env.MASTER_KEY, 'MASTER_KEY');
  if (fs.existsSync(keyFile)) return decodeKey(fs.readFileSync(keyFile, 'utf8').trim(), keyFile);
  return null;
}

function createMasterKey(keyFile: string): Buffer {
  privateFolder(path.dirname(keyFile));
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
  return {
    encryption: derive('pii-encryption'),
    lookup: derive('pii-lookup'),
    audit: derive('audit-chain'),
    anchor: derive('audit-anchor'),
    fingerprint: derive('key-fingerprint').subarray(0, 16).toString('hex'),
  };
}
