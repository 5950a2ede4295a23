import ExcelJS from 'exceljs';
import {
  ADVISOR_CATEGORIES,
  ADVISOR_CATEGORY_LABELS,
  advisorCreateSchema,
  type AdvisorCreate,
  type AdvisorImportResultDto,
} from '@rg/domain/legal/advisor.schema';
import { messageOf } from '@rg/domain/i18n/messages.zh-CN';
import type { RequestContext } from '../../core/access/actor.ts';
import { enforce } from '../../core/access/policy.ts';
import { advisorPolicy } from './advisor.policy.ts';
import type { AppContext } from '../../core/context.ts';
import { cellAt } from '../../core/files/sheet-text.ts';
import { readSheets } from '../../core/files/sheets.ts';
import { invalid } from '../../core/http/errors.ts';
import { findRegion } from '../regions/regions.facade.ts';
import { idNumberTaken } from './legal.repository.ts';
import type { LegalService } from './legal.service.ts';

/** The template's columns, in order: the header text and the field it fills. */
const COLUMNS = [
  ['姓名', 'name'],
  ['性别（男/女）', 'gender'],
  ['手机号码', 'phone'],
  ['身份证号码', 'idNumber'],
  ['人员类别', 'category'],
  ['所在单位', 'employerName'],
  ['单位统一社会信用代码', 'employerUscc'],
  ['执业证号', 'licenceNo'],
  ['合同开始日期', 'contractStart'],
  ['合同结束日期', 'contractEnd'],
  ['服务费（元）', 'contractFeeYuan'],
] as const;

const MAX_ROWS = 2000;
const CATEGORY_BY_LABEL = new Map(ADVISOR_CATEGORIES.map((c) => [ADVISOR_CATEGORY_LABELS[c], c]));

type ImportResult = AdvisorImportResultDto;
type ImportRowError = ImportResult['errors'][number];

/** 导入模板: the columns, one example row, and a sheet that explains each column. */
export async function advisorTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('法律顾问', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([header]) => ({ header, width: header.length > 6 ? 22 : 14 }));
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '栏目', width: 22 },
    { header: '填写要求', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRows([
    ['姓名、性别、手机号码、身份证号码、人员类别', '必填；身份证号码须通过校验位检查'],
    ['人员类别', `从以下选择：${ADVISOR_CATEGORIES.map((c) => ADVISOR_CATEGORY_LABELS[c]).join('、')}`],
    ['单位统一社会信用代码', '选填；18 位，须通过校验位检查'],
    ['合同开始日期、合同结束日期', '选填；格式 2026-01-01'],
    ['服务费（元）', '选填；政府购买服务费用，单位为元，可有两位小数'],
    ['说明', '每行一人；有错误的行会连同行号和原因列出，其余行照常导入'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet row as the create body, with the Chinese cell values mapped to the API's. */
function rowInput(regionCode: string, cells: Record<string, string>): Record<string, unknown> {
  const optional = (v: string | undefined) => (v ? v : null);
  const fee = cells.contractFeeYuan ? Math.round(Number(cells.contractFeeYuan) * 100) : null;
  return {
    regionCode,
    name: cells.name ?? '',
    gender: cells.gender === '男' ? 'male' : cells.gender === '女' ? 'female' : cells.gender,
    phone: cells.phone ?? '',
    idNumber: cells.idNumber ?? '',
    category: CATEGORY_BY_LABEL.get(cells.category ?? '') ?? cells.category,
    employerName: optional(cells.employerName),
    employerUscc: optional(cells.employerUscc),
    licenceNo: optional(cells.licenceNo),
    contractStart: optional(cells.contractStart),
    contractEnd: optional(cells.contractEnd),
    // An unreadable amount becomes -1, which fails the fee's range check with its Chinese message.
    contractFeeFen: fee === null ? null : Number.isNaN(fee) ? -1 : fee,
  };
}

const FIELD_LABEL = new Map<string, string>(
  COLUMNS.map(([header, field]) => [field === 'contractFeeYuan' ? 'contractFeeFen' : field, header]),
);
const MESSAGE_FOR_ENUM: Record<string, string> = { gender: 'legal.gender.invalid', category: 'legal.category.invalid' };

/**
 * 批量导入: every row is checked like a single registration; good rows go in (one transaction, one
 * audit entry each) while bad rows come back with their row number, column and reason. A file that
 * is not an .xlsx or does not follow the template changes nothing.
 */
export async function importAdvisors(
  ctx: AppContext,
  legal: LegalService,
  rc: RequestContext,
  regionCode: string,
  file: Buffer,
): Promise<ImportResult> {
  const actor = enforce(advisorPolicy, rc.actor, 'create', { regionCode, status: null });
  if (!(await findRegion(ctx.db, regionCode))) throw invalid({ regionCode: 'region.notFound' });
  const [sheet] = await readSheets(file, 'legal.import.notXlsx');
  const first = sheet?.rows.find((r) => r.number === 1);
  if (!sheet || COLUMNS.some(([header], i) => cellAt(first, i + 1) !== header)) throw invalid({ file: 'legal.import.badHeader' });
  const rows: { row: number; cells: Record<string, string> }[] = [];
  for (const row of sheet.rows) {
    if (row.number === 1) continue;
    const cells = Object.fromEntries(COLUMNS.map(([, field], i) => [field, cellAt(row, i + 1)]));
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: row.number, cells });
  }
  if (rows.length === 0) throw invalid({ file: 'legal.import.empty' });
  if (rows.length > MAX_ROWS) throw invalid({ file: 'legal.import.tooMany' });

  const errors: ImportRowError[] = [];
  const good: AdvisorCreate[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of rows) {
    const parsed = advisorCreateSchema.safeParse(rowInput(regionCode, cells));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const key = issue.code === 'invalid_value' && MESSAGE_FOR_ENUM[field] ? MESSAGE_FOR_ENUM[field] : issue.message;
        errors.push({ row, field: FIELD_LABEL.get(field) ?? field, message: messageOf(key ?? 'zod.invalid') });
      }
      continue;
    }
    const hash = ctx.cipher.lookupHash(parsed.data.idNumber);
    if (seen.has(hash)) {
      errors.push({ row, field: '身份证号码', message: messageOf('legal.import.duplicateInFile') });
      continue;
    }
    seen.add(hash);
    if (await idNumberTaken(ctx.db, hash)) {
      errors.push({ row, field: '身份证号码', message: messageOf('legal.idNumber.taken') });
      continue;
    }
    good.push(parsed.data);
  }
  await ctx.db.transaction().execute(async (tx) => {
    for (const input of good) await legal.insertAdvisor(tx, rc, actor, input);
    // The import itself is audited as well: a file whose every row was refused still leaves its trace.
    await ctx.audit.append(tx, rc, {
      action: 'legal.advisor_import',
      objectType: 'legal_advisor',
      objectRegion: regionCode,
      detail: { imported: good.length, refusedRows: new Set(errors.map((e) => e.row)).size },
    });
  });
  return { imported: good.length, errors };
}
