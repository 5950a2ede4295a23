import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWithin } from '@rg/domain/regions/region-code';
import { createTestApp, errorOf, loginWithTotp, newTotpSecret, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

interface AuditItem {
  seq: number;
  action: string;
  actorName: string | null;
  actorRegion: string | null;
  objectRegion: string | null;
  result: string;
}

describe('audit log API (SECURITY.md 11, 18)', () => {
  let t: TestApp;
  let wq: TestClient;
  let aw: TestClient;
  const count = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditorSecret = newTotpSecret();
  // One sign-in for the file: a second within the same 30 s would reuse its code (refused).
  let auditorClient: TestClient | undefined;
  const asAuditor = async () => (auditorClient ??= await loginWithTotp(t, 'auditor', auditorSecret));

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'wq.official2', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'aw.official', regionCode: PLACES.anwu, roles: ['official'] });
    await buildUser(t.ctx, { username: 'jy.official', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'qj.cadre', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    await buildUser(t.ctx, { username: 'auditor', regionCode: '00', roles: ['auditor'], totpSecret: auditorSecret });
    wq = await t.login('wq.official');
    aw = await t.login('aw.official');
    await t.login('jy.official');
  });
  afterAll(() => t.close());

  it('writes one entry per write, none per read or refused input, one per denial', async () => {
    let before = await count();
    expect((await wq.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '一组' })).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);

    before = await count();
    expect((await wq.request('PATCH', `/api/regions/${PLACES.qujia}`, { population: 1200 })).statusCode).toBe(200);
    expect(await count()).toBe(before + 1);

    before = await count();
    expect((await aw.request('POST', `/api/regions/${PLACES.wangjia}/groups`, { name: '一组' })).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);

    before = await count();
    expect((await wq.request('GET', `/api/regions/${PLACES.qujia}/children`)).statusCode).toBe(200);
    expect((await wq.request('GET', '/api/users')).statusCode).toBe(200);
    expect((await wq.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '' })).statusCode).toBe(400);
    expect(await count()).toBe(before);

    before = await count();
    expect((await wq.request('POST', `/api/regions/${PLACES.wangjia}/groups`, { name: '越界组' })).statusCode).toBe(404);
    expect(await count()).toBe(before + 1);
    const last = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'access.denied', result: 'denied', actor_name: 'wq.official', object_region: PLACES.wangjia });
  });

  it('shows a town official only the successful entries about the records of their town, no denial', async () => {
    const res = await wq.request('GET', '/api/audit?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: AuditItem[]; total: number }>();
    const inTown = (region: string | null) => region !== null && isWithin(region, PLACES.wangqiao);
    expect(body.items.length).toBeGreaterThan(2);
    for (const item of body.items) expect(inTown(item.objectRegion) && item.result === 'ok', JSON.stringify(item)).toBe(true);
    expect(body.items.some((i) => i.action === 'region.group_create' && i.objectRegion?.startsWith(PLACES.qujia))).toBe(true);
    expect(body.items.some((i) => i.actorName === 'aw.official' || i.actorName === 'jy.official')).toBe(false);
    expect(body.items.some((i) => i.action === 'access.denied')).toBe(false);
    const all = await t.ctx.db.selectFrom('audit_log').select(['object_region', 'result']).execute();
    expect(body.total).toBe(all.filter((r) => inTown(r.object_region) && r.result === 'ok').length);
    expect((await wq.request('GET', '/api/audit?result=denied')).json<{ total: number }>().total).toBe(0);

    const filtered = (await wq.request('GET', '/api/audit?action=region.group_create')).json<{ items: AuditItem[] }>();
    expect(filtered.items.length).toBe(1);
    expect(filtered.items[0]?.objectRegion?.startsWith(PLACES.qujia)).toBe(true);
  });

  /**
   * Issue 15 finding 10: a foreign id and a made-up id answered the same 404, but only the real one wrote an
   * `access.denied` entry with its region, which officials of the prober's region could read. Now what any
   * official reads of the log is the same after either probe; the auditor still sees the denial.
   */
  it('leaves the same trace for officials whether a probed id is foreign or made up', async () => {
    const foreign = await buildUser(t.ctx, { username: 'wj.cadre', regionCode: PLACES.wangjia, roles: ['village_cadre'] });
    const madeUp = '01900000-0000-7000-8000-000000000000';
    const wq2 = await t.login('wq.official2');
    const readers = [wq, wq2, aw, await t.login('jy.official')];
    const views = () => Promise.all(readers.map(async (r) => (await r.request('GET', '/api/audit?pageSize=100')).body));
    const entries = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    const before = await views();
    const stored = await entries();
    const probedForeign = await wq.request('GET', `/api/users/${foreign.id}`);
    expect(await entries()).toBe(stored + 1);
    const afterForeign = await views();
    const probedMissing = await wq.request('GET', `/api/users/${madeUp}`);
    expect(await entries()).toBe(stored + 1);
    const afterMissing = await views();

    expect(probedForeign.statusCode).toBe(404);
    expect(probedMissing.statusCode).toBe(404);
    expect(probedForeign.body).toBe(probedMissing.body);
    expect(afterForeign).toEqual(before);
    expect(afterMissing).toEqual(before);
    const auditor = await asAuditor();
    const denied = (await auditor.request('GET', '/api/audit?result=denied&pageSize=100')).json<{ items: AuditItem[] }>();
    expect(
      denied.items.filter(
        (i) => i.action === 'access.denied' && i.objectRegion === PLACES.wangjia && i.actorName === 'wq.official' && i.seq > stored,
      ),
    ).toHaveLength(1);
  });

  it('refuses roles without audit.records', async () => {
    const cadre = await t.login('qj.cadre');
    const res = await cadre.request('GET', '/api/audit');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res)).toEqual({ code: 'forbidden', message: '您没有执行此操作的权限' });
  });

  it('lets the national auditor read the whole log and nothing else', async () => {
    const auditor = await asAuditor();
    const total = await count();
    const res = await auditor.request('GET', '/api/audit?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: AuditItem[]; total: number }>();
    expect(body.total).toBe(total);
    expect(body.items.some((i) => i.actorName === 'aw.official')).toBe(true);
    expect(body.items.some((i) => i.actorName === 'wq.official')).toBe(true);

    for (const [method, url, payload] of [
      ['GET', '/api/users', undefined],
      ['GET', `/api/regions/${PLACES.jingyang}`, undefined],
      ['POST', `/api/regions/${PLACES.qujia}/groups`, { name: '审计组' }],
    ] as const) {
      const refused = await auditor.request(method, url, payload);
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
      expect(errorOf(refused).code).toBe('forbidden');
    }
  });
});
