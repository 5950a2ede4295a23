import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

describe('idempotency keys on phone-used creates (SECURITY.md 26)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'cadre.idem', regionCode: PLACES.qujia, roles: ['village_cadre'] });
  });
  afterAll(() => t.close());

  it('returns the first response to a retry and creates one row', async () => {
    const client = await t.login('cadre.idem');
    const send = (name: string, key: string) =>
      client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name }, { 'idempotency-key': key });
    const first = await send('第一村民小组', 'retry-key-0001');
    const second = await send('第一村民小组', 'retry-key-0001');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replay']).toBe('true');
    const groups = await t.ctx.db.selectFrom('regions').select('code').where('parent_code', '=', PLACES.qujia).execute();
    expect(groups).toHaveLength(1);
  });

  it('answers 422 when the same key comes with another body, and writes nothing', async () => {
    const client = await t.login('cadre.idem');
    const send = (name: string) =>
      client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name }, { 'idempotency-key': 'retry-key-0002' });
    expect((await send('第二村民小组')).statusCode).toBe(201);
    const mismatch = await send('第三村民小组');
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('idempotency_mismatch');
    const names = (await t.ctx.db.selectFrom('regions').select('name').where('parent_code', '=', PLACES.qujia).execute()).map(
      (r) => r.name,
    );
    expect(names).not.toContain('第三村民小组');
  });

  it('answers a retry after a crash between the commit and the stored answer with the group, created once', async () => {
    const client = await t.login('cadre.idem');
    const send = () =>
      client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '第四村民小组' }, { 'idempotency-key': 'retry-key-0003' });
    const first = await send();
    expect(first.statusCode).toBe(201);
    // What kill -9 between the business commit and the answer's write leaves: the claim, no answer.
    await sql`update idempotency_keys set status_code = null, response = null where key = ${'retry-key-0003'}`.execute(t.ctx.db);
    const retry = await send();
    expect({ status: retry.statusCode, body: retry.json() }).toEqual({ status: 201, body: first.json() });
    const names = (await t.ctx.db.selectFrom('regions').select('name').where('parent_code', '=', PLACES.qujia).execute()).map(
      (r) => r.name,
    );
    expect(names.filter((n) => n === '第四村民小组')).toHaveLength(1);
  }, 20_000);
});
