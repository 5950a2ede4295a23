import { Worker } from 'node:worker_threads';
import { AppError } from '../http/errors.ts';
import type { SheetText, SheetWorkerAnswer } from './sheet-text.ts';
import { checkZipDirectory, ZIP_LIMITS } from './zip-limits.ts';

/** A worker that parses longer than this is stopped; a 5,000-row sheet takes about a second. */
const PARSE_DEADLINE_MS = 30_000;
/** The worker's heap: enough for the largest sheet the limits let through, not for a bomb. */
const WORKER_HEAP_MB = 384;

function refusal(verdict: Exclude<SheetWorkerAnswer['verdict'], 'ok'>, notXlsxKey: string): AppError {
  return verdict === 'too_large' ? new AppError('too_large', 'file.archive.tooLarge') : new AppError('unsupported_type', notXlsxKey);
}

/**
 * Every uploaded workbook is read here (issue 15 finding 13, SECURITY.md 22): its central directory is
 * checked at once (a bomb answers 413 before anything inflates), then a worker thread inflates it under
 * the same limits and parses it, so the event loop keeps answering while a large import runs. Anything
 * that is not a readable .xlsx answers 415 with the module's `notXlsxKey`.
 */
export async function readSheets(file: Buffer, notXlsxKey: string, limits: typeof ZIP_LIMITS = ZIP_LIMITS): Promise<SheetText[]> {
  const verdict = checkZipDirectory(file, limits);
  if (verdict !== 'ok') throw refusal(verdict, notXlsxKey);
  const answer = await new Promise<SheetWorkerAnswer>((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { entry: new URL('./sheet-worker.ts', import.meta.url).href, file: new Uint8Array(file), limits },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const timer = setTimeout(() => void worker.terminate(), PARSE_DEADLINE_MS);
    let settled = false;
    const settle = (result: SheetWorkerAnswer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    worker.once('message', (message: SheetWorkerAnswer) => settle(message));
    // A worker out of memory or stopped at its deadline held more than an import may: the file is too
    // large. Any other failure is the server's own (500).
    worker.once('error', (err: Error & { code?: string }) =>
      settle(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { verdict: 'too_large' } : err),
    );
    worker.once('exit', () => settle({ verdict: 'too_large' }));
  });
  if (answer.verdict !== 'ok') throw refusal(answer.verdict, notXlsxKey);
  return answer.sheets;
}
