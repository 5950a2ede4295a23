import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

interface RegionJson {
  code: string;
  name: string;
  officialName: string;
  level: string;
  kind: string | null;
  isPoor: boolean;
  population: number | null;
  households: number | null;
  path?: string;
  ancestors?: (RegionJson & { abilities: { open: boolean } })[];
}
interface ItemsJson {
  items: RegionJson[];
  total?: number;
}

const NOT_FOUND = { code: 'not_found', message: '找不到该记录，或不在您的管辖范围内' };
/** A second village of 王桥镇, sibling of 屈家村. */
const SIBLING = '610423104200';

describe('regions API (SECURITY.md 7)', () => {
  let t: TestApp;
  let county: TestClient;
  let wq: TestClient;
  let aw: TestClient;
  let cadre: TestClient;
  const region = (code: string) => t.ctx.db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();

  beforeAll(async () => {
    t = await createTestApp();
    await buildVillage(t.ctx, { code: SIBLING, name: '王桥村委会' });
    await buildUser(t.ctx, { username: 'jy.official', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'aw.official', regionCode: PLACES.anwu, roles: ['official'] });
    await buildUser(t.ctx, { username: 'qj.cadre', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    await buildUser(t.ctx, { username: 'wq.leader', regionCode: PLACES.wangqiao, roles: ['leader'] });
    county = await t.login('jy.official');
    wq = await t.login('wq.official');
    aw = await t.login('aw.official');
    cadre = await t.login('qj.cadre');
  });
  afterAll(() => t.close());

  describe('browse and search', () => {
    it('lists the villages of 王桥镇 with their short names and kinds', async () => {
      const res = await wq.request('GET', `/api/regions/${PLACES.wangqiao}/children`);
      expect(res.statusCode).toBe(200);
      const body = res.json<ItemsJson>();
      expect(body.items.map((r) => r.code)).toEqual([SIBLING, PLACES.qujia]);
      expect(body.items.find((r) => r.code === PLACES.qujia)).toMatchObject({
        name: '屈家村',
        officialName: '屈家村委会',
        level: 'village',
        kind: 'village',
      });
      expect(body.total).toBe(2);
      const jinggan = (await county.request('GET', `/api/regions/${PLACES.jinggan}/children`)).json<ItemsJson>();
      expect(jinggan.items).toEqual([expect.objectContaining({ code: PLACES.xinyuan, name: '鑫园社区', kind: 'community' })]);
    });

    it('finds 屈家村 by name within the actor’s scope, with its path', async () => {
      const found = await wq.request('GET', `/api/regions/search?q=${encodeURIComponent('屈家村')}`);
      expect(found.statusCode).toBe(200);
      const items = found.json<ItemsJson>().items;
      expect(items[0]).toMatchObject({ code: PLACES.qujia, name: '屈家村' });
      expect(items[0]?.path).toContain('王桥镇屈家村');
      const elsewhere = await aw.request('GET', `/api/regions/search?q=${encodeURIComponent('屈家村')}`);
      expect(elsewhere.statusCode).toBe(200);
      expect(elsewhere.json<ItemsJson>().items).toEqual([]);
      const fromCounty = (await county.request('GET', `/api/regions/search?q=${encodeURIComponent('屈家')}`)).json<ItemsJson>();
      expect(fromCounty.items.map((r) => r.code)).toEqual([PLACES.qujia]);
    });

    it('treats search wildcards as text and refuses an empty query', async () => {
      const wildcard = await county.request('GET', `/api/regions/search?q=${encodeURIComponent('%')}`);
      expect(wildcard.statusCode).toBe(200);
      expect(wildcard.json<ItemsJson>().items).toEqual([]);
      const underscore = await county.request('GET', '/api/regions/search?q=_');
      expect(underscore.json<ItemsJson>().items).toEqual([]);
      const empty = await county.request('GET', '/api/regions/search?q=');
      expect(empty.statusCode).toBe(400);
      expect(errorOf(empty).fields).toEqual({ q: '此项必填' });
    });

    it('answers 404 for another town’s village and its children, like a code that does not exist', async () => {
      for (const url of [`/api/regions/${PLACES.wangjia}`, `/api/regions/${PLACES.anwu}`, `/api/regions/${PLACES.huaiyuan}`]) {
        const res = await wq.request('GET', url);
        expect(res.statusCode, url).toBe(404);
        expect(errorOf(res)).toEqual(NOT_FOUND);
      }
      const missing = await wq.request('GET', '/api/regions/610423113299');
      expect(missing.json()).toEqual((await wq.request('GET', `/api/regions/${PLACES.wangjia}`)).json());
      const children = await wq.request('GET', `/api/regions/${PLACES.wangjia}/children`);
      expect(children.statusCode).toBe(404);
      expect(errorOf(children).code).toBe('not_found');
      expect(children.json()).toEqual((await wq.request('GET', '/api/regions/610423113299/children')).json());
    });

    it('lets a village cadre see the names above their village but not the siblings', async () => {
      const own = await cadre.request('GET', `/api/regions/${PLACES.qujia}`);
      expect(own.statusCode).toBe(200);
      expect(own.json<RegionJson>().ancestors?.map((a) => a.name)).toEqual(['全国', '陕西省', '咸阳市', '泾阳县', '王桥镇']);
      // The names above are shown, not opened: the breadcrumb links none of them for the cadre.
      const byTown = await wq.request('GET', `/api/regions/${PLACES.qujia}`);
      expect(byTown.json<RegionJson>().ancestors?.map((a) => a.abilities.open)).toEqual([false, false, false, false, true]);
      expect(own.json<RegionJson>().ancestors?.some((a) => a.abilities.open)).toBe(false);
      const town = await cadre.request('GET', `/api/regions/${PLACES.wangqiao}`);
      expect(town.statusCode).toBe(200);
      expect(town.json<RegionJson>().name).toBe('王桥镇');
      expect((await cadre.request('GET', `/api/regions/${PLACES.jingyang}`)).json<RegionJson>().name).toBe('泾阳县');

      const countyChildren = (await cadre.request('GET', `/api/regions/${PLACES.jingyang}/children`)).json<ItemsJson>();
      expect(countyChildren.items.map((r) => r.code)).toEqual([PLACES.wangqiao]);
      const townChildren = (await cadre.request('GET', `/api/regions/${PLACES.wangqiao}/children`)).json<ItemsJson>();
      expect(townChildren.items.map((r) => r.code)).toEqual([PLACES.qujia]);

      for (const url of [
        `/api/regions/${PLACES.anwu}/children`,
        `/api/regions/${PLACES.anwu}`,
        `/api/regions/${SIBLING}`,
        `/api/regions/${PLACES.wangjia}`,
      ]) {
        const res = await cadre.request('GET', url);
        expect(res.statusCode, url).toBe(404);
      }
    });
  });

  describe('village attributes', () => {
    it('saves the poor-village flag and population, audited', async () => {
      const res = await wq.request('PATCH', `/api/regions/${PLACES.qujia}`, { isPoor: true, population: 1234, households: 321 });
      expect(res.statusCode).toBe(200);
      expect(res.json<RegionJson>()).toMatchObject({ code: PLACES.qujia, isPoor: true, population: 1234, households: 321 });
      expect(await region(PLACES.qujia)).toMatchObject({ is_poor: 1, population: 1234, households: 321, official_name: '屈家村委会' });
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'region.update')
        .where('object_id', '=', PLACES.qujia)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ object_region: PLACES.qujia, actor_name: 'wq.official' });
      const reread = (await cadre.request('GET', `/api/regions/${PLACES.qujia}`)).json<RegionJson>();
      expect(reread).toMatchObject({ isPoor: true, population: 1234 });
    });

    it('a village cadre may edit their own village only', async () => {
      expect((await cadre.request('PATCH', `/api/regions/${PLACES.qujia}`, { households: 330 })).statusCode).toBe(200);
      const sibling = await cadre.request('PATCH', `/api/regions/${SIBLING}`, { isPoor: true });
      expect(sibling.statusCode).toBe(404);
      expect((await region(SIBLING))?.is_poor).toBe(0);
    });

    it('refuses towns, foreign villages, bad values, names and roles without region.manage', async () => {
      const town = await wq.request('PATCH', `/api/regions/${PLACES.wangqiao}`, { isPoor: true });
      expect(town.statusCode).toBe(400);
      expect(errorOf(town).fields).toEqual({ code: '只有村（社区）可以设置此项' });
      expect((await region(PLACES.wangqiao))?.is_poor).toBe(0);

      const foreign = await wq.request('PATCH', `/api/regions/${PLACES.wangjia}`, { isPoor: true });
      expect(foreign.statusCode).toBe(404);
      expect((await region(PLACES.wangjia))?.is_poor).toBe(0);

      const before = await region(PLACES.qujia);
      const negative = await wq.request('PATCH', `/api/regions/${PLACES.qujia}`, { population: -1 });
      expect(negative.statusCode).toBe(400);
      expect(Object.keys(errorOf(negative).fields ?? {})).toEqual(['population']);
      const rename = await wq.request('PATCH', `/api/regions/${PLACES.qujia}`, { name: '改名村', isPoor: false });
      expect(rename.statusCode).toBe(400);
      expect(errorOf(rename).fields).toEqual({ name: '不允许提交此字段' });
      const leader = await t.login('wq.leader');
      expect((await leader.request('PATCH', `/api/regions/${PLACES.qujia}`, { isPoor: false })).statusCode).toBe(403);
      expect(await region(PLACES.qujia)).toEqual(before);
    });
  });

  describe('villager groups', () => {
    it('numbers groups 001, 002 under the village and refuses a duplicate name', async () => {
      const first = await wq.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '第一村民小组' });
      expect(first.statusCode).toBe(201);
      expect(first.json<RegionJson>()).toMatchObject({ code: '610423104209001', name: '第一村民小组', level: 'group' });
      const second = await cadre.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '第二村民小组' });
      expect(second.statusCode).toBe(201);
      expect(second.json<RegionJson>().code).toBe('610423104209002');

      const dup = await wq.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '第一村民小组' });
      expect(dup.statusCode).toBe(400);
      expect(errorOf(dup).fields).toEqual({ name: '该村已有同名村民小组' });

      const children = (await wq.request('GET', `/api/regions/${PLACES.qujia}/children`)).json<ItemsJson>();
      expect(children.items.map((r) => r.code)).toEqual(['610423104209001', '610423104209002']);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('object_id')
        .where('action', '=', 'region.group_create')
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.object_id)).toEqual(['610423104209001', '610423104209002']);
    });

    it('refuses groups under a town or in another town', async () => {
      const town = await wq.request('POST', `/api/regions/${PLACES.wangqiao}/groups`, { name: '镇级小组' });
      expect(town.statusCode).toBe(400);
      const foreign = await wq.request('POST', `/api/regions/${PLACES.wangjia}/groups`, { name: '越界小组' });
      expect(foreign.statusCode).toBe(404);
      const rows = await t.ctx.db.selectFrom('regions').select('code').where('name', 'in', ['镇级小组', '越界小组']).execute();
      expect(rows).toEqual([]);
    });
  });
});
