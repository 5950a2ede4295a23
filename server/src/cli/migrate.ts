import { loadConfig } from '../core/config.ts';
import { connect } from '../core/db/connect.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { MODULES } from '../modules/index.ts';

const connection = await connect(loadConfig());
const applied = await connection.untimed((db) => migrateToLatest(db, MODULES));
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await connection.close();
