import type { Db, Tx } from './schema.ts';
import { isRetryableConflict } from './faults.ts';

/** Runs of a transaction in all; a conflict that outlasts them answers 503 (core/db/faults.ts). */
const ATTEMPTS = 3;

/**
 * A transaction that PostgreSQL aborted for a serialization failure (40001) or a deadlock (40P01) is
 * run again, a bounded number of times after a short random pause (issue 15, PostgreSQL faults). The
 * database rolled the attempt back entirely, so a retry is safe when `work` does nothing but database
 * work through `tx` and keeps no state across attempts (it must not add to a variable declared outside
 * it, nor write files): use this where that holds. SQLite runs one transaction at a time and never
 * raises these.
 */
export async function transactionRetryingConflicts<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (attempt >= ATTEMPTS || !isRetryableConflict(err)) throw err;
      // 5–30 ms, growing: the other transaction usually commits meanwhile.
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 10)));
    }
  }
}
