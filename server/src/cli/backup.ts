import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { connect } from '../core/db/connect.ts';
import { backupDatabase } from '../core/db/backup.ts';
import { loadKeys, MissingKeyError, type Keys } from '../core/crypto/keys.ts';

/**
 * `npm run db:backup [-- --out FILE]`: an online backup, by default into DATA_DIR/backups/, with its
 * manifest FILE.json (the master key's fingerprint and the audit head). It needs the key, to name it.
 */
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = values.out
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
  : path.join(config.dataDir, 'backups', `governance-${stamp}.${config.databaseUrl ? 'dump' : 'db'}`);
let keys: Keys;
try {
  keys = loadKeys(config.keyFile);
} catch (err) {
  if (!(err instanceof MissingKeyError)) throw err;
  console.error(`${err.message}. A backup names the key it needs; no key was created.`);
  process.exit(2);
}
const connection = await connect(config);
const manifest = await backupDatabase(connection, config.databaseUrl, out, keys);
await connection.close();
console.log(`backup written: ${out} (${manifest.auditEntries} audit entries, key fingerprint ${manifest.keyFingerprint})`);
console.log('It holds personal data encrypted with the master key: keep the key file apart from the backup.');
