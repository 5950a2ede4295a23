import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database, Db } from './schema.ts';
import { postgresBulkWriter, sqliteBulkWriter, type BulkWriter } from './bulk-upsert.ts';
import type { CommitGroup } from './commit-group.ts';
import { GroupedCounters, immediateCounters, type Counters } from './counters.ts';
import { GroupCommitDriver, GroupCommitSqliteDialect, type StatementSource, type SyncFile } from './sqlite-group-commit.ts';
import { createPgPool, guardedPool, type PostgresTimeouts } from './pg-pool.ts';
import { withSqlSnapshots } from './sql-snapshots.ts';
import { withIdempotencyClaims } from './idempotency-claims.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { narrowToOwner, privateFile, privateFolder } from '../private-files.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Reads of committed data for the hottest paths (every request's session, the region picker). On
 * SQLite they run synchronously on a second, read-only handle with cached statements, outside the
 * query builder's single-connection queue — so they never see another request's open transaction.
 */
export interface HotReads {
  rows<R>(query: CompiledQuery<R>): Promise<R[]>;
}

export interface Connection {
  db: Db;
  dialect: Dialect;
  reads: HotReads;
  bulk: BulkWriter;
  /** Additive counter tables (decision 59). */
  counters: Counters;
  /** SQLite's open group of transactions (decision 58); null on PostgreSQL. */
  group: CommitGroup | null;
  close(): Promise<void>;
  /**
   * Runs long maintenance (migrations) where the request timeouts do not apply: on PostgreSQL on a
   * connection of its own without them, as a migration may rightly run longer than a request may
   * (finding 4's timeouts are for requests); on SQLite on the connection itself.
   */
  untimed<T>(work: (db: Db) => Promise<T>): Promise<T>;
}

// PostgreSQL returns bigint as text by default; our bigints (audit seq, TOTP steps) fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type ConnectConfig = Pick<Config, 'databaseUrl' | 'sqliteFile' | 'sqliteSynchronous' | 'allowWeakDurability'> & PostgresTimeouts;

/**
 * `holdDataDir`: the server (not the online backup or the verify command) holds the folder of the
 * SQLite database while it runs, so a restore cannot replace the files under it (issue 15 finding 6).
 */
export async function connect(config: ConnectConfig, options: { holdDataDir?: boolean; syncFile?: SyncFile } = {}): Promise<Connection> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl, config);
  const lock = options.holdDataDir ? lockDataDir(path.dirname(config.sqliteFile)) : null;
  try {
    return connectSqlite(config, options.syncFile, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}

function connectSqlite(config: ConnectConfig, syncFile: SyncFile | undefined, lock: DataDirLock | null): Connection {
  const { sqliteFile: file, sqliteSynchronous: synchronous, allowWeakDurability: allowWeak } = config;
  privateFolder(path.dirname(file));
  // Created 0600 before SQLite opens it; the -wal and -shm files take its mode (issue 15 finding 15).
  privateFile(file);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(`${file}${suffix}`)) narrowToOwner(`${file}${suffix}`);
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${synchronous}`);
  database.pragma('foreign_keys = ON');
  // A write that cannot get the lock (another process writes) fails with SQLITE_BUSY after this: 503 (finding 4).
  database.pragma(`busy_timeout = ${config.dbLockTimeoutMs}`);
  // Each transaction is a savepoint (group commit): the pages it first changes are copied to a
  // sub-journal, which by default is a temporary file.
  database.pragma('temp_store = MEMORY');
  try {
    checkSqliteDurability(database, allowWeak);
  } catch (err) {
    database.close();
    throw err;
  }
  const driver = new GroupCommitDriver(database, withStatementCache(database), syncFile);
  const db = new Kysely<Database>({
    dialect: withSqlSnapshots(
      withIdempotencyClaims(new GroupCommitSqliteDialect(driver), 'sqlite'),
      'sqlite',
      process.env.SQL_SNAPSHOT_DIR,
    ),
  });
  const counters = new GroupedCounters(driver);
  const reader = new SQLite(file, { readonly: true });
  reader.pragma(`busy_timeout = ${config.dbLockTimeoutMs}`);
  const readerStatements = withStatementCache(reader);
  const reads: HotReads = {
    rows: async <R>(query: CompiledQuery<R>) => {
      // Nothing is shown before it is durable: the latest group's WAL may still be syncing (decision 73).
      await driver.durable();
      return readerStatements.prepare(query.sql).all(query.parameters) as R[];
    },
  };
  return {
    db,
    dialect: 'sqlite',
    reads,
    bulk: sqliteBulkWriter(database, (work) => driver.exclusive(work)),
    counters,
    group: driver,
    untimed: (work) => work(db),
    close: async () => {
      reader.close();
      await db.destroy();
      lock?.release();
    },
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and preparing costs two to
 * three times the execution of a small query. This keeps statements by SQL text. A hit is a lookup
 * only: an intake prepares about 25 statements, and moving each hit to the end of the Map (a true LRU:
 * get, delete, set) took about 1.9 µs against 0.7 µs for the lookup alone, for a fresh 400-character
 * text in a micro-benchmark. When full, the oldest entry goes; a hot statement evicted that way is
 * prepared once more.
 */
function withStatementCache(database: SQLite.Database): StatementSource {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached) return cached;
      const statement = database.prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
      cache.set(text, statement);
      return statement;
    },
  };
}

/** SECURITY.md 24: WAL with synchronous=FULL (2), unless weaker was asked for by name. */
function checkSqliteDurability(database: SQLite.Database, allowWeak: boolean): void {
  const mode = String(database.pragma('journal_mode', { simple: true }));
  const sync = Number(database.pragma('synchronous', { simple: true }));
  if (mode !== 'wal') throw new Error(`SQLite journal_mode is ${mode}, expected wal`);
  if (sync < 2 && !allowWeak) {
    throw new Error('SQLite synchronous is below FULL; set ALLOW_WEAK_DURABILITY=1 to accept losing recent commits on power loss');
  }
}

async function connectPostgres(url: string, config: ConnectConfig): Promise<Connection> {
  const allowWeak = config.allowWeakDurability;
  const pool = guardedPool(createPgPool(url, config));
  const dialect = withIdempotencyClaims(new PostgresDialect({ pool }), 'postgres');
  const db = new Kysely<Database>({ dialect: withSqlSnapshots(dialect, 'postgres', process.env.SQL_SNAPSHOT_DIR) });
  const settings = await sql<{ fsync: string; synchronous_commit: string }>`
    select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit`.execute(db);
  const row = settings.rows[0];
  if (!allowWeak && (row?.fsync !== 'on' || row.synchronous_commit === 'off')) {
    await db.destroy();
    throw new Error(`PostgreSQL fsync=${row?.fsync} synchronous_commit=${row?.synchronous_commit}: durable settings required`);
  }
  const reads: HotReads = { rows: async <R>(query: CompiledQuery<R>) => (await db.executeQuery(query)).rows };
  return {
    db,
    dialect: 'postgres',
    reads,
    bulk: postgresBulkWriter(db),
    counters: immediateCounters(),
    group: null,
    untimed: async (work) => {
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      pool.on('error', () => undefined); // an idle client ended: the next query opens another
      const untimed = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      try {
        return await work(untimed);
      } finally {
        await untimed.destroy();
      }
    },
    close: () => db.destroy(),
  };
}
