import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../modules/index.ts';
import { createContext } from '../bootstrap.ts';
import { buildApp } from './app.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { testDialect } from '../../testing/test-db.ts';

/*
 * Issue 15 finding 1 (SECURITY.md 26, 33): the key is claimed in the business transaction, so
 * concurrent copies of one request, copies across two server processes and a retry after a crash
 * between the commit and the answer's store all leave one record and get the first answer.
 */

const intake = (description: string) => ({
  regionCode: PLACES.qujia,
  source: 'initiative',
  caseType: 'neighbour',
  description,
  peopleCount: 2,
  riskLevel: 'low',
  registeredOn: '2026-01-02',
  parties: [
    { kind: 'person', role: 'applicant', name: '张三' },
    { kind: 'person', role: 'respondent', name: '李四' },
  ],
});

const application = (description: string) => ({
  caseType: 'neighbour',
  description,
  peopleCount: 2,
  respondentName: '李四',
  respondentAddress: null,
  phone: '13800138000',
});

describe('idempotency keys claimed inside the write (issue 15 finding 1)', () => {
  let t: TestApp;
  let official: TestClient;
  let villager: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'idem.official', regionCode: PLACES.qujia, roles: ['official'] });
    await buildUser(t.ctx, { username: 'idem.villager', regionCode: PLACES.qujia, roles: ['villager'] });
    official = await t.login('idem.official');
    villager = await t.login('idem.villager');
  });
  afterAll(() => t.close());

  const casesDescribed = async (description: string) =>
    (await t.ctx.db.selectFrom('mediation_cases').select('id').where('description', '=', description).execute()).length;
  const register = (client: TestClient, description: string, key: string) =>
    client.request('POST', '/api/mediation/cases', intake(description), { 'idempotency-key': key });
  const apply = (description: string, key: string) =>
    villager.request('POST', '/api/mediation/applications', application(description), { 'idempotency-key': key });
  const answerOf = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.body });

  it('five concurrent copies of a case intake register one case and give five identical answers', async () => {
    const copies = await Promise.all(Array.from({ length: 5 }, () => register(official, '五份同时提交的登记', 'intake-race-0001')));
    expect(copies.map(answerOf)).toEqual(Array.from({ length: 5 }, () => answerOf(copies[0] as LightMyRequestResponse)));
    expect(copies[0]?.statusCode).toBe(201);
    expect(await casesDescribed('五份同时提交的登记')).toBe(1);
  });

  it("five concurrent copies of a villager's phone application create one case", async () => {
    const copies = await Promise.all(Array.from({ length: 5 }, () => apply('手机上连点五次的申请', 'apply-race-0001')));
    expect(copies.map(answerOf)).toEqual(Array.from({ length: 5 }, () => answerOf(copies[0] as LightMyRequestResponse)));
    expect(copies[0]?.statusCode).toBe(201);
    expect(await casesDescribed('手机上连点五次的申请')).toBe(1);
  });

  it('a retry after a crash between the commit and the stored answer gets the first answer, and no second case', async () => {
    const first = await register(official, '提交后服务器崩溃的登记', 'intake-crash-0001');
    expect(first.statusCode).toBe(201);
    // What kill -9 between the business commit and the answer's write leaves: the claim, no answer.
    await sql`update idempotency_keys set status_code = null, response = null where key = ${'intake-crash-0001'}`.execute(t.ctx.db);
    const retry = await register(official, '提交后服务器崩溃的登记', 'intake-crash-0001');
    expect(answerOf(retry)).toEqual(answerOf(first));
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(await casesDescribed('提交后服务器崩溃的登记')).toBe(1);
    // The rebuilt answer is stored: the next retry is answered at once, the same way.
    expect(answerOf(await register(official, '提交后服务器崩溃的登记', 'intake-crash-0001'))).toEqual(answerOf(first));
  }, 20_000);

  it("the same after a crash on the villager's application", async () => {
    const first = await apply('崩溃后重试的手机申请', 'apply-crash-0001');
    expect(first.statusCode).toBe(201);
    await sql`update idempotency_keys set status_code = null, response = null where key = ${'apply-crash-0001'}`.execute(t.ctx.db);
    const retry = await apply('崩溃后重试的手机申请', 'apply-crash-0001');
    expect(answerOf(retry)).toEqual(answerOf(first));
    expect(await casesDescribed('崩溃后重试的手机申请')).toBe(1);
  }, 20_000);

  it('a village screening report from the phone, sent five times at once and retried after a crash, is stored once', async () => {
    await buildUser(t.ctx, { username: 'idem.cadre', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    const cadre = await t.login('idem.cadre');
    const report = { villageCode: PLACES.qujia, period: '2025-12', nil: true, items: [], note: null };
    const submit = () => cadre.request('POST', '/api/mediation/screenings', report, { 'idempotency-key': 'screening-0001' });
    const copies = await Promise.all(Array.from({ length: 5 }, submit));
    expect(copies[0]?.statusCode, copies[0]?.body).toBe(201);
    expect(copies.map(answerOf)).toEqual(Array.from({ length: 5 }, () => answerOf(copies[0] as LightMyRequestResponse)));
    await sql`update idempotency_keys set status_code = null, response = null where key = ${'screening-0001'}`.execute(t.ctx.db);
    expect(answerOf(await submit())).toEqual(answerOf(copies[0] as LightMyRequestResponse));
    const stored = await t.ctx.db.selectFrom('mediation_screenings').select('id').where('village_code', '=', PLACES.qujia).execute();
    expect(stored).toHaveLength(1);
  }, 20_000);

  it('the same key with another body answers 422 and registers nothing, also while the first runs', async () => {
    const both = await Promise.all([
      register(official, '先到的登记', 'intake-mismatch-01'),
      register(official, '换了内容的登记', 'intake-mismatch-01'),
    ]);
    // Whichever claims the key first registers; the other is refused.
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(both.find((r) => r.statusCode === 422)?.json().error.code).toBe('idempotency_mismatch');
    expect((await casesDescribed('先到的登记')) + (await casesDescribed('换了内容的登记'))).toBe(1);
    const later = await register(official, '又换了内容的登记', 'intake-mismatch-01');
    expect(later.statusCode).toBe(422);
    expect(await casesDescribed('又换了内容的登记')).toBe(0);
  });

  it('a key belongs to its user: another user with the same key registers their own case', async () => {
    await buildUser(t.ctx, { username: 'idem.official2', regionCode: PLACES.qujia, roles: ['official'] });
    const other = await t.login('idem.official2');
    expect((await register(official, '甲的登记', 'shared-key-000001')).statusCode).toBe(201);
    expect((await register(other, '乙的登记', 'shared-key-000001')).statusCode).toBe(201);
    expect(await casesDescribed('乙的登记')).toBe(1);
  });

  it('a failed write frees the key: the corrected retry runs', async () => {
    const bad = { ...intake('日期写错的登记'), registeredOn: '2026-12-31' };
    const refused = await official.request('POST', '/api/mediation/cases', bad, { 'idempotency-key': 'intake-failed-001' });
    expect(refused.statusCode).toBe(400);
    // A client error is not stored: the same submission sent again is refused again (not replayed as 201).
    const again = await official.request('POST', '/api/mediation/cases', bad, { 'idempotency-key': 'intake-failed-001' });
    expect(again.statusCode).toBe(400);
    expect(await casesDescribed('日期写错的登记')).toBe(0);
  });

  // Two server processes on one PostgreSQL: two contexts, two pools, two apps.
  if (testDialect() === 'postgres')
    it('two app instances racing the same key register one case', async () => {
      const second = await createContext(t.ctx.config, MODULES, { clock: t.clock, keys: t.ctx.keys });
      const { app: app2 } = await buildApp(second.ctx, MODULES);
      await app2.ready();
      try {
        const viaSecond = () =>
          app2.inject({
            method: 'POST',
            url: '/api/mediation/cases',
            headers: {
              cookie: official.cookie ?? '',
              'x-csrf-token': official.csrfToken,
              'content-type': 'application/json',
              'idempotency-key': 'two-process-0001',
            },
            payload: JSON.stringify(intake('两个进程同时收到的登记')),
          });
        const copies = await Promise.all([
          register(official, '两个进程同时收到的登记', 'two-process-0001'),
          viaSecond(),
          register(official, '两个进程同时收到的登记', 'two-process-0001'),
          viaSecond(),
        ]);
        expect(copies.map((c) => c.statusCode)).toEqual([201, 201, 201, 201]);
        expect(new Set(copies.map((c) => c.body)).size).toBe(1);
        expect(await casesDescribed('两个进程同时收到的登记')).toBe(1);
      } finally {
        await app2.close();
        await second.connection.close();
      }
    });
});
