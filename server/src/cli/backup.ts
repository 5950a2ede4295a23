import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { connect } from '../core/db/connect.ts';
import { backupDatabase } from '../core/db/backup.ts';

/** `npm run db:backup [-- --out FILE]`: an online backup; by default into DATA_DIR/backups/. */
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = values.out
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
  : path.join(config.dataDir, 'backups', `governance-${stamp}.${config.databaseUrl ? 'dump' : 'db'}`);
const connection = await connect(config);
await backupDatabase(connection, config.databaseUrl, out);
await connection.close();
console.log(`backup written: ${out}`);
console.log('It holds personal data encrypted with the master key: keep the key file apart from the backup.');
