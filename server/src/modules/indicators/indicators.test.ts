import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';
import type { ScorecardDto } from '@rg/domain/indicators/indicators.schema';

const PERIOD = '2025-Q4';
const report = (unitCode: string, overrides: Record<string, unknown> = {}) => ({
  unitCode,
  period: PERIOD,
  sixNone: true,
  households: 200,
  safeFamilies: 190,
  centreStandardized: true,
  policeOnCommittee: false,
  ...overrides,
});

describe('indicators: reported forms, roll-up, review and locking (P3.3(三)2)', () => {
  let t: TestApp;
  let cadre: TestClient;
  let town: TestClient;
  let county: TestClient;
  let foreign: TestClient;
  const extra = `${PLACES.wangqiao}201`;

  beforeAll(async () => {
    t = await createTestApp();
    await buildVillage(t.ctx, { code: extra });
    await buildUser(t.ctx, { username: 'qj.cadre', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'jy.official', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'hy.official', regionCode: PLACES.huaiyuan, roles: ['official'] });
    cadre = await t.login('qj.cadre');
    town = await t.login('wq.official');
    county = await t.login('jy.official');
    foreign = await t.login('hy.official');
  });
  afterAll(() => t.close());

  const card = async (client: TestClient, regionCode: string, period = PERIOD) => {
    const res = await client.request('GET', `/api/indicators/scorecard?regionCode=${regionCode}&period=${period}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ScorecardDto>();
  };
  const indicator = (c: ScorecardDto, code: string) => {
    const found = c.indicators.find((i) => i.code === code);
    if (!found) throw new Error(`no ${code}`);
    return found;
  };

  it('lists the catalogue: reported forms, legal coverage registered by the legal module, event counts; seed targets preloaded', async () => {
    const res = await county.request('GET', '/api/indicators/catalogue');
    const codes = res.json<{ items: { code: string; kind: string }[] }>().items.map((i) => `${i.code}:${i.kind}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'safety.six_none:reported',
        'safety.safe_families:reported',
        'legal.poor_village_coverage:computed',
        'mediation.cases:computed',
      ]),
    );
    const targets = (await county.request('GET', '/api/indicators/targets')).json<{
      items: { indicatorCode: string; value: number; regionCode: string }[];
    }>().items;
    const byCode = Object.fromEntries(targets.filter((x) => x.regionCode === '00').map((x) => [x.indicatorCode, x.value]));
    expect(byCode).toMatchObject({
      'safety.six_none': 80,
      'safety.safe_families': 97,
      'safety.centre_standardized': 90,
      'safety.resident_police': 100,
      'legal.poor_village_coverage': 100,
      'mediation.staffing': 100,
    });
  });

  it('a village form shows on the next scorecard request at every level, and a correction replaces rather than adds', async () => {
    const before = indicator(await card(county, PLACES.jingyang), 'safety.six_none');
    expect(before.den).toBe(0);
    const res = await cadre.request('PUT', '/api/indicators/reports', report(PLACES.qujia));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', onTime: true, version: 1 });
    for (const region of [PLACES.qujia, PLACES.wangqiao, PLACES.jingyang]) {
      expect(indicator(await card(county, region), 'safety.six_none')).toMatchObject({ num: 1, den: 1, value: 100, status: 'met' });
    }
    // Nation and province rows, straight from the roll-up table: the village once at each level.
    const rows = await t.ctx.db
      .selectFrom('indicator_rollups')
      .select(['region_code', 'num', 'den'])
      .where('indicator_code', '=', 'safety.safe_families')
      .where('period', '=', PERIOD)
      .orderBy('region_code')
      .execute();
    expect(rows.map((r) => [r.region_code, Number(r.num), Number(r.den)])).toEqual(
      ['00', PLACES.shaanxi, PLACES.xianyang, PLACES.jingyang, PLACES.wangqiao, PLACES.qujia].map((c) => [c, 190, 200]),
    );

    const again = await cadre.request(
      'PUT',
      '/api/indicators/reports',
      report(PLACES.qujia, { sixNone: false, safeFamilies: 150, version: 1 }),
    );
    expect(again.statusCode, again.body).toBe(200);
    const c = await card(county, PLACES.jingyang);
    expect(indicator(c, 'safety.six_none')).toMatchObject({ num: 0, den: 1, value: 0, status: 'behind' });
    expect(indicator(c, 'safety.safe_families')).toMatchObject({ num: 150, den: 200, value: 75 });
    const stale = await cadre.request('PUT', '/api/indicators/reports', report(PLACES.qujia, { version: 1 }));
    expect(stale.statusCode).toBe(409);
  });

  it('refuses out-of-range values naming the field, and saves nothing', async () => {
    const over = await cadre.request('PUT', '/api/indicators/reports', report(PLACES.qujia, { period: '2025-Q3', safeFamilies: 201 }));
    expect(over.statusCode).toBe(400);
    expect(errorOf(over).fields).toEqual({ safeFamilies: '平安家庭户数不能超过总户数' });
    const zero = await cadre.request(
      'PUT',
      '/api/indicators/reports',
      report(PLACES.qujia, { period: '2025-Q3', households: 0, sixNone: 'yes' }),
    );
    expect(zero.statusCode).toBe(400);
    expect(errorOf(zero).fields).toMatchObject({ households: '总户数应为 1 到 100000 的整数', sixNone: '请选择是否达到“六无”' });
    const future = await cadre.request('PUT', '/api/indicators/reports', report(PLACES.qujia, { period: '2026-Q2' }));
    expect(errorOf(future).fields).toEqual({ period: '不能填报尚未开始的考核期' });
    const saved = await t.ctx.db.selectFrom('indicator_reports').select('id').where('period', 'in', ['2025-Q3', '2026-Q2']).execute();
    expect(saved).toEqual([]);
    const rolled = await t.ctx.db
      .selectFrom('indicator_rollups')
      .select('region_code')
      .where('period', 'in', ['2025-Q3', '2026-Q2'])
      .execute();
    expect(rolled).toEqual([]);
  });

  it('the town reviews: the village cannot approve its own form, a return needs a reason and takes the figures out', async () => {
    const list = (await town.request('GET', `/api/indicators/reports?period=${PERIOD}`)).json<{
      items: { id: string; unitCode: string; version: number; abilities: { review: boolean } }[];
    }>();
    const qujia = list.items.find((r) => r.unitCode === PLACES.qujia);
    expect(qujia?.abilities.review).toBe(true);
    const self = await cadre.request('POST', `/api/indicators/reports/${qujia?.id}/review`, {
      decision: 'approve',
      version: qujia?.version,
    });
    expect(self.statusCode).toBe(403);
    const noReason = await town.request('POST', `/api/indicators/reports/${qujia?.id}/review`, {
      decision: 'return',
      version: qujia?.version,
    });
    expect(errorOf(noReason).fields).toEqual({ note: '退回时请填写退回原因' });
    const returned = await town.request('POST', `/api/indicators/reports/${qujia?.id}/review`, {
      decision: 'return',
      note: '户数与台账不符',
      version: qujia?.version,
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: '户数与台账不符' });
    expect(indicator(await card(county, PLACES.jingyang), 'safety.six_none').den).toBe(0);

    const fixed = await cadre.request('PUT', '/api/indicators/reports', report(PLACES.qujia));
    expect(fixed.json()).toMatchObject({ status: 'submitted' });
    const approved = await town.request('POST', `/api/indicators/reports/${qujia?.id}/review`, {
      decision: 'approve',
      version: fixed.json<{ version: number }>().version,
    });
    expect(approved.json()).toMatchObject({ status: 'approved', reviewedBy: 'wq.official' });
    const edit = await cadre.request('PUT', '/api/indicators/reports', report(PLACES.qujia));
    expect(edit.statusCode).toBe(409);
    expect(errorOf(edit).message).toBe('该报表已审核通过，不能修改');

    const done = (await town.request('GET', `/api/indicators/completeness?regionCode=${PLACES.wangqiao}&period=${PERIOD}`)).json();
    expect(done).toMatchObject({ expected: 2, submitted: 1, onTime: 1, approved: 1 });
    expect(done.children.find((c: { code: string }) => c.code === extra)).toMatchObject({ expected: 1, submitted: 0 });
  });

  it('a locked period refuses forms with 409 and changes nothing', async () => {
    const villageLock = await town.request('POST', '/api/indicators/locks', { regionCode: extra, period: PERIOD });
    expect(villageLock.statusCode).toBe(400);
    expect((await town.request('POST', '/api/indicators/locks', { regionCode: PLACES.wangqiao, period: PERIOD })).statusCode).toBe(201);
    expect((await town.request('POST', '/api/indicators/locks', { regionCode: PLACES.wangqiao, period: PERIOD })).statusCode).toBe(409);
    const extraCadre = await buildUser(t.ctx, { regionCode: extra, roles: ['village_cadre'] });
    const late = await (await t.login(extraCadre.username)).request('PUT', '/api/indicators/reports', report(extra));
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).message).toBe('该考核期已锁定，不能再填报或修改');
    expect(await t.ctx.db.selectFrom('indicator_reports').select('id').where('unit_code', '=', extra).execute()).toEqual([]);
    expect((await town.request('GET', `/api/indicators/reports/form?unitCode=${extra}&period=${PERIOD}`)).json()).toMatchObject({
      locked: true,
      report: null,
    });
    expect((await town.request('GET', `/api/indicators/completeness?regionCode=${PLACES.wangqiao}&period=${PERIOD}`)).json()).toMatchObject(
      { locked: true },
    );
    expect(indicator(await card(county, PLACES.wangqiao), 'safety.six_none').den).toBe(1);
  });

  it('keeps places apart: another county answers 404, a village sees only its own form', async () => {
    expect((await foreign.request('GET', `/api/indicators/scorecard?regionCode=${PLACES.jingyang}&period=${PERIOD}`)).statusCode).toBe(404);
    expect((await foreign.request('GET', `/api/indicators/reports/form?unitCode=${PLACES.qujia}&period=${PERIOD}`)).statusCode).toBe(404);
    expect((await cadre.request('GET', `/api/indicators/reports/form?unitCode=${PLACES.wangjia}&period=${PERIOD}`)).statusCode).toBe(404);
    expect((await foreign.request('PUT', '/api/indicators/reports', report(PLACES.qujia))).statusCode).toBe(404);
    const own = await foreign.request('GET', `/api/indicators/reports?period=${PERIOD}`);
    expect(own.json().items).toEqual([]);
  });

  it('a county target overrides the national one; children are ranked and drill down to villages', async () => {
    const target = await county.request('POST', '/api/indicators/targets', {
      indicatorCode: 'safety.resident_police',
      regionCode: PLACES.jingyang,
      comparison: 'gte',
      value: 0,
      dueDate: '2026-12-31',
    });
    expect(target.statusCode, target.body).toBe(201);
    const bad = await county.request('POST', '/api/indicators/targets', {
      indicatorCode: 'safety.six_none',
      regionCode: PLACES.jingyang,
      comparison: 'gte',
      value: 120,
      dueDate: '2026-12-31',
    });
    expect(errorOf(bad).fields).toEqual({ value: '百分比目标值应在 0 到 100 之间' });
    const c = await card(county, PLACES.jingyang);
    expect(indicator(c, 'safety.resident_police')).toMatchObject({
      value: 0,
      status: 'met',
      target: { value: 0, regionCode: PLACES.jingyang },
    });
    expect(indicator(c, 'safety.six_none').target).toMatchObject({ value: 80, regionCode: '00' });
    expect(c.children.map((x) => x.code)).toEqual(expect.arrayContaining([PLACES.wangqiao, PLACES.anwu, PLACES.jinggan]));
    expect(c.children[0]).toMatchObject({ code: PLACES.wangqiao, rank: 1 });
    const villages = await card(county, PLACES.wangqiao);
    expect(villages.children.map((v) => [v.code, v.values['safety.six_none']])).toEqual([
      [PLACES.qujia, 100],
      [extra, null],
    ]);
    expect(indicator(c, 'safety.six_none').trend.map((p) => p.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);

    const xlsx = await county.request('GET', `/api/indicators/scorecard.xlsx?regionCode=${PLACES.jingyang}&period=${PERIOD}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(2).value).toBe('泾阳县（合计）');
    expect(sheet?.getRow(1).values).toContain('“六无”村（社区）创建率（%）');
    expect((await cadre.request('GET', `/api/indicators/scorecard.xlsx?period=${PERIOD}`)).statusCode).toBe(403);
  });
});

describe('indicators: todo items', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.advance(90 * 24 * 3600 * 1000); // 2026-04-05: the 2026-Q1 form is due
    await buildUser(t.ctx, { username: 'qj.cadre', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
  });
  afterAll(() => t.close());

  it('a village is reminded of its form; once sent, the town sees one to review', async () => {
    const cadre = await t.login('qj.cadre');
    const town = await t.login('wq.official');
    const todos = async (client: TestClient) =>
      (await client.request('GET', '/api/todos'))
        .json<{ items: { kind: string; count: number }[] }>()
        .items.filter((i) => i.kind.startsWith('indicators.'));
    expect(await todos(cadre)).toEqual([expect.objectContaining({ kind: 'indicators.report', count: 1 })]);
    expect(await todos(town)).toEqual([]);
    const res = await cadre.request('PUT', '/api/indicators/reports', report(PLACES.qujia, { period: '2026-Q1' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(await todos(cadre)).toEqual([]);
    expect(await todos(town)).toEqual([expect.objectContaining({ kind: 'indicators.review', count: 1 })]);
  });
});
