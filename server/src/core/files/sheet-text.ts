import type { ZipVerdict } from './zip-limits.ts';

/** One sheet of an uploaded workbook as text: its non-empty rows, each with its 1-based row number. */
export interface SheetText {
  name: string;
  rows: { number: number; cells: string[] }[];
}

/** What the sheet worker answers: the sheets, or why the file was refused. */
export type SheetWorkerAnswer = { verdict: 'ok'; sheets: SheetText[] } | { verdict: Exclude<ZipVerdict, 'ok'> };

/** The text of cell `column` (1-based, as Excel counts) of a row, '' when the row is shorter. */
export function cellAt(row: { cells: readonly string[] } | undefined, column: number): string {
  return row?.cells[column - 1] ?? '';
}
