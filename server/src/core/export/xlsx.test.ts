import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx } from './xlsx.ts';

describe('the shared .xlsx writer (issue 15 finding 15: formula injection)', () => {
  it('prefixes text that starts like a formula and leaves numbers, money included, as numbers', async () => {
    const rows = [
      { text: '=1+1', amount: -1234.5 },
      { text: '-', amount: 0 },
      { text: '\t=1', amount: 12 },
      { text: '张三 = 李四', amount: null },
    ];
    const body = await toXlsx(
      '表',
      [
        { header: '说明', value: (r: (typeof rows)[number]) => r.text },
        { header: '金额（元）', value: (r: (typeof rows)[number]) => r.amount },
      ],
      rows,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values).toEqual([['说明', '金额（元）'], ["'=1+1", -1234.5], ["'-", 0], ["'\t=1", 12], ['张三 = 李四']]);
  });
});
