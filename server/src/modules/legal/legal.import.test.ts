import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function idNumber(seq: number): string {
  const body = `61042319900202${String(seq).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}

describe('legal: advisor import from the .xlsx template', () => {
  let t: TestApp;
  let official: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'jy.import', regionCode: PLACES.jingyang, roles: ['official'] });
    official = await t.login('jy.import');
  });
  afterAll(() => t.close());

  const upload = (body: Buffer, regionCode: string = PLACES.jingyang) =>
    t.app.inject({
      method: 'POST',
      url: `/api/legal/advisors/import?regionCode=${regionCode}`,
      headers: { cookie: official.cookie ?? '', 'x-csrf-token': official.csrfToken, 'content-type': XLSX },
      payload: body,
    });

  async function filledTemplate(rows: (string | number | Date)[][]): Promise<Buffer> {
    const template = await official.request('GET', '/api/legal/advisors/template.xlsx');
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    for (const row of rows) sheet?.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const advisorCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('legal_advisors')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports the good rows and lists each bad one with its row number and reason', async () => {
    const file = await filledTemplate([
      [
        '张三',
        '男',
        '13912340001',
        idNumber(1),
        '执业律师',
        '陕西泾渭律师事务所',
        '91350100M000100Y43',
        '16104200000001',
        new Date('2026-01-01'),
        '2026-12-31',
        12000,
      ],
      ['李四', '女', '13912340002', idNumber(2), '法律专业学生志愿者', '', '', '', '', '', ''],
      ['王五', '未知', '139', '610423199002020000', '律师', '', '', '', '', '', 'abc'],
      ['赵六', '男', '13912340004', idNumber(1), '退休法官', '', '', '', '', '', ''],
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ imported: number; errors: { row: number; field: string; message: string }[] }>();
    expect(body.imported).toBe(2);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { row: 4, field: '性别（男/女）', message: '性别应填“男”或“女”' },
        { row: 4, field: '手机号码', message: '手机号码格式不正确' },
        { row: 4, field: '身份证号码', message: '身份证号码校验不通过' },
        { row: 4, field: '人员类别', message: '人员类别不在可选范围内，请按模板“说明”页填写' },
        { row: 4, field: '服务费（元）', message: '服务费应为不小于 0 的金额' },
        { row: 5, field: '身份证号码', message: '与文件中前面的行身份证号码重复' },
      ]),
    );
    expect(body.errors.every((e) => e.row === 4 || e.row === 5)).toBe(true);
    const zhang = await t.ctx.db.selectFrom('legal_advisors').selectAll().where('name', '=', '张三').executeTakeFirstOrThrow();
    expect(zhang).toMatchObject({
      category: 'practising_lawyer',
      gender: 'male',
      contract_start: '2026-01-01',
      contract_end: '2026-12-31',
      region_code: PLACES.jingyang,
    });
    expect(Number(zhang.contract_fee_fen)).toBe(1_200_000);
    const entries = await t.ctx.db.selectFrom('audit_log').select('object_id').where('action', '=', 'legal.advisor_create').execute();
    expect(entries).toHaveLength(2);
    // A second upload of the same file: both people are registered now.
    const again = (await upload(file)).json<{ imported: number; errors: { row: number; message: string }[] }>();
    expect(again.imported).toBe(0);
    expect(again.errors.filter((e) => e.message === '该身份证号码已登记在法律顾问名册中').map((e) => e.row)).toEqual([2, 3]);
  });

  it('changes nothing for a file that is not an .xlsx, one with another header, or one that is too large', async () => {
    const before = await advisorCount();
    const notXlsx = await upload(Buffer.from('姓名,性别\n张三,男\n'));
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().error.message).toBe('请上传 Excel（.xlsx）文件');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['name', 'phone']);
    const wrongHeader = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(wrongHeader.statusCode).toBe(400);
    expect(wrongHeader.json().error.fields).toEqual({ file: '表头与模板不一致，请下载模板后填写' });
    const tooLarge = await upload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(6 * 1024 * 1024)]));
    expect(tooLarge.statusCode).toBe(413);
    const csv = await t.app.inject({
      method: 'POST',
      url: `/api/legal/advisors/import?regionCode=${PLACES.jingyang}`,
      headers: { cookie: official.cookie ?? '', 'x-csrf-token': official.csrfToken, 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(csv.statusCode).toBe(415);
    expect(await advisorCount()).toBe(before);
  });

  it('answers 404 for a region outside the official’s own', async () => {
    expect((await upload(await filledTemplate([]), PLACES.huaiyuan)).statusCode).toBe(404);
  });
});
