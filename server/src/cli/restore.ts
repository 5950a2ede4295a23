import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { restoreDatabase } from '../core/db/backup.ts';

/** `npm run db:restore -- --from FILE`: into the configured database, which must be stopped (SQLite) or empty (PostgreSQL). */
const { values } = parseArgs({ options: { from: { type: 'string' } } });
if (!values.from) {
  console.error('usage: npm run db:restore -- --from FILE');
  process.exit(2);
}
const config = loadConfig();
const from = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.from);
restoreDatabase(from, config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqliteFile: config.sqliteFile });
console.log(`restored ${from} into ${config.databaseUrl ? 'PostgreSQL' : config.sqliteFile}`);
