import { parentPort, workerData } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { checkZipInflated, type ZIP_LIMITS } from './zip-limits.ts';
import type { SheetText, SheetWorkerAnswer } from './sheet-text.ts';

/** The text of a cell as a person reads it in Excel; a date as 2026-01-01. */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return cell.text.trim();
}

/**
 * Runs in a worker thread (sheets.ts): inflation and parsing of an uploaded workbook never hold the
 * event loop (issue 15 finding 13). The archive is inflated under its limits first, then parsed.
 */
async function read(file: Buffer, limits: typeof ZIP_LIMITS): Promise<SheetWorkerAnswer> {
  const verdict = checkZipInflated(file, limits);
  if (verdict !== 'ok') return { verdict };
  // Loaded only for an archive that passed: a refused bomb answers without waiting for ExcelJS to load.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return { verdict: 'not_zip' };
  }
  const sheets: SheetText[] = workbook.worksheets.map((worksheet) => {
    const rows: SheetText['rows'] = [];
    worksheet.eachRow((row, number) => {
      const cells: string[] = [];
      for (let i = 1; i <= row.cellCount; i++) cells.push(cellText(row.getCell(i)));
      rows.push({ number, cells });
    });
    return { name: worksheet.name, rows };
  });
  return { verdict: 'ok', sheets };
}

const input = workerData as { file: Uint8Array; limits: typeof ZIP_LIMITS };
parentPort?.postMessage(await read(Buffer.from(input.file.buffer, input.file.byteOffset, input.file.byteLength), input.limits));
