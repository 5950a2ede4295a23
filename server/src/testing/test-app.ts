import type { LightMyRequestResponse } from 'fastify';
import { FakeClock } from '../core/clock.ts';
import { createContext } from '../core/bootstrap.ts';
import type { AppContext } from '../core/context.ts';
import { deriveKeys } from '../core/crypto/keys.ts';
import { buildApp } from '../core/http/app.ts';
import type { DeclaredRoute } from '../core/http/route-guard.ts';
import type { App } from '../core/module.ts';
import { MODULES } from '../modules/index.ts';
import { createTestDatabase } from './test-db.ts';
import { seedPlaces, TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: FakeClock;
  routes: DeclaredRoute[];
  close(): Promise<void>;
  /** Logs in through the API and returns a client that sends the cookie and CSRF token. */
  login(username: string, password?: string): Promise<TestClient>;
  anonymous: TestClient;
}

export interface TestClient {
  csrfToken: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** The real app on a fresh database with the seed's places, a fake clock and a fixed key. */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new FakeClock();
  const { ctx, connection } = await createContext(database.config, MODULES, { clock, keys: deriveKeys(Buffer.alloc(32, 7)) });
  await seedPlaces(ctx);
  const { app, routes } = await buildApp(ctx, MODULES);
  await app.ready();

  const client = (cookie: string | null, csrfToken: string): TestClient => ({
    csrfToken,
    request: (method, url, body) =>
      app.inject({
        method, url,
        headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
  });

  return {
    app, ctx, clock, routes,
    anonymous: client(null, ''),
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'rg_sid');
      if (!cookie) throw new Error('no session cookie');
      const body = res.json<{ status: string; csrfToken?: string; session?: { csrfToken: string } }>();
      return client(`rg_sid=${cookie.value}`, body.session?.csrfToken ?? body.csrfToken ?? '');
    },
    async close() {
      await app.close();
      await connection.close();
      await database.dispose();
    },
  };
}
