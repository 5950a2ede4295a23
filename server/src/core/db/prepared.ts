import { CompiledQuery, type Compilable, type Insertable } from 'kysely';
import type { Database, DbOrTx } from './schema.ts';

/*
 * Hot write paths (every audited write, a ledger entry, a case) run the same statements thousands of
 * times a second. Building and compiling a Kysely query costs more than SQLite takes to run it, so
 * these compile once per dialect and then only bind values. The text still comes from the query
 * builder, so it is quoted and placeholdered exactly as the builder would do it. The adapter's class
 * tells the dialect apart (one process may hold SQLite and PostgreSQL at once: the bench).
 */

const insertTexts = new Map<unknown, Map<string, string>>();

/**
 * Inserts rows that have the same columns (the first row's own keys, in their order); the statement is
 * compiled once per table, column set and number of rows, so callers pass rows exactly as they would
 * to `insertInto(table).values(rows)`.
 */
export async function insertRows<T extends keyof Database & string>(
  db: DbOrTx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const all = rows as readonly Record<string, unknown>[];
  const first = all[0];
  if (!first) return;
  // Like the builder, a property that is undefined is no column at all.
  const columns = Object.keys(first).filter((c) => first[c] !== undefined);
  const dialect = db.getExecutor().adapter.constructor;
  const texts = insertTexts.get(dialect) ?? new Map<string, string>();
  insertTexts.set(dialect, texts);
  const key = `${table}(${columns.join(',')})×${all.length}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = db
      .insertInto(table)
      .values([...rows])
      .compile().sql;
    texts.set(key, text);
  }
  await db.executeQuery(
    CompiledQuery.raw(
      text,
      all.flatMap((row) => columns.map((c) => row[c] ?? null)),
    ),
  );
}

/** One row: `insertRows` with a single row. */
export async function insertRow<T extends keyof Database & string>(db: DbOrTx, table: T, row: Insertable<Database[T]>): Promise<void> {
  await insertRows(db, table, [row]);
}

/** The value in place of the `i`th parameter while the statement is built (typed to fit any column). */
export type Param = (i: number) => never;

const marker = (i: number) => `\u0000rg-param-${i}\u0000`;

/**
 * Any statement with a fixed shape: `build` puts `p(i)` where the `i`th value goes, and each call
 * binds `values` in that order. The markers are strings no caller would send. Call it to run the
 * statement on `db`; `.compile` gives the bound query for the hot reader (`ctx.reads.rows`).
 */
export function preparedStatement<V extends readonly unknown[]>(build: (db: DbOrTx, p: Param) => Compilable) {
  const cache = new Map<unknown, { text: string; order: number[] }>();
  const compile = <R>(db: DbOrTx, values: V): CompiledQuery<R> => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = cache.get(dialect);
    if (!compiled) {
      const query = build(db, (i) => marker(i) as never).compile();
      const order = query.parameters.map((value) => values.findIndex((_, i) => marker(i) === value));
      if (order.includes(-1)) throw new Error(`a prepared statement has a value that is not a parameter: ${query.sql}`);
      compiled = { text: query.sql, order };
      cache.set(dialect, compiled);
    }
    const order = compiled.order;
    return CompiledQuery.raw(
      compiled.text,
      order.map((i) => values[i]),
    ) as CompiledQuery<R>;
  };
  const run = async <R = unknown>(db: DbOrTx, values: V): Promise<R[]> => (await db.executeQuery<R>(compile<R>(db, values))).rows;
  return Object.assign(run, { compile });
}
