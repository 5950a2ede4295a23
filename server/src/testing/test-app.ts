import type { LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { FakeClock } from '../core/clock.ts';
import { createContext } from '../core/bootstrap.ts';
import type { AppContext } from '../core/context.ts';
import { deriveKeys } from '../core/crypto/keys.ts';
import { buildApp } from '../core/http/app.ts';
import type { DeclaredRoute } from '../core/http/route-guard.ts';
import type { App } from '../core/module.ts';
import { MODULES } from '../modules/index.ts';
import { watchAuditGaps } from './audit-gaps.ts';
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
  /** Every response the clients received, in order, for scans of personal data (SECURITY.md 13). */
  responses: RecordedResponse[];
}

export interface RecordedResponse {
  method: string;
  url: string;
  statusCode: number;
  body: string;
}

export interface TestClient {
  csrfToken: string;
  /** `rg_sid=…`, or null for the anonymous client. */
  cookie: string | null;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** The real app on a fresh database with the seed's places, a fake clock and a fixed key. */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new FakeClock();
  const { ctx, connection } = await createContext(database.config, MODULES, { clock, keys: deriveKeys(Buffer.alloc(32, 7)) });
  await seedPlaces(ctx);
  const { app, routes } = await buildApp(ctx, MODULES);
  const auditGaps = watchAuditGaps(app, ctx);
  await app.ready();

  const responses: RecordedResponse[] = [];
  const record = (method: string, url: string, res: LightMyRequestResponse): LightMyRequestResponse => {
    responses.push({ method, url, statusCode: res.statusCode, body: res.body });
    return res;
  };
  const client = (cookie: string | null, csrfToken: string): TestClient => ({
    csrfToken,
    cookie,
    request: async (method, url, body, headers = {}) =>
      record(
        method,
        url,
        await app.inject({
          method,
          url,
          headers: {
            ...headers,
            ...(cookie ? { cookie } : {}),
            ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        }),
      ),
  });

  return {
    app,
    ctx,
    clock,
    routes,
    responses,
    anonymous: client(null, ''),
    async login(username, password = TEST_PASSWORD) {
      const res = record(
        'POST',
        '/api/auth/login',
        await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }),
      );
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'rg_sid');
      if (!cookie) throw new Error('no session cookie');
      const body = res.json<{ status: string; csrfToken?: string; session?: { csrfToken: string } }>();
      return client(`rg_sid=${cookie.value}`, body.session?.csrfToken ?? body.csrfToken ?? '');
    },
    async close() {
      const gaps = auditGaps();
      await app.close();
      await connection.close();
      await database.dispose();
      if (gaps.length > 0) throw new Error(`write routes answered 2xx without an audit entry: ${gaps.join(', ')}`);
    },
  };
}

/** The current TOTP code for a base32 secret at the fake clock's time (SHA1, 6 digits, 30 s). */
export function totpCode(secret: string, clock: FakeClock): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: clock.now().getTime(),
  });
}

/** A fresh base32 TOTP secret. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** Logs in a user with a second factor: password, then the code; returns the completed client. */
export async function loginWithTotp(t: TestApp, username: string, secret: string): Promise<TestClient> {
  const client = await t.login(username);
  const res = await client.request('POST', '/api/auth/totp', { code: totpCode(secret, t.clock) });
  if (res.statusCode !== 200) throw new Error(`totp ${username} failed: ${res.statusCode} ${res.body}`);
  return client;
}

/** The JSON error body every failure answers with. */
export interface ErrorJson {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    messageKey: string;
    params?: Record<string, string | number>;
    fieldKeys?: Record<string, string>;
  };
}

/** The error as a Chinese reader sees it: code, message and field messages (the keys beside them are checked in errors.test.ts). */
export function errorOf(res: LightMyRequestResponse): Pick<ErrorJson['error'], 'code' | 'message' | 'fields'> {
  const { code, message, fields } = res.json<ErrorJson>().error;
  return { code, message, ...(fields ? { fields } : {}) };
}
