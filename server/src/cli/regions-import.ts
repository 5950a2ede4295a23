import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { connect } from '../core/db/connect.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { importDivisions } from '../modules/regions/regions.import.ts';

/** `npm run regions:import [-- --only 610423,340321]`: the national division data, idempotently. */
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only ? values.only.split(',').map((c) => c.trim()).filter(Boolean) : [];
const connection = await connect(loadConfig());
await migrateToLatest(connection.db);
const result = await importDivisions(connection, new Date().toISOString(), { only });
console.log(JSON.stringify({ ...result, scope: only.length ? only : 'national' }));
await connection.close();
