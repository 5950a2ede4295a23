import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Keys } from '../crypto/keys.ts';
import type { ChainHead } from '../audit/audit-anchors.ts';
import { privateFile } from '../private-files.ts';
import type { Dialect } from './connect.ts';

/**
 * Written beside every backup as `<backup>.json` (issue 15 finding 7): which master key the backup
 * needs — by its fingerprint, never the key — and the audit head it holds, signed with the anchor key
 * so the head can anchor the restored chain.
 */
export interface BackupManifest {
  format: 1;
  dialect: Dialect;
  createdAt: string;
  keyFingerprint: string;
  auditEntries: number;
  auditHead: string;
  sig: string;
}

export class RestoreRefusedError extends Error {}

export function manifestFile(backupFile: string): string {
  return `${backupFile}.json`;
}

function signature(key: Buffer, m: Omit<BackupManifest, 'sig'>): string {
  const text = [m.format, m.dialect, m.createdAt, m.keyFingerprint, m.auditEntries, m.auditHead].join('\n');
  return crypto.createHmac('sha256', key).update(text).digest('hex');
}

export function writeBackupManifest(backupFile: string, keys: Keys, dialect: Dialect, head: ChainHead, at: Date): BackupManifest {
  const unsigned = {
    format: 1 as const,
    dialect,
    createdAt: at.toISOString(),
    keyFingerprint: keys.fingerprint,
    auditEntries: head.seq,
    auditHead: head.hash,
  };
  const manifest: BackupManifest = { ...unsigned, sig: signature(keys.anchor, unsigned) };
  const file = manifestFile(backupFile);
  privateFile(file);
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The manifest of a backup, if there is one and it parses (the key is checked by `checkBackupKey`). */
export function readBackupManifest(backupFile: string): BackupManifest {
  const file = manifestFile(backupFile);
  if (!fs.existsSync(file)) {
    throw new RestoreRefusedError(`${file} is missing: without the manifest the backup cannot be matched to its master key`);
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    throw new RestoreRefusedError(`${file} is not a backup manifest`);
  }
}

/** Refuses a restore with another master key than the backup was made with, or a changed manifest. */
export function checkBackupKey(manifest: BackupManifest, backupFile: string, keys: Keys, source: string): void {
  if (manifest.keyFingerprint !== keys.fingerprint) {
    throw new RestoreRefusedError(
      `${source} does not match the backup ${backupFile}: it was made with the master key of fingerprint ${manifest.keyFingerprint}, this key's is ${keys.fingerprint}. Restore with the key the backup was made with.`,
    );
  }
  const { sig, ...unsigned } = manifest;
  if (sig !== signature(keys.anchor, unsigned)) throw new RestoreRefusedError(`${manifestFile(backupFile)} was altered (bad signature)`);
}
