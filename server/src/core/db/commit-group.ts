/** What the SQLite group-commit driver tells its listeners (decision 58). */
export interface GroupListener {
  /** The transaction that was running has committed into the group. */
  released(): void;
  /** The transaction that was running rolled back: forget what it did. */
  rolledBack(): void;
  /** The group is about to COMMIT: write what it holds (synchronously, on the connection). */
  beforeCommit(): void;
  /** The group failed as a whole: forget everything. */
  abandoned(): void;
}

/**
 * The open group of transactions on SQLite, for work merged over a whole group and written just
 * before its COMMIT (counters, decision 59; audit entries, decision 63). PostgreSQL has none.
 */
export interface CommitGroup {
  listen(listener: GroupListener): void;
  /** A query-builder transaction is open on the connection now (SQLite runs one at a time). */
  inTransaction(): boolean;
  /** Runs a statement on the connection, for listeners writing just before the COMMIT. */
  execute(text: string, values: readonly unknown[]): void;
  /** False once a failed fsync stopped the group commit for good (decision 73), for /api/ready. */
  alive(): boolean;
  /** The rows of a statement, for the same listeners. */
  query<R>(text: string, values: readonly unknown[]): R[];
}
