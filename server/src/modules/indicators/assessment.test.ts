import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import type { RoundDto } from '@rg/domain/indicators/indicators.schema';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

const TOWNS = [PLACES.wangqiao, PLACES.anwu, PLACES.jinggan];
const MANUAL: Record<string, Record<string, number>> = {
  [PLACES.wangqiao]: { measures: 19, responsibility: 18, service: 18.5, guarantee: 14 },
  [PLACES.anwu]: { measures: 16, responsibility: 15, service: 14, guarantee: 12 },
  [PLACES.jinggan]: { measures: 12, responsibility: 10, service: 11, guarantee: 9 },
};

describe('assessment: P1.5(3) five aspects, auto-filled items, grades, ranking and 以奖代补', () => {
  let t: TestApp;
  let county: TestClient;
  let inspector: TestClient;
  let other: TestClient;
  let roundId = '';

  beforeAll(async () => {
    t = await createTestApp();
    await t.ctx.db.updateTable('regions').set({ is_poor: 1 }).where('code', 'in', [PLACES.qujia, PLACES.wangjia]).execute();
    await buildUser(t.ctx, { username: 'jy.official', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'jy.inspector', regionCode: PLACES.jingyang, roles: ['inspector'] });
    await buildUser(t.ctx, { username: 'jy.inspector2', regionCode: PLACES.jingyang, roles: ['inspector'] });
    county = await t.login('jy.official');
    inspector = await t.login('jy.inspector');
    other = await t.login('jy.inspector2');
    // 屈家村 (poor, 王桥镇) gets an advisor through the legal module's API; 王家村 (poor, 安吴镇) does not.
    const body = '61042319850101001';
    const advisor = await county.request('POST', '/api/legal/advisors', {
      regionCode: PLACES.jingyang,
      name: '考核顾问',
      gender: 'male',
      phone: '13912345001',
      idNumber: `${body}${idCardCheckChar(body)}`,
      category: 'practising_lawyer',
    });
    expect(advisor.statusCode, advisor.body).toBe(201);
    const assigned = await county.request('POST', '/api/legal/assignments', {
      advisorId: advisor.json().id,
      villageCode: PLACES.qujia,
      startDate: '2026-01-02',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
  });
  afterAll(() => t.close());

  const round = async () => (await county.request('GET', `/api/indicators/rounds/${roundId}`)).json<RoundDto>();

  it('creates a round over the county’s towns; units outside the county are refused', async () => {
    const base = {
      templateCode: 'p1.5-five-aspects',
      name: '2026年度五个到位考核',
      regionCode: PLACES.jingyang,
      period: '2026-Q1',
      startsOn: '2026-01-05',
      endsOn: '2026-02-28',
      assessors: ['jy.inspector'],
    };
    const outside = await county.request('POST', '/api/indicators/rounds', { ...base, unitCodes: [PLACES.wangqiao, PLACES.wanfu] });
    expect(errorOf(outside).fields).toEqual({ unitCodes: '被考核单位须在组织考核的区域内' });
    const res = await county.request('POST', '/api/indicators/rounds', { ...base, unitCodes: TOWNS });
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json<RoundDto>().id;
    expect(res.json<RoundDto>().template.items.map((i) => `${i.name}:${i.maxScore}`)).toEqual([
      '措施到位:20',
      '责任到位:20',
      '人员到位:25',
      '服务到位:20',
      '保障到位:15',
    ]);
  });

  it('refuses a score above the item’s maximum, an auto item, and an assessor not named for the round', async () => {
    const over = await inspector.request('PUT', `/api/indicators/rounds/${roundId}/scores`, {
      unitCode: PLACES.wangqiao,
      itemCode: 'measures',
      score: 20.5,
    });
    expect(over.statusCode).toBe(400);
    expect(errorOf(over)).toMatchObject({ message: '得分不能超过该项目满分 20 分', fields: { score: '得分超过了该项目的满分' } });
    const auto = await inspector.request('PUT', `/api/indicators/rounds/${roundId}/scores`, {
      unitCode: PLACES.wangqiao,
      itemCode: 'personnel',
      score: 10,
    });
    expect(errorOf(auto).fields).toEqual({ itemCode: '该项目由指标自动计分，不能手工打分' });
    const stranger = await other.request('PUT', `/api/indicators/rounds/${roundId}/scores`, {
      unitCode: PLACES.wangqiao,
      itemCode: 'measures',
      score: 10,
    });
    expect(stranger.statusCode).toBe(403);
    // Only the indicator item, filled when the round was created; no manual score was saved.
    expect(await t.ctx.db.selectFrom('assessment_scores').select(['item_code', 'auto']).distinct().execute()).toEqual([
      { item_code: 'personnel', auto: 1 },
    ]);
  });

  it('fills the personnel item from the poor-village advisor coverage, sums, grades and ranks', async () => {
    // The manual items are still missing: no allocation yet.
    const early = await county.request('POST', `/api/indicators/rounds/${roundId}/allocation`, {
      poolFen: 1_000_000,
      rule: { kind: 'proportional' },
    });
    expect(early.statusCode).toBe(409);
    for (const [unitCode, items] of Object.entries(MANUAL)) {
      for (const [itemCode, score] of Object.entries(items)) {
        const res = await inspector.request('PUT', `/api/indicators/rounds/${roundId}/scores`, {
          unitCode,
          itemCode,
          score,
          evidence: [{ kind: 'ledger', ref: `/legal/ledger?village=${unitCode}`, label: '服务台账' }],
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const filled = await inspector.request('POST', `/api/indicators/rounds/${roundId}/autofill`);
    expect(filled.statusCode, filled.body).toBe(200);
    const r = await round();
    const byUnit = Object.fromEntries(r.results.map((x) => [x.unitCode, x]));
    const personnel = (code: string) => byUnit[code]?.items.find((i) => i.itemCode === 'personnel');
    expect(personnel(PLACES.wangqiao)).toMatchObject({ score: 25, auto: true });
    expect(personnel(PLACES.wangqiao)?.evidence[0]?.label).toContain('贫困村法律顾问配备率 100%');
    expect(personnel(PLACES.anwu)).toMatchObject({ score: 0, auto: true });
    const sum = (code: string) => Object.values(MANUAL[code] ?? {}).reduce((a, b) => a + b, 0) + (personnel(code)?.score ?? 0);
    expect(r.results.map((x) => [x.unitCode, x.score, x.grade, x.rank])).toEqual([
      [PLACES.wangqiao, sum(PLACES.wangqiao), 'excellent', 1],
      [PLACES.anwu, sum(PLACES.anwu), 'fail', 2],
      [PLACES.jinggan, sum(PLACES.jinggan), 'fail', 3],
    ]);
  });

  it('shares the pool in 分 exactly, shows the calculation and exports it for the finance office', async () => {
    const tooSmall = await county.request('POST', `/api/indicators/rounds/${roundId}/allocation`, {
      poolFen: 1_000_001,
      rule: { kind: 'proportional', capFen: 300_000 },
    });
    expect(errorOf(tooSmall).fields).toEqual({ poolFen: '封顶金额合计小于资金池，无法分完' });
    const res = await county.request('POST', `/api/indicators/rounds/${roundId}/allocation`, {
      poolFen: 1_000_001,
      rule: { kind: 'proportional', capFen: 500_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<RoundDto>();
    const amounts = r.results.map((x) => x.allocationFen ?? 0);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(1_000_001);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(500_000);
    expect(r.results[0]?.calculation).toMatch(/封顶|得分/);
    expect(
      (await inspector.request('POST', `/api/indicators/rounds/${roundId}/allocation`, { poolFen: 100, rule: { kind: 'proportional' } }))
        .statusCode,
    ).toBe(403);

    const xlsx = await county.request('GET', `/api/indicators/rounds/${roundId}/allocation.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const last = sheet?.getRow(sheet.rowCount);
    expect(last?.getCell(1).value).toBe('合计');
    expect(last?.getCell(7).value).toBe(1_000_001);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', roundId).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'indicators.round_create',
        'indicators.score',
        'indicators.score_autofill',
        'indicators.subsidy_allocate',
        'export.indicators_subsidy',
      ]),
    );
  });

  it('another county cannot see the round', async () => {
    await buildUser(t.ctx, { username: 'hy.official', regionCode: PLACES.huaiyuan, roles: ['official'] });
    const foreign = await t.login('hy.official');
    expect((await foreign.request('GET', `/api/indicators/rounds/${roundId}`)).statusCode).toBe(404);
    expect((await foreign.request('GET', '/api/indicators/rounds')).json().items).toEqual([]);
  });
});
