/**
 * The real platform for the HTTP benchmarks, in its own process: createContext + buildApp with every
 * module, on the database the import benchmark filled (DATA_DIR), listening on 127.0.0.1 on a free
 * port. Creates the benchmark's users with the test factories first (unless present), then prints
 * `BENCH_READY {port}`. BENCH_NO_ROLLUP=1 turns the indicators roll-up off (its write-cost baseline).
 */
import type { Role } from '@rg/domain/access/roles';
import { createContext } from '../../../server/src/core/bootstrap.ts';
import { loadConfig } from '../../../server/src/core/config.ts';
import { buildApp } from '../../../server/src/core/http/app.ts';
import { MODULES } from '../../../server/src/modules/index.ts';
import { RollupEngine } from '../../../server/src/modules/indicators/rollup.engine.ts';
import { buildUser } from '../../../server/src/testing/factories.ts';
import { serveForBench } from './serve.ts';

export interface BenchUser {
  username: string;
  regionCode: string;
  roles: Role[];
}

export interface AppServerReady {
  port: number;
  dialect: string;
  synchronous: string;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { ctx, connection } = await createContext(config, MODULES);
  // The indicators bench measures the write cost of the roll-up by turning it off in a second server.
  if (process.env.BENCH_NO_ROLLUP === '1') RollupEngine.prototype.apply = async () => undefined;
  const users = JSON.parse(process.env.BENCH_USERS ?? '[]') as BenchUser[];
  for (const user of users) {
    // A server started twice on one database (with and without the roll-up) finds its users there.
    if (await ctx.db.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirst()) continue;
    await buildUser(ctx, { username: user.username, regionCode: user.regionCode, roles: user.roles });
  }
  const { app } = await buildApp(ctx, MODULES, { logger: false });
  await serveForBench(app, () => connection.close(), { dialect: connection.dialect, synchronous: config.sqliteSynchronous } satisfies Omit<
    AppServerReady,
    'port'
  >);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
