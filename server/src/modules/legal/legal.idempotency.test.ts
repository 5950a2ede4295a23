import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { registerAdvisor } from '../../testing/legal-advisors.ts';

/*
 * Issue 15 finding 1: the legal phone writes (/m/legal/new, /m/legal/ask, /m/legal/questions) answer
 * concurrent copies and a retry after a crash with the first answer, and record once.
 */

const service = (content: string) => ({
  villageCode: PLACES.qujia,
  window: 'onsite',
  servedAt: '2026-01-04T10:00:00+08:00',
  serviceType: 'consultation',
  subjectKind: 'person',
  subjectName: '屈某某',
  content,
  result: '讲解了流转合同的必备条款',
  durationMinutes: 40,
});

const answerOf = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.body });

describe('legal phone writes under retries (issue 15 finding 1)', () => {
  let t: TestApp;
  let advisor: TestClient;
  let villager: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'idem.office', regionCode: PLACES.jingyang, roles: ['official'] });
    const account = await buildUser(t.ctx, { username: 'idem.adv', regionCode: PLACES.wangqiao, roles: ['legal_advisor'] });
    await buildUser(t.ctx, { username: 'idem.people', regionCode: PLACES.qujia, roles: ['villager'] });
    const county = await t.login('idem.office');
    const advisorId = await registerAdvisor(county, { seq: 1 });
    expect((await county.request('PATCH', `/api/legal/advisors/${advisorId}`, { version: 1, userId: account.id })).statusCode).toBe(200);
    await county.request('POST', '/api/legal/assignments', { advisorId, villageCode: PLACES.qujia, startDate: '2026-01-01' });
    advisor = await t.login('idem.adv');
    villager = await t.login('idem.people');
  });
  afterAll(() => t.close());

  const services = async (content: string) =>
    (await t.ctx.db.selectFrom('legal_services').select('id').where('content', '=', content).execute()).length;
  const questions = async (question: string) =>
    (await t.ctx.db.selectFrom('legal_consultations').select('id').where('question', '=', question).execute()).length;
  /** What kill -9 between the business commit and the answer's write leaves: the claim, no answer. */
  const crash = (key: string) => sql`update idempotency_keys set status_code = null, response = null where key = ${key}`.execute(t.ctx.db);
  const record = (content: string, key: string) =>
    advisor.request('POST', '/api/legal/services', service(content), { 'idempotency-key': key });

  it('five concurrent copies of a ledger entry from the phone record one service with five identical answers', async () => {
    const copies = await Promise.all(Array.from({ length: 5 }, () => record('五份同时提交的服务记录', 'ledger-race-0001')));
    expect(copies[0]?.statusCode).toBe(201);
    expect(new Set(copies.map((c) => JSON.stringify(answerOf(c)))).size).toBe(1);
    expect(await services('五份同时提交的服务记录')).toBe(1);
  });

  it('a ledger entry retried after a crash gets the first answer and no second service', async () => {
    const first = await record('崩溃后重试的服务记录', 'ledger-crash-0001');
    expect(first.statusCode).toBe(201);
    await crash('ledger-crash-0001');
    expect(answerOf(await record('崩溃后重试的服务记录', 'ledger-crash-0001'))).toEqual(answerOf(first));
    expect(await services('崩溃后重试的服务记录')).toBe(1);
  }, 20_000);

  it("a villager's question and the advisor's answer, each retried after a crash, are answered as the first time", async () => {
    const ask = () =>
      villager.request('POST', '/api/legal/consultations', { question: '崩溃后重试的咨询？' }, { 'idempotency-key': 'ask-crash-00001' });
    const asked = await ask();
    expect(asked.statusCode).toBe(201);
    await crash('ask-crash-00001');
    expect(answerOf(await ask())).toEqual(answerOf(asked));
    expect(await questions('崩溃后重试的咨询？')).toBe(1);

    const { id } = asked.json<{ id: string }>();
    const answer = () =>
      advisor.request(
        'POST',
        `/api/legal/consultations/${id}/answer`,
        { answer: '可先请村调委会调解。' },
        { 'idempotency-key': 'answer-crash-001' },
      );
    const answered = await answer();
    expect(answered.statusCode).toBe(200);
    await crash('answer-crash-001');
    expect(answerOf(await answer())).toEqual(answerOf(answered));
    // The answer's ledger entry was written once.
    expect(await services('崩溃后重试的咨询？')).toBe(1);
  }, 20_000);
});
