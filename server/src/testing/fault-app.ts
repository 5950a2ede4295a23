import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createContext } from '../core/bootstrap.ts';
import { FakeClock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import type { AppContext } from '../core/context.ts';
import { deriveKeys } from '../core/crypto/keys.ts';
import type { SyncFile } from '../core/db/sqlite-group-commit.ts';
import { buildApp } from '../core/http/app.ts';
import type { App } from '../core/module.ts';
import { MODULES } from '../modules/index.ts';
import { buildUser, PLACES, TEST_PASSWORD } from './factories.ts';
import { seedPlaces } from './factories.ts';
import { createTestDatabase } from './test-db.ts';

export const FAULT_USER = 'fault.official';

/** The platform with its log captured, for database and storage fault tests (issue 15 findings 2, 4, 5). */
export interface FaultApp {
  app: App;
  ctx: AppContext;
  config: Config;
  /** Every log line the server wrote, parsed. */
  log: { msg?: string; check?: string; cause?: string }[];
  login(): Promise<LightMyRequestResponse>;
  /** Cookie and CSRF headers of a session of FAULT_USER, signed in before any fault. */
  headers: Record<string, string>;
  /** A write: a legal advisor whose ID number and phone derive from `n`. */
  createAdvisor(n: number): Promise<LightMyRequestResponse>;
  ready(): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `settings` may change the configuration, e.g. the timeouts or a database URL through a proxy. */
export async function createFaultApp(
  options: { settings?: (config: Config) => Partial<Config>; syncFile?: SyncFile } = {},
): Promise<FaultApp> {
  const database = await createTestDatabase();
  const config: Config = { ...database.config, ...options.settings?.(database.config) };
  const { ctx, connection } = await createContext(config, MODULES, {
    clock: new FakeClock(),
    keys: deriveKeys(Buffer.alloc(32, 5)),
    ...(options.syncFile ? { syncFile: options.syncFile } : {}),
  });
  await seedPlaces(ctx);
  await buildUser(ctx, { username: FAULT_USER, regionCode: PLACES.jingyang, roles: ['official'] });
  const log: FaultApp['log'] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      log.push(JSON.parse(String(chunk)) as FaultApp['log'][number]);
      done();
    },
  });
  const { app } = await buildApp(ctx, MODULES, { logger: true, logStream: stream });
  await app.ready();
  const login = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: FAULT_USER, password: TEST_PASSWORD } });
  const signedIn = await login();
  const headers = {
    cookie: `rg_sid=${signedIn.cookies.find((c) => c.name === 'rg_sid')?.value ?? ''}`,
    'x-csrf-token': signedIn.json<{ session: { csrfToken: string } }>().session.csrfToken,
  };
  return {
    app,
    ctx,
    config,
    log,
    login,
    headers,
    createAdvisor: (n) => {
      const first17 = `61042319850101${String(n % 1000).padStart(3, '0')}`;
      return app.inject({
        method: 'POST',
        url: '/api/legal/advisors',
        headers,
        payload: {
          regionCode: PLACES.jingyang,
          name: `顾问${n}`,
          gender: 'female',
          phone: `139${String(n).padStart(8, '0')}`,
          idNumber: first17 + idCardCheckChar(first17),
          category: 'other',
          employerName: '测'.repeat(60),
        },
      });
    },
    ready: () => app.inject({ method: 'GET', url: '/api/ready' }),
    async close() {
      await app.close();
      await connection.close();
      await database.dispose();
    },
  };
}
