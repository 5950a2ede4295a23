import { loadConfig } from '../core/config.ts';
import { connect } from '../core/db/connect.ts';
import { migrateToLatest } from '../core/db/migrate.ts';

const connection = await connect(loadConfig());
const applied = await migrateToLatest(connection.db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await connection.close();
