import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { createContext } from '../core/bootstrap.ts';
import { importDivisions } from '../modules/regions/regions.import.ts';
import { MODULES } from '../modules/index.ts';

/** `npm run regions:import [-- --only 610423,340321]`: the national division data, idempotently. */
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only
  ? values.only
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)
  : [];
const { ctx, connection } = await createContext(loadConfig(), MODULES);
const result = await importDivisions(ctx, new Date().toISOString(), { only });
// Modules that keep figures along region paths follow villages and towns that moved.
if (result.inserted > 0 || result.updated > 0) for (const module of MODULES) await module.afterRegionsImport?.(ctx);
console.log(JSON.stringify({ ...result, scope: only.length ? only : 'national' }));
await connection.close();
