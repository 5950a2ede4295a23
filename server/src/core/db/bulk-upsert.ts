import type SQLite from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { Db } from './schema.ts';
import { transactionRetryingConflicts } from './retry.ts';

/**
 * Loading hundreds of thousands of rows at once (the national region list, later indicator data):
 * the query builder's per-batch compilation costs several times the database's own work, so each
 * dialect gets its fastest portable path — one reused prepared statement on SQLite, `unnest` over
 * typed arrays on PostgreSQL (one statement per 20,000 rows, a handful of parameters each).
 */
export interface BulkUpsertSpec<Row> {
  table: string;
  columns: ReadonlyArray<{ name: keyof Row & string; pgType: 'text' | 'integer' | 'bigint' }>;
  /** The conflict target (primary key or unique column). */
  key: keyof Row & string;
  /** Columns overwritten on conflict. */
  update: ReadonlyArray<keyof Row & string>;
  /** The existing row is touched only when one of these differs: a re-run of the same data changes nothing. */
  changedWhen: ReadonlyArray<keyof Row & string>;
}

export interface BulkWriter {
  /** Upserts every row in one transaction; returns how many rows were inserted or updated. */
  upsert<Row extends object>(spec: BulkUpsertSpec<Row>, rows: readonly Row[]): Promise<number>;
}

/** An SQL identifier, quoted the same way on SQLite and PostgreSQL. */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function conflictClause<Row>(spec: BulkUpsertSpec<Row>, distinct: 'is not' | 'is distinct from'): string {
  const set = spec.update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ');
  const changed = spec.changedWhen.map((c) => `${quote(spec.table)}.${quote(c)} ${distinct} excluded.${quote(c)}`).join(' or ');
  return `on conflict (${quote(spec.key)}) do update set ${set} where ${changed}`;
}

/**
 * SQLite: runs synchronously on the raw handle, alone on the connection (`exclusive` waits for the
 * query builder's transactions and commits their group first), so nothing else interleaves.
 */
export function sqliteBulkWriter(database: SQLite.Database, exclusive: <T>(work: () => T) => Promise<T>): BulkWriter {
  return {
    async upsert(spec, rows) {
      const names = spec.columns.map((c) => c.name);
      const statement = database.prepare(
        `insert into ${quote(spec.table)} (${names.map(quote).join(', ')}) values (${names.map(() => '?').join(', ')}) ${conflictClause(spec, 'is not')}`,
      );
      return exclusive(() =>
        database.transaction(() => {
          let changes = 0;
          for (const row of rows) changes += statement.run(names.map((n) => (row as Record<string, unknown>)[n] ?? null)).changes;
          return changes;
        })(),
      );
    },
  };
}

const PG_BATCH = 20_000;

export function postgresBulkWriter(db: Db): BulkWriter {
  return {
    async upsert(spec, rows) {
      const names = spec.columns.map((c) => c.name);
      const text = `insert into ${quote(spec.table)} (${names.map(quote).join(', ')})
        select * from unnest(${spec.columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ')})
        ${conflictClause(spec, 'is distinct from')}`;
      // Concurrent imports upsert overlapping keys in their own order: a deadlock runs the batch again.
      return transactionRetryingConflicts(db, async (tx) => {
        let changes = 0;
        for (let i = 0; i < rows.length; i += PG_BATCH) {
          const batch = rows.slice(i, i + PG_BATCH);
          const parameters = names.map((n) => batch.map((row) => (row as Record<string, unknown>)[n] ?? null));
          const result = await tx.executeQuery(CompiledQuery.raw(text, parameters));
          changes += Number(result.numAffectedRows ?? 0n);
        }
        return changes;
      });
    },
  };
}
