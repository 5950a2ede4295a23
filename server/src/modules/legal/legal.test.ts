import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { personalNumbersIn } from '../../testing/personal-numbers.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

/** A valid 身份证号 for a test person (checksum computed). */
function idNumber(seq: number): string {
  const body = `61042319850101${String(seq).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}

const advisorBody = (seq: number, overrides: Record<string, unknown> = {}) => ({
  regionCode: PLACES.jingyang,
  name: `顾问${seq}`,
  gender: 'male',
  phone: `1391234${String(5000 + seq)}`,
  idNumber: idNumber(seq),
  category: 'practising_lawyer',
  employerName: '陕西泾渭律师事务所',
  employerUscc: '91350100M000100Y43',
  contractStart: '2026-01-01',
  contractEnd: '2026-12-31',
  contractFeeFen: 1_200_000,
  ...overrides,
});

describe('legal: advisor roster, assignments and coverage (P1.4(2))', () => {
  let t: TestApp;
  let county: TestClient;
  const extraVillages = [`${PLACES.wangqiao}201`, `${PLACES.wangqiao}202`, `${PLACES.wangqiao}203`];

  beforeAll(async () => {
    t = await createTestApp();
    for (const code of extraVillages) await buildVillage(t.ctx, { code });
    // 屈家村 and 201 are poor villages.
    await t.ctx.db
      .updateTable('regions')
      .set({ is_poor: 1 })
      .where('code', 'in', [PLACES.qujia, extraVillages[0] ?? ''])
      .execute();
    await buildUser(t.ctx, { username: 'jy.legal', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'hy.legal', regionCode: PLACES.huaiyuan, roles: ['official'] });
    await buildUser(t.ctx, { username: 'qj.legal', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    county = await t.login('jy.legal');
  });
  afterAll(() => t.close());

  async function createAdvisor(seq: number, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await county.request('POST', '/api/legal/advisors', advisorBody(seq, overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  it('registers an advisor with phone and ID number encrypted at rest and masked in the answer', async () => {
    const res = await county.request('POST', '/api/legal/advisors', advisorBody(1));
    expect(res.statusCode).toBe(201);
    const dto = res.json();
    expect(dto).toMatchObject({
      name: '顾问1',
      phone: '139****5001',
      idNumber: '6104**********' + idNumber(1).slice(-4),
      status: 'active',
      currentVillages: [],
      regionName: '泾阳县',
    });
    const row = await t.ctx.db.selectFrom('legal_advisors').selectAll().where('id', '=', dto.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idNumber(1));
    expect(JSON.stringify(row)).not.toContain('13912345001');
    expect(t.ctx.cipher.decrypt(row.id_number_enc)).toBe(idNumber(1));
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('object_id', '=', dto.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('legal.advisor_create');
    expect(audit.detail).not.toMatch(/\d{17}[\dX]/);
  });

  it('names each wrong field in Chinese and refuses a second registration of the same person', async () => {
    const res = await county.request(
      'POST',
      '/api/legal/advisors',
      advisorBody(2, { idNumber: '610423198501010000', phone: '12345', employerUscc: '91350100M000100Y44', contractEnd: '2025-01-01' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      idNumber: '身份证号码校验不通过',
      phone: '手机号码格式不正确',
      employerUscc: '统一社会信用代码校验不通过',
    });
    const period = await county.request('POST', '/api/legal/advisors', advisorBody(2, { contractEnd: '2025-01-01' }));
    expect(period.json().error.fields).toEqual({ contractEnd: '合同结束日期不能早于开始日期' });
    const again = await county.request('POST', '/api/legal/advisors', advisorBody(1, { name: '另一个名字' }));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual({ idNumber: '该身份证号码已登记在法律顾问名册中' });
  });

  it('keeps one current advisor per village: a second gets 409, a hand-over keeps the history', async () => {
    const a = await createAdvisor(10);
    const b = await createAdvisor(11);
    const first = await county.request('POST', '/api/legal/assignments', {
      advisorId: a,
      villageCode: PLACES.qujia,
      startDate: '2026-03-01',
    });
    expect(first.statusCode).toBe(201);
    const second = await county.request('POST', '/api/legal/assignments', {
      advisorId: b,
      villageCode: PLACES.qujia,
      startDate: '2026-03-02',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('该村（社区）已有在岗法律顾问，请使用“交接”');

    const early = await county.request('POST', `/api/legal/assignments/${first.json().id}/handover`, { advisorId: b, date: '2026-02-01' });
    expect(early.statusCode).toBe(400);
    const handover = await county.request('POST', `/api/legal/assignments/${first.json().id}/handover`, {
      advisorId: b,
      date: '2026-06-01',
    });
    expect(handover.statusCode).toBe(201);
    expect(handover.json()).toMatchObject({
      advisorId: b,
      villageCode: PLACES.qujia,
      villagePath: '泾阳县王桥镇屈家村',
      startDate: '2026-06-01',
      current: true,
    });
    const rows = await t.ctx.db
      .selectFrom('legal_assignments')
      .selectAll()
      .where('village_code', '=', PLACES.qujia)
      .orderBy('start_date')
      .execute();
    expect(rows.map((r) => [r.advisor_id, r.start_date, r.end_date, r.end_reason])).toEqual([
      [a, '2026-03-01', '2026-06-01', '交接'],
      [b, '2026-06-01', null, null],
    ]);
    const history = (await county.request('GET', `/api/legal/advisors/${a}`)).json();
    expect(history.currentVillages).toEqual([]);
    expect(history.assignments).toEqual([expect.objectContaining({ villageCode: PLACES.qujia, endDate: '2026-06-01', current: false })]);
    const ended = await county.request('POST', `/api/legal/assignments/${first.json().id}/end`, { date: '2026-07-01' });
    expect(ended.statusCode).toBe(409);
  });

  it('refuses villages outside the advisor’s roster region, places that are not villages, and advisors off duty', async () => {
    const a = await createAdvisor(20, { regionCode: PLACES.anwu });
    const outside = await county.request('POST', '/api/legal/assignments', {
      advisorId: a,
      villageCode: extraVillages[1],
      startDate: '2026-03-01',
    });
    expect(outside.json().error.fields).toEqual({ villageCode: '只能安排到法律顾问所属辖区内的村（社区）' });
    const town = await county.request('POST', '/api/legal/assignments', {
      advisorId: a,
      villageCode: PLACES.anwu,
      startDate: '2026-03-01',
    });
    expect(town.json().error.fields).toEqual({ villageCode: '请选择村（社区）' });
    const dto = (await county.request('GET', `/api/legal/advisors/${a}`)).json();
    expect((await county.request('PATCH', `/api/legal/advisors/${a}`, { version: dto.version, status: 'suspended' })).statusCode).toBe(200);
    const suspended = await county.request('POST', '/api/legal/assignments', {
      advisorId: a,
      villageCode: PLACES.wangjia,
      startDate: '2026-03-01',
    });
    expect(suspended.json().error.fields).toEqual({ advisorId: '该法律顾问不在岗，不能安排驻村' });
    const stale = await county.request('PATCH', `/api/legal/advisors/${a}`, { version: dto.version, name: '改名' });
    expect(stale.statusCode).toBe(409);
  });

  it('answers 404 to another county’s official and to a village cadre for the county’s roster entry', async () => {
    const a = await createAdvisor(30);
    const other = await t.login('hy.legal');
    expect((await other.request('GET', `/api/legal/advisors/${a}`)).statusCode).toBe(404);
    expect(
      (await other.request('POST', '/api/legal/assignments', { advisorId: a, villageCode: extraVillages[2], startDate: '2026-03-01' }))
        .statusCode,
    ).toBe(404);
    const list = (await other.request('GET', '/api/legal/advisors')).json();
    expect(list.total).toBe(0);
    // Decision 76: a cadre reads their village's legal work; the roster is the county's, outside their village.
    const cadre = await t.login('qj.legal');
    expect((await cadre.request('GET', '/api/legal/advisors')).json()).toMatchObject({ items: [], total: 0, abilities: { create: false } });
    expect((await cadre.request('GET', `/api/legal/advisors/${a}`)).statusCode).toBe(404);
  });

  it('counts coverage from the assignments, overall and for poor villages, down to the towns', async () => {
    const before = (await county.request('GET', `/api/legal/coverage?regionCode=${PLACES.wangqiao}`)).json();
    // 王桥镇: 屈家村 (poor, covered since the hand-over) and three built villages (201 poor).
    expect(before).toMatchObject({ villages: 4, covered: 1, uncovered: 3, poor: { villages: 2, covered: 1, rate: 0.5 } });
    const a = await createAdvisor(40);
    expect(
      (await county.request('POST', '/api/legal/assignments', { advisorId: a, villageCode: extraVillages[0], startDate: '2026-03-01' }))
        .statusCode,
    ).toBe(201);
    const after = (await county.request('GET', `/api/legal/coverage?regionCode=${PLACES.wangqiao}`)).json();
    expect(after).toMatchObject({ villages: 4, covered: 2, uncovered: 2, rate: 0.5, poor: { villages: 2, covered: 2, rate: 1 } });
    const countyView = (await county.request('GET', '/api/legal/coverage')).json();
    const wangqiao = countyView.children.find((c: { code: string }) => c.code === PLACES.wangqiao);
    expect(wangqiao).toMatchObject({ name: '王桥镇', level: 'town', villages: 4, covered: 2, poorVillages: 2, poorCovered: 2 });
    expect(countyView.villages).toBe(countyView.children.reduce((n: number, c: { villages: number }) => n + c.villages, 0));
    const uncovered = (await county.request('GET', `/api/legal/coverage/uncovered?regionCode=${PLACES.wangqiao}`)).json();
    expect(uncovered.items.map((v: { code: string }) => v.code)).toEqual([extraVillages[1], extraVillages[2]]);
    const poorOnly = (await county.request('GET', `/api/legal/coverage/uncovered?regionCode=${PLACES.wangqiao}&poorOnly=true`)).json();
    expect(poorOnly).toEqual({ items: [], total: 0 });
  });

  it('exports the uncovered villages to .xlsx and audits the export', async () => {
    const res = await county.request('GET', `/api/legal/coverage/uncovered.xlsx?regionCode=${PLACES.wangqiao}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows[0]).toEqual(['区划代码', '村（社区）', '贫困村']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([extraVillages[1], extraVillages[2]]);
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'export.legal_uncovered')
      .executeTakeFirst();
    expect(entry?.actor_name).toBe('jy.legal');
  });

  it('reveals a full ID number only on request, audited, and never elsewhere', async () => {
    const a = await createAdvisor(50);
    const revealed = await county.request('POST', `/api/legal/advisors/${a}/reveal`, { field: 'idNumber' });
    expect(revealed.json()).toEqual({ value: idNumber(50) });
    expect(
      await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'legal.reveal')
        .where('object_id', '=', a)
        .executeTakeFirst(),
    ).toBeDefined();
    const leaks = t.responses.filter((r) => !r.url.endsWith('/reveal') && personalNumbersIn(r.body).length > 0);
    expect(leaks.map((r) => r.url)).toEqual([]);
  });
});
