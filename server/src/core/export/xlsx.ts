import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../files/file-names.ts';

/** One column of an exported sheet: a Chinese header and how to read the cell from a row. */
export interface ExportColumn<Row> {
  header: string;
  width?: number;
  /** Excel number format, e.g. '0.0%' for a rate kept as a fraction. */
  numFmt?: string;
  value(row: Row): string | number | null;
}

/** One sheet of a workbook, ready to be written (its rows' type stays with `sheet`, which made it). */
export interface ExportSheet {
  name: string;
  fill(worksheet: ExcelJS.Worksheet): void;
}

/** What a spreadsheet may take for the start of a formula (also the full-width forms an IME types). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Text that a spreadsheet could run as a formula once a user edits or re-saves the cell (`=HYPERLINK(…)`,
 * `@SUM(…)`, `-2+cmd|…`) gets a leading apostrophe, so it stays text (issue 15 finding 15, OWASP CSV
 * injection). Numbers, money included, stay numbers: only strings are touched.
 */
export function neutralised(value: string | number | null): string | number | null {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A sheet: its name, its columns and its rows. */
export function sheet<Row>(name: string, columns: readonly ExportColumn<Row>[], rows: readonly Row[]): ExportSheet {
  return {
    name,
    fill(worksheet) {
      worksheet.columns = columns.map((c) => ({
        header: c.header,
        width: c.width ?? 16,
        ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
      }));
      worksheet.getRow(1).font = { bold: true };
      for (const row of rows) worksheet.addRow(columns.map((c) => neutralised(c.value(row))));
    },
  };
}

/** 台账 are exchanged as Excel: on every sheet a bold, frozen header row and one row per record. */
export async function toXlsxSheets(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '乡村治理试点示范平台';
  for (const s of sheets) s.fill(workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] }));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of one sheet. */
export async function toXlsx<Row>(sheetName: string, columns: readonly ExportColumn<Row>[], rows: readonly Row[]): Promise<Buffer> {
  return toXlsxSheets([sheet(sheetName, columns, rows)]);
}

/** The .xlsx media type, for downloads and uploads alike. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(body);
}
