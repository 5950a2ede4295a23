import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_CARD_PATTERN, MOBILE_PATTERN } from '@rg/domain/personal/masking';
import { createContext } from '../bootstrap.ts';
import { FakeClock } from '../clock.ts';
import { deriveKeys } from '../crypto/keys.ts';
import { MODULES } from '../../modules/index.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { buildUser, PLACES, seedPlaces, TEST_PASSWORD } from '../../testing/factories.ts';
import { buildApp } from './app.ts';
import type { App } from '../module.ts';

/** SECURITY.md 17: no personal data in log lines, whatever requests carry. */
describe('the request log holds no personal data', () => {
  const lines: string[] = [];
  let database: TestDatabase;
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { ctx, connection } = await createContext(database.config, MODULES, { clock: new FakeClock(), keys: deriveKeys(Buffer.alloc(32, 3)) });
    await seedPlaces(ctx);
    await buildUser(ctx, { username: 'log.official', regionCode: PLACES.jingyang, roles: ['official'] });
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    ({ app } = await buildApp(ctx, MODULES, { logger: true, logStream: stream }));
    close = async () => {
      await app.close();
      await connection.close();
      await database.dispose();
    };
  });
  afterAll(() => close());

  it('logs method, path and status but no phone or ID number from queries, bodies or errors', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'log.official', password: TEST_PASSWORD } });
    const cookie = `rg_sid=${login.cookies.find((c) => c.name === 'rg_sid')?.value ?? ''}`;
    const csrf = login.json<{ session: { csrfToken: string } }>().session.csrfToken;
    const headers = { cookie, 'x-csrf-token': csrf };
    await app.inject({ method: 'GET', url: '/api/users?q=13812345678', headers });
    await app.inject({ method: 'POST', url: '/api/users', headers, payload: { username: 'log.new', displayName: '张三', regionCode: PLACES.qujia, roles: ['village_cadre'], phone: '13812345678', initialPassword: 'Cadre#2026ok' } });
    await app.inject({ method: 'POST', url: '/api/legal/advisors', headers, payload: { regionCode: PLACES.jingyang, name: '李四', gender: 'male', phone: '13912345678', idNumber: '610423198501010011', category: 'other' } });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '13700001111', password: '610423198501010011' } });
    await app.inject({ method: 'GET', url: '/api/legal/coverage/uncovered?regionCode=610423&q=610423198501010011', headers });
    expect(lines.length).toBeGreaterThan(8);
    expect(lines.some((l) => l.includes('/api/users'))).toBe(true);
    // Scan what a request can put into a line; clock readings, the pid and random request ids are
    // digit runs of the platform's own that would match the phone pattern by chance.
    const scanned = lines.map((l) => JSON.stringify(JSON.parse(l), (key, value: unknown) => (['time', 'pid', 'responseTime', 'reqId', 'id'].includes(key) ? undefined : value)));
    const leaks = scanned.filter((l) => ID_CARD_PATTERN.test(l) || MOBILE_PATTERN.test(l));
    expect(leaks.map((l) => l.slice(0, 300))).toEqual([]);
  });
});
