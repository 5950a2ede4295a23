import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_CARD_PATTERN, MOBILE_PATTERN } from '@rg/domain/personal/masking';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createContext } from '../../core/bootstrap.ts';
import { FakeClock } from '../../core/clock.ts';
import { deriveKeys } from '../../core/crypto/keys.ts';
import { buildApp } from '../../core/http/app.ts';
import type { App } from '../../core/module.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { buildUser, PLACES, seedPlaces, TEST_PASSWORD } from '../../testing/factories.ts';
import { MODULES } from '../index.ts';

const body17 = '61042319800101002';
const ID = `${body17}${idCardCheckChar(body17)}`;
const PHONE = '13912340077';

/** SECURITY.md 17 for this module: parties' ID numbers and phones never reach a log line. */
describe('mediation requests leave no personal data in the log', () => {
  const lines: string[] = [];
  let database: TestDatabase;
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { ctx, connection } = await createContext(database.config, MODULES, { clock: new FakeClock(), keys: deriveKeys(Buffer.alloc(32, 5)) });
    await seedPlaces(ctx);
    await buildUser(ctx, { username: 'log.med', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(ctx, { username: 'log.villager', regionCode: PLACES.qujia, roles: ['villager'] });
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    ({ app } = await buildApp(ctx, MODULES, { logger: true, logStream: stream }));
    close = async () => {
      await app.close();
      await connection.close();
      await database.dispose();
    };
  });
  afterAll(() => close());

  async function login(username: string): Promise<Record<string, string>> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    return { cookie: `rg_sid=${res.cookies.find((c) => c.name === 'rg_sid')?.value ?? ''}`, 'x-csrf-token': res.json<{ session: { csrfToken: string } }>().session.csrfToken };
  }

  it('logs intake, a refused intake, search, reveal and the online application without ID numbers or phones', async () => {
    const headers = await login('log.med');
    const parties = [
      { kind: 'person', role: 'applicant', name: '张三', idNumber: ID, phone: PHONE },
      { kind: 'person', role: 'respondent', name: '李四', phone: '13812340088' },
    ];
    const payload = { regionCode: PLACES.qujia, source: 'application', caseType: 'neighbour', description: `联系电话${PHONE}`, peopleCount: 2, riskLevel: 'low', registeredOn: '2026-01-02', parties };
    const created = await app.inject({ method: 'POST', url: '/api/mediation/cases', headers, payload });
    expect(created.statusCode, created.body).toBe(201);
    await app.inject({ method: 'POST', url: '/api/mediation/cases', headers, payload: { ...payload, parties: [{ ...parties[0], idNumber: `${body17}0` }, parties[1]] } });
    await app.inject({ method: 'GET', url: `/api/mediation/cases?q=${PHONE}`, headers });
    const dto = (await app.inject({ method: 'GET', url: `/api/mediation/cases/${created.json<{ id: string }>().id}`, headers })).json<{ id: string; parties: { id: string }[] }>();
    await app.inject({ method: 'POST', url: `/api/mediation/cases/${dto.id}/parties/${dto.parties[0]?.id ?? ''}/reveal`, headers, payload: { field: 'idNumber' } });
    const villager = await login('log.villager');
    await app.inject({ method: 'POST', url: '/api/mediation/applications', headers: villager, payload: { caseType: 'homestead', description: '宅基地', phone: PHONE, respondentName: '王某' } });
    expect(lines.some((l) => l.includes('/api/mediation/cases'))).toBe(true);
    // Clock readings, the pid and random ids are the platform's own digit runs; the rest is scanned.
    const scanned = lines.map((l) => JSON.stringify(JSON.parse(l), (key, value: unknown) => (['time', 'pid', 'responseTime', 'reqId', 'id'].includes(key) ? undefined : value))
      .replace(/[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/gi, '<uuid>'));
    expect(scanned.length).toBeGreaterThan(6);
    const leaks = scanned.filter((l) => ID_CARD_PATTERN.test(l) || MOBILE_PATTERN.test(l) || l.includes(body17));
    expect(leaks.map((l) => l.slice(0, 300))).toEqual([]);
  });
});
