import fs from 'node:fs';
import type SQLite from 'better-sqlite3';
import type { CommitGroup, GroupListener } from './commit-group.ts';
import { GroupCommitStopped } from './faults.ts';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/** fsync(2) with a callback, as `fs.fsync` (replaceable in tests). */
export type SyncFile = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;

/** better-sqlite3 statements by SQL text (see `withStatementCache` in connect.ts). */
export interface StatementSource {
  prepare(text: string): SQLite.Statement;
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  let reject: (err: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Every member of the group awaits it; this keeps a failure nobody awaits yet from being "unhandled".
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** A first-come, first-served lock over SQLite's single connection. */
class FifoLock {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}

class Connection implements DatabaseConnection {
  constructor(
    private readonly statements: StatementSource,
    /** Called before a write outside any transaction of ours (it must not join an open group). */
    private readonly beforeOwnWrite: () => void,
  ) {}

  /** The latest statement error (SQLITE_FULL, SQLITE_IOERR…): it may have ended the open group. */
  lastError: unknown = null;

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const statement = this.statements.prepare(query.sql);
      if (statement.reader) return { rows: statement.all(query.parameters) as R[] };
      this.beforeOwnWrite();
      const { changes, lastInsertRowid } = statement.run(query.parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (err) {
      this.lastError = err;
      throw err;
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    for (const row of this.statements.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
  }
}

const TX_SAVEPOINT = 'rg_tx';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Group commit on SQLite (decision 58). With `synchronous = FULL` every COMMIT waits for an fsync of
 * the WAL, and the one connection is held meanwhile: under load, requests queue behind each other's
 * fsyncs. Here a query-builder transaction is a savepoint inside one open outer transaction; the
 * outer transaction commits once the transactions already queued for the connection have run, so
 * several requests share one fsync. Nothing is acknowledged early: releasing the connection waits
 * until the group is durable, so a transaction's `execute()` — and any read that may have seen the
 * group's rows — resolves only after the COMMIT, and rejects if the COMMIT fails. A transaction that
 * fails rolls back to its own savepoint; the others in its group are untouched. PostgreSQL already
 * groups concurrent commits itself, so this is SQLite only.
 *
 * The group's fsync runs off the main thread (decision 73). With `synchronous = FULL`, SQLite's COMMIT
 * waits for the disk on the one thread that serves every request. So the group's outer transaction
 * runs with NORMAL, whose COMMIT only writes the WAL frames, and the driver then syncs the WAL file
 * itself on libuv's thread pool. Every member of the group, and every read that ran meanwhile, waits
 * for that sync before it resolves: nothing is acknowledged or shown before it is on stable storage,
 * as with FULL. All other writes (autocommit, the bulk writer's own transactions) keep FULL. A failed
 * sync stops the driver for good: after one, Linux may report later syncs as successful although
 * the pages were lost, so only a restart, which recovers from the WAL on disk, is safe.
 */
export class GroupCommitDriver implements Driver, CommitGroup {
  private readonly lock = new FifoLock();
  private readonly connection: Connection;
  /** The open outer transaction's completion, or null when none is open. */
  private group: Deferred | null = null;
  /** A query-builder transaction (our savepoint) is open on the connection. */
  private inSavepoint = false;
  private flushScheduled = false;
  private readonly listeners: GroupListener[] = [];
  /** The connection runs with synchronous=FULL: groups commit with NORMAL and the driver syncs the WAL. */
  private readonly syncsItself: boolean;
  /** The WAL file, opened at the first group commit (SQLite keeps it while the connection is open). */
  private walFd: number | null = null;
  /** The latest sync of the WAL (it covers every group before it); it never rejects. */
  private syncing: Promise<void> = Promise.resolve();
  /** Set by a failed sync: nothing may run on the connection after it. */
  private failure: GroupCommitStopped | null = null;

  constructor(
    private readonly database: SQLite.Database,
    private readonly statements: StatementSource,
    private readonly syncFile: SyncFile = fs.fsync,
  ) {
    this.syncsItself = Number(database.pragma('synchronous', { simple: true })) >= 2;
    // A write outside a transaction (VACUUM INTO for a backup, a lone UPDATE) runs in autocommit
    // after the open group has committed: some statements cannot run inside a transaction, and it
    // is durable when its own statement returns, as the caller expects.
    this.connection = new Connection(statements, () => {
      if (!this.inSavepoint) this.commitGroup();
    });
  }

  async init(): Promise<void> {}

  listen(listener: GroupListener): void {
    this.listeners.push(listener);
  }

  inTransaction(): boolean {
    return this.inSavepoint;
  }

  /** False once a failed fsync stopped the driver (for /api/ready). */
  alive(): boolean {
    return this.failure === null;
  }

  execute(text: string, values: readonly unknown[]): void {
    this.statements.prepare(text).run(values);
  }

  query<R>(text: string, values: readonly unknown[]): R[] {
    return this.statements.prepare(text).all(values) as R[];
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.takeLock();
    return this.connection;
  }

  private async takeLock(): Promise<void> {
    await this.lock.acquire();
    if (this.failure) {
      this.lock.release();
      throw this.failure;
    }
  }

  /** Resolves once every group committed so far is on stable storage; rejects after a failed sync. */
  async durable(): Promise<void> {
    // A loop: another group may commit, and start its sync, while we wait for the one before it.
    let awaited: Promise<void>;
    do {
      awaited = this.syncing;
      await awaited;
    } while (awaited !== this.syncing);
    if (this.failure) throw this.failure;
  }

  async beginTransaction(): Promise<void> {
    if (!this.database.inTransaction) {
      // SQLite itself ends a transaction on some errors (SQLITE_FULL, SQLITE_IOERR): that group failed.
      if (this.group) {
        // With the statement error that ended it as the cause, so the others answer 507 on a full disk too.
        this.group.reject(new Error('SQLite rolled back the open group of transactions', { cause: this.connection.lastError }));
        this.connection.lastError = null;
        for (const l of this.listeners) l.abandoned();
      }
      if (this.syncsItself) this.run('pragma synchronous = NORMAL');
      this.run('begin');
      this.group = deferred();
    }
    this.run(`savepoint ${TX_SAVEPOINT}`);
    this.inSavepoint = true;
  }

  async commitTransaction(): Promise<void> {
    this.inSavepoint = false;
    this.run(`release ${TX_SAVEPOINT}`);
    for (const l of this.listeners) l.released();
  }

  async rollbackTransaction(): Promise<void> {
    this.inSavepoint = false;
    for (const l of this.listeners) l.rolledBack();
    if (!this.database.inTransaction) return; // already rolled back by SQLite; the group's COMMIT will fail
    this.run(`rollback to ${TX_SAVEPOINT}`);
    this.run(`release ${TX_SAVEPOINT}`);
  }

  // Savepoints a caller opens inside its transaction (`tx.savepoint(name)`), nested in ours.
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoted(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoted(name)}`));
  }

  async releaseConnection(): Promise<void> {
    const group = this.group;
    this.lock.release();
    if (!group) {
      // A read outside a transaction may have seen a group whose WAL is not synced yet.
      await this.durable();
      return;
    }
    this.scheduleFlush();
    await group.promise;
  }

  /**
   * Runs `work` alone on the connection after committing any open group: for the bulk writer,
   * which uses the raw handle and its own transaction.
   */
  async exclusive<T>(work: () => T): Promise<T> {
    await this.takeLock();
    return this.committingFirst(work);
  }

  /** Holding the lock: commits the open group, then runs `work`. */
  private committingFirst<T>(work: () => T): T {
    try {
      this.commitGroup();
      return work();
    } finally {
      this.lock.release();
    }
  }

  async destroy(): Promise<void> {
    await this.lock.acquire();
    this.committingFirst(() => undefined);
    await this.durable().catch(() => undefined);
    if (this.walFd !== null) fs.closeSync(this.walFd);
    this.database.close();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // After the callbacks already due, so that requests which are ready join this group; the lock
    // is first come, first served, so the COMMIT runs after the transactions queued before it.
    setImmediate(() => {
      void this.lock.acquire().then(() =>
        this.committingFirst(() => {
          this.flushScheduled = false;
        }),
      );
    });
  }

  private commitGroup(): void {
    const group = this.group;
    if (!group) return;
    this.group = null;
    try {
      // After a failed sync nothing more is committed (see the class comment).
      if (this.failure) throw this.failure;
      for (const l of this.listeners) l.beforeCommit();
      this.run('commit');
    } catch (err) {
      for (const l of this.listeners) l.abandoned();
      if (this.database.inTransaction) this.run('rollback');
      this.restoreFull();
      group.reject(err);
      return;
    }
    this.restoreFull();
    if (!this.syncsItself) {
      group.resolve();
      return;
    }
    const synced = this.syncWal().catch((err: unknown) => {
      this.failure ??= new GroupCommitStopped('fsync of the SQLite WAL failed; restart the server to recover from the WAL on disk', {
        cause: err,
      });
      throw this.failure;
    });
    this.syncing = synced.catch(() => undefined);
    synced.then(
      () => group.resolve(),
      (err: unknown) => group.reject(err),
    );
  }

  private restoreFull(): void {
    if (this.syncsItself) this.run('pragma synchronous = FULL');
  }

  /** fsync(2) of the WAL on libuv's thread pool: it covers every frame written before it starts. */
  private syncWal(): Promise<void> {
    try {
      this.walFd ??= fs.openSync(`${this.database.name}-wal`, 'r');
    } catch (err) {
      return Promise.reject(err);
    }
    const fd = this.walFd;
    return new Promise((resolve, reject) => this.syncFile(fd, (err) => (err ? reject(err) : resolve())));
  }

  private run(text: string): void {
    this.statements.prepare(text).run();
  }
}

/** Kysely's SQLite dialect with the group-commit driver. */
export class GroupCommitSqliteDialect implements Dialect {
  constructor(private readonly driver: GroupCommitDriver) {}

  createDriver(): Driver {
    return this.driver;
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
