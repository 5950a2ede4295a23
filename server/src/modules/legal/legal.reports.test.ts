import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

function idNumber(seq: number): string {
  const body = `61042319750101${String(seq).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}

/** The text of a .docx, from its main part. */
async function docxText(body: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')?.async('string');
  return (xml ?? '').replace(/<[^>]+>/g, '');
}

const entry = (servedAt: string, overrides: Record<string, unknown> = {}) => ({
  villageCode: PLACES.qujia,
  window: 'onsite',
  servedAt,
  serviceType: 'consultation',
  subjectKind: 'person',
  subjectName: '屈某',
  content: `咨询 ${servedAt}`,
  result: '已解答',
  durationMinutes: 30,
  ...overrides,
});

describe('legal: norms and compliance, dashboard, dossier, the room and its notice (P1.4(1), P1.4(3))', () => {
  let t: TestApp;
  let county: TestClient;
  const second = `${PLACES.wangqiao}201`;

  beforeAll(async () => {
    t = await createTestApp();
    await buildVillage(t.ctx, { code: second });
    await buildUser(t.ctx, { username: 'jy.reports', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'hy.reports', regionCode: PLACES.huaiyuan, roles: ['official'] });
    county = await t.login('jy.reports');
    const advisor = (
      await county.request('POST', '/api/legal/advisors', {
        regionCode: PLACES.jingyang,
        name: '赵卫东',
        gender: 'male',
        phone: '13912347777',
        idNumber: idNumber(7),
        category: 'retired_judge',
      })
    ).json<{ id: string }>();
    for (const village of [PLACES.qujia, second])
      await county.request('POST', '/api/legal/assignments', { advisorId: advisor.id, villageCode: village, startDate: '2025-06-01' });
    // 屈家村: two on-site services in December 2025 and one 法治宣传; the second village none.
    for (const at of ['2025-12-03T09:00:00+08:00', '2025-12-20T15:00:00+08:00'])
      await county.request('POST', '/api/legal/services', entry(at));
    await county.request(
      'POST',
      '/api/legal/services',
      entry('2025-12-28T10:00:00+08:00', {
        window: 'hotline',
        serviceType: 'publicity',
        subjectKind: 'village',
        attendance: 60,
        content: '广播宣讲反电诈',
      }),
    );
    // A service on 2026-01-01 00:30 in China is still December 31st in UTC: it belongs to 2026.
    await county.request('POST', '/api/legal/services', entry('2026-01-01T00:30:00+08:00'));
  });
  afterAll(() => t.close());

  it('compliance shows who meets the norms for a period and who is behind', async () => {
    const monthly = await county.request('POST', '/api/legal/norms', {
      regionCode: PLACES.jingyang,
      name: '每月到村服务',
      window: 'onsite',
      period: 'month',
      minCount: 1,
    });
    expect(monthly.statusCode, monthly.body).toBe(201);
    await county.request('POST', '/api/legal/norms', {
      regionCode: PLACES.wangqiao,
      name: '每季度法治宣传',
      serviceType: 'publicity',
      period: 'quarter',
      minCount: 1,
    });
    const bad = await county.request('POST', '/api/legal/norms', { regionCode: PLACES.jingyang, name: '', period: 'week', minCount: 0 });
    expect(errorOf(bad).fields).toMatchObject({
      name: '请填写规范名称',
      period: '请选择考核周期',
      minCount: '最少次数应为 1 至 100 的整数',
    });

    const december = (await county.request('GET', `/api/legal/compliance?regionCode=${PLACES.wangqiao}&period=2025-12`)).json<{
      villages: number;
      behind: number;
      items: { villageCode: string; behind: boolean; norms: { done: number; required: number }[] }[];
      advisors: { advisorName: string; villages: number; behind: number }[];
    }>();
    expect(december).toMatchObject({ villages: 2, behind: 1, advisors: [{ advisorName: '赵卫东', villages: 2, behind: 1 }] });
    expect(december.items.map((i) => [i.villageCode, i.behind, i.norms.map((n) => [n.done, n.required])])).toEqual([
      [second, true, [[0, 1]]],
      [PLACES.qujia, false, [[2, 1]]],
    ]);
    const quarter = (
      await county.request('GET', `/api/legal/compliance?regionCode=${PLACES.wangqiao}&period=2025-Q4&behindOnly=true`)
    ).json<{ behind: number; items: { villageCode: string }[] }>();
    expect(quarter).toMatchObject({ behind: 1, items: [{ villageCode: second }] });
    expect((await county.request('GET', '/api/legal/compliance?period=2025-13')).statusCode).toBe(400);

    // A norm naming both a window and a type counts only those services (屈家村's hotline 法治宣传).
    await county.request('POST', '/api/legal/norms', {
      regionCode: PLACES.wangqiao,
      name: '每月热线宣传',
      window: 'hotline',
      serviceType: 'publicity',
      period: 'month',
      minCount: 1,
    });
    const both = (
      await county.request('GET', `/api/legal/compliance?regionCode=${PLACES.wangqiao}&period=2025-12&page=2&pageSize=1`)
    ).json<{
      villages: number;
      behind: number;
      total: number;
      items: { villageCode: string; behind: boolean; norms: { done: number; required: number }[] }[];
    }>();
    expect(both).toMatchObject({ villages: 2, behind: 1, total: 2 });
    expect(both.items.map((i) => [i.villageCode, i.behind, i.norms.map((n) => [n.done, n.required])])).toEqual([
      [
        PLACES.qujia,
        false,
        [
          [2, 1],
          [1, 1],
        ],
      ],
    ]);
  });

  it('the dashboard counts services by month, type and window, per child region', async () => {
    const dto = (await county.request('GET', `/api/legal/dashboard?regionCode=${PLACES.jingyang}&year=2025`)).json<{
      total: number;
      byWindow: { window: string; count: number }[];
      byType: { serviceType: string; count: number }[];
      byMonth: { month: string; count: number }[];
      children: { code: string; total: number }[];
      coverage: { covered: number };
      compliance: { villages: number; behind: number };
    }>();
    expect(dto.total).toBe(3);
    expect(dto.byWindow).toEqual([
      { window: 'onsite', count: 2 },
      { window: 'hotline', count: 1 },
      { window: 'online', count: 0 },
    ]);
    expect(dto.byType.find((b) => b.serviceType === 'publicity')?.count).toBe(1);
    expect(dto.byMonth.find((m) => m.month === '2025-12')?.count).toBe(3);
    expect(dto.children.find((c) => c.code === PLACES.wangqiao)?.total).toBe(3);
    expect(dto.coverage.covered).toBe(2);
    // This month's compliance: both served villages are judged (no service recorded in it yet).
    expect(dto.compliance).toMatchObject({ villages: 2, behind: 2 });
    const next = (await county.request('GET', `/api/legal/dashboard?regionCode=${PLACES.wangqiao}&year=2026`)).json<{
      total: number;
      children: { code: string; total: number }[];
    }>();
    expect(next.total).toBe(1);
    expect(next.children.find((c) => c.code === PLACES.qujia)?.total).toBe(1);
    const other = await (await t.login('hy.reports')).request('GET', `/api/legal/dashboard?regionCode=${PLACES.jingyang}&year=2025`);
    expect(other.statusCode).toBe(404);
  });

  it('the village dossier .docx and the ledger .xlsx hold every entry of the year, read back', async () => {
    const docx = await county.request('GET', `/api/legal/dossiers/${PLACES.qujia}.docx?year=2025`);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('泾阳县王桥镇屈家村2025年法律顾问工作档案.docx');
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('村（社区）法律顾问工作档案');
    expect(text).toContain('法律顾问：赵卫东');
    expect(text).toContain('服务内容：广播宣讲反电诈');
    expect(text).toContain('服务记录：3 条');
    expect(text).toContain('广播宣讲反电诈');
    expect(text).toContain('参加人数：60 人');
    expect(text).toContain('法律顾问（签字）');
    expect(text).not.toContain('咨询 2026-01-01');

    const xlsx = await county.request('GET', `/api/legal/dossiers/${PLACES.qujia}.xlsx?year=2025`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(2).values).toEqual(expect.arrayContaining([1, '2025-12-03 09:00', '实体窗口', '法律咨询', '赵卫东']));
    expect(sheet?.getRow(4).values).toEqual(expect.arrayContaining(['热线', '法治宣传', 60]));
  });

  it('a town gets one dossier per village in a .zip; exports are audited', async () => {
    const zip = await county.request('GET', `/api/legal/dossiers/batch/${PLACES.wangqiao}.zip?year=2025`);
    expect(zip.statusCode).toBe(200);
    const files = Object.keys((await JSZip.loadAsync(zip.rawPayload)).files).sort();
    expect(files).toEqual(['泾阳县王桥镇屈家村2025年法律顾问工作档案.docx', '泾阳县王桥镇测试201村2025年法律顾问工作档案.docx'].sort());
    const audits = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'export.legal_dossier').execute();
    expect(audits.map((a) => (JSON.parse(a.detail ?? '{}') as { kind: string }).kind)).toEqual(['docx', 'xlsx', 'zip']);
  });

  it("pilot villages come from the programmes module's events, and coverage counts them", async () => {
    const third = `${PLACES.wangqiao}202`;
    await buildVillage(t.ctx, { code: third });
    const designation = { programId: 'p1', title: '县级乡村治理示范村' };
    const publish = (type: 'programs.designated' | 'programs.revoked', regionCode: string, designationId: string) =>
      t.ctx.db.transaction().execute((tx) =>
        t.ctx.events.publish(
          tx,
          type === 'programs.designated'
            ? {
                type,
                regionCode,
                occurredOn: '2026-01-02',
                payload: { ...designation, designationId, unitLevel: 'village', organiserRegion: PLACES.jingyang },
              }
            : { type, regionCode, occurredOn: '2026-01-02', payload: { ...designation, designationId, reason: '测试撤销' } },
        ),
      );
    await publish('programs.designated', PLACES.qujia, 'd1');
    await publish('programs.designated', third, 'd2');
    await publish('programs.designated', PLACES.wangqiao, 'd3');
    const before = (await county.request('GET', `/api/legal/coverage?regionCode=${PLACES.wangqiao}`)).json<{ pilot: unknown }>();
    expect(before.pilot).toEqual({ villages: 2, covered: 1, rate: 0.5 });
    await publish('programs.revoked', third, 'd2');
    const after = (await county.request('GET', `/api/legal/coverage?regionCode=${PLACES.wangqiao}`)).json<{ pilot: unknown }>();
    expect(after.pilot).toEqual({ villages: 1, covered: 1, rate: 1 });
  });

  it('the room and its printable notice: place, hours, hotline, the advisor, a QR code to the online page', async () => {
    const defaults = (await county.request('GET', `/api/legal/rooms/${PLACES.qujia}`)).json();
    expect(defaults).toMatchObject({ configured: false, hotline: '12348', advisorName: '赵卫东' });
    const saved = await county.request('PUT', `/api/legal/rooms/${PLACES.qujia}`, {
      place: '屈家村党群服务中心二楼',
      hours: '每周三 9:00-12:00',
      hotline: '029-36212348',
    });
    expect(saved.json()).toMatchObject({ configured: true, place: '屈家村党群服务中心二楼' });
    const wrong = await county.request('PUT', `/api/legal/rooms/${PLACES.qujia}`, { place: '', hours: '', hotline: 'abc' });
    expect(errorOf(wrong).fields).toMatchObject({ place: '请填写服务室地点', hours: '请填写开放时间', hotline: '请填写服务热线' });
    const notice = (await county.request('GET', `/api/legal/rooms/${PLACES.qujia}/notice`)).json<{
      advisorPhone: string;
      consultUrl: string;
      qrSvg: string;
    }>();
    expect(notice).toMatchObject({
      advisorPhone: '13912347777',
      consultUrl: expect.stringContaining(`/m/legal/ask?village=${PLACES.qujia}`),
    });
    expect(notice.qrSvg).toMatch(/^<svg/);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'export.legal_notice').execute();
    expect(audit).toHaveLength(1);
  });
});
