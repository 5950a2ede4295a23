import { CompiledQuery, type Compilable, type Insertable } from 'kysely';
import type { Database, DbOrTx } from './schema.ts';

/**
 * Hot write paths (every audited write, a ledger entry, a case) run the same statements thousands of
 * times a second. Building and compiling a Kysely query costs more than SQLite takes to run it, so
 * these compile once per dialect and then only bind values. The text still comes from the query
 * builder, so it is quoted and placeholdered exactly as the builder would do it.
 */
function compiledText(db: DbOrTx, cache: Map<unknown, string>, build: (db: DbOrTx) => Compilable): string {
  // The adapter's class tells the dialect (one process may hold SQLite and PostgreSQL at once: the bench).
  const dialect = db.getExecutor().adapter.constructor;
  let text = cache.get(dialect);
  if (text === undefined) {
    text = build(db).compile().sql;
    cache.set(dialect, text);
  }
  return text;
}

/** An INSERT of one row into `table`, with exactly `columns`, in that order. */
export function preparedInsert<T extends keyof Database & string>(table: T, columns: readonly (keyof Insertable<Database[T]> & string)[]) {
  const cache = new Map<unknown, string>();
  const placeholders = Object.fromEntries(columns.map((c) => [c, null]));
  return async (db: DbOrTx, row: Insertable<Database[T]>): Promise<void> => {
    const text = compiledText(db, cache, (d) => d.insertInto(table).values(placeholders as never));
    const values = row as Record<string, unknown>;
    await db.executeQuery(CompiledQuery.raw(text, columns.map((c) => values[c] ?? null)));
  };
}

/** The value in place of the `i`th parameter while the statement is built (typed to fit any column). */
export type Param = (i: number) => never;

const marker = (i: number) => `\u0000rg-param-${i}\u0000`;

/**
 * Any statement with a fixed shape: `build` puts `p(i)` where the `i`th value goes, and each call
 * binds `values` in that order. The markers are strings no caller would send.
 */
export function preparedStatement<V extends readonly unknown[]>(build: (db: DbOrTx, p: Param) => Compilable) {
  const cache = new Map<unknown, { text: string; order: number[] }>();
  return async <R = unknown>(db: DbOrTx, values: V): Promise<R[]> => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = cache.get(dialect);
    if (!compiled) {
      const query = build(db, (i) => marker(i) as never).compile();
      const order = query.parameters.map((value) => values.findIndex((_, i) => marker(i) === value));
      if (order.includes(-1)) throw new Error(`a prepared statement has a value that is not a parameter: ${query.sql}`);
      compiled = { text: query.sql, order };
      cache.set(dialect, compiled);
    }
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.text, compiled.order.map((i) => values[i])));
    return result.rows;
  };
}
