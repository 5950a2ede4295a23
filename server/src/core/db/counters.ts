import { CompiledQuery, type Insertable } from 'kysely';
import { quote } from './bulk-upsert.ts';
import type { CommitGroup, GroupListener } from './commit-group.ts';
import type { Database, Tx } from './schema.ts';

/**
 * A table of additive counters (a region's ledger counts, its mediation statistics, an indicator's
 * roll-up): rows keyed by `key`, whose `counters` only ever move by deltas. Such rows are written by
 * every record and shared by many (the county's, the nation's), so they are where concurrent writes
 * meet; adding is commutative, so the deltas of several transactions can be merged before writing.
 */
export interface CounterTable<T extends keyof Database & string> {
  table: T;
  key: readonly (keyof Database[T] & string)[];
  counters: readonly (keyof Database[T] & string)[];
}

export type CounterRow<T extends keyof Database & string> = Insertable<Database[T]>;

export interface Counters {
  /** Adds each row's counters to the row with its key, as part of the transaction `tx`. */
  add<T extends keyof Database & string>(tx: Tx, table: CounterTable<T>, rows: readonly CounterRow<T>[]): Promise<void>;
  /**
   * Additions made in transactions that have not reached the table yet (SQLite's open group,
   * decision 59), matching `where`: for the rare transaction that reads counters and writes from
   * what it read (moving a relocated village's sums). Empty on PostgreSQL.
   */
  pending<T extends keyof Database & string>(table: CounterTable<T>, where: (row: CounterRow<T>) => boolean): CounterRow<T>[];
}

/** A counter table with its column names as plain strings (what the SQL is built from). */
type AnyTable = { table: string; key: readonly string[]; counters: readonly string[] };
type Row = Record<string, unknown>;

function columnsOf(table: AnyTable): string[] {
  return [...table.key, ...table.counters];
}

/** `insert … values (…)×rows on conflict (key) do update set c = t.c + excluded.c`, with `$n` or `?` placeholders. */
function upsertText(table: AnyTable, rows: number, placeholder: (n: number) => string): string {
  const columns = columnsOf(table);
  let n = 0;
  const values = Array.from({ length: rows }, () => `(${columns.map(() => placeholder((n += 1))).join(', ')})`).join(', ');
  const set = table.counters.map((c) => `${quote(c)} = ${quote(table.table)}.${quote(c)} + excluded.${quote(c)}`).join(', ');
  return `insert into ${quote(table.table)} (${columns.map(quote).join(', ')}) values ${values} on conflict (${table.key.map(quote).join(', ')}) do update set ${set}`;
}

/** Rows with the same key summed into one (one statement may not touch a row twice on PostgreSQL). */
function merge(table: AnyTable, into: Map<string, Row>, rows: readonly Row[]): void {
  for (const row of rows) {
    const k = table.key.map((c) => String(row[c])).join('\u0000');
    const existing = into.get(k);
    if (!existing) {
      into.set(k, { ...row });
      continue;
    }
    for (const c of table.counters) existing[c] = Number(existing[c] ?? 0) + Number(row[c] ?? 0);
  }
}

const valuesOf = (table: AnyTable, row: Row) => columnsOf(table).map((c) => row[c] ?? 0);

/** PostgreSQL: each addition is one upsert in the caller's transaction. */
export function immediateCounters(): Counters {
  return {
    async add(tx, table, rows) {
      if (rows.length === 0) return;
      const merged = new Map<string, Row>();
      merge(table, merged, rows as readonly Row[]);
      const list = [...merged.values()];
      await tx.executeQuery(
        CompiledQuery.raw(
          upsertText(table, list.length, (n) => `$${n}`),
          list.flatMap((r) => valuesOf(table, r)),
        ),
      );
    },
    pending: () => [],
  };
}

/**
 * SQLite (decision 59): additions wait in memory, merged by key, and reach the tables just before
 * the group of transactions commits, in the same COMMIT. A ledger entry then writes none of its six
 * ancestor rows itself; a group of requests writes each shared row once. Nothing is acknowledged
 * before the COMMIT, so every answer sent has its counts in the database; a rolled-back transaction's
 * additions are dropped with it.
 */
export class GroupedCounters implements Counters, GroupListener {
  private current = new Map<AnyTable, Map<string, Row>>();
  private group = new Map<AnyTable, Map<string, Row>>();

  constructor(private readonly commitGroup: CommitGroup) {
    commitGroup.listen(this);
  }

  /** `tx` is the driver's current transaction: SQLite runs one at a time. */
  async add<T extends keyof Database & string>(_tx: Tx, table: CounterTable<T>, rows: readonly CounterRow<T>[]): Promise<void> {
    if (!this.commitGroup.inTransaction()) throw new Error('counters are added inside a transaction');
    const t = table as AnyTable;
    const buffer = this.current.get(t) ?? new Map<string, Row>();
    merge(t, buffer, rows as readonly Row[]);
    this.current.set(t, buffer);
  }

  pending<T extends keyof Database & string>(table: CounterTable<T>, where: (row: CounterRow<T>) => boolean): CounterRow<T>[] {
    const t = table as AnyTable;
    const all = new Map<string, Row>();
    merge(t, all, [...(this.group.get(t)?.values() ?? [])]);
    merge(t, all, [...(this.current.get(t)?.values() ?? [])]);
    return [...all.values()].filter((r) => where(r as CounterRow<T>)) as CounterRow<T>[];
  }

  released(): void {
    for (const [table, rows] of this.current) {
      const into = this.group.get(table) ?? new Map<string, Row>();
      merge(table, into, [...rows.values()]);
      this.group.set(table, into);
    }
    this.current = new Map();
  }

  rolledBack(): void {
    this.current = new Map();
  }

  beforeCommit(): void {
    const group = this.group;
    this.group = new Map();
    for (const [table, rows] of group) {
      const text = upsertText(table, 1, () => '?');
      for (const row of rows.values()) this.commitGroup.execute(text, valuesOf(table, row));
    }
  }

  abandoned(): void {
    this.current = new Map();
    this.group = new Map();
  }
}
