import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { restoreDatabase } from '../core/db/backup.ts';
import { checkBackupKey, readBackupManifest, RestoreRefusedError } from '../core/db/backup-manifest.ts';
import { DataDirBusyError } from '../core/db/data-dir-lock.ts';
import { keySource, loadKeys, MissingKeyError } from '../core/crypto/keys.ts';
import { appendAnchor } from '../core/audit/audit-anchors.ts';

/**
 * `npm run db:restore -- --from FILE`: into the configured database, which no server may hold
 * (SQLite) and which must be empty with nobody connected (PostgreSQL), with the master key the backup
 * was made with (its fingerprint is in FILE.json). Exits 1 with the reason when it refuses
 * (issue 15 findings 6, 7).
 */
const { values } = parseArgs({ options: { from: { type: 'string' } } });
if (!values.from) {
  console.error('usage: npm run db:restore -- --from FILE');
  process.exit(2);
}
const config = loadConfig();
const from = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.from);
try {
  if (!fs.existsSync(from)) throw new RestoreRefusedError(`${from} does not exist`);
  const manifest = readBackupManifest(from);
  let keys;
  try {
    keys = loadKeys(config.keyFile);
  } catch (err) {
    if (!(err instanceof MissingKeyError)) throw err;
    throw new RestoreRefusedError(
      `${err.message}. The backup needs the master key of fingerprint ${manifest.keyFingerprint}: set MASTER_KEY or put its key file there.`,
    );
  }
  checkBackupKey(manifest, from, keys, keySource(config.keyFile));
  await restoreDatabase(from, config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqliteFile: config.sqliteFile });
  // The anchors of the replaced data would name the restored chain truncated: they are kept aside, and
  // the restored head, signed in the manifest, is the first anchor of the new file (SECURITY.md 31).
  const anchors = config.auditAnchorFile;
  if (fs.existsSync(anchors)) fs.renameSync(anchors, `${anchors}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  if (manifest.auditEntries > 0) {
    await appendAnchor(anchors, keys.anchor, { seq: manifest.auditEntries, hash: manifest.auditHead }, new Date());
  }
  console.log(`restored ${from} into ${config.databaseUrl ? 'PostgreSQL' : config.sqliteFile} (${manifest.auditEntries} audit entries)`);
} catch (err) {
  if (!(err instanceof RestoreRefusedError || err instanceof DataDirBusyError)) throw err;
  console.error(`restore refused: ${err.message}`);
  process.exitCode = 1;
}
