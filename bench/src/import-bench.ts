import crypto from 'node:crypto';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { createContext } from '../../server/src/core/bootstrap.ts';
import { loadConfig } from '../../server/src/core/config.ts';
import { MODULES } from '../../server/src/modules/index.ts';
import { readDivisionRows, storeDivisionRows, type ImportRow } from '../../server/src/modules/regions/regions.import.ts';
import { round } from './proc.ts';

export interface BareInsert {
  what: string;
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportFigures {
  database: 'sqlite' | 'postgres';
  scope: string;
  rows: number;
  regionsInDatabase: number;
  parseSeconds: number;
  storeSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  durability: string;
  bare: BareInsert;
  /** For reference: the same upsert SQL as the platform's, as one prepared single-row statement. */
  bareUpsert?: BareInsert;
  /** The platform's store time over the bare insert time (how many times slower). */
  storeToBare: number;
  /** The platform's parse + store time over the bare insert time. */
  totalToBare: number;
}

export interface SqliteImport {
  figures: ImportFigures;
  /** `create table` / `create index` statements of `regions`, for identical bare tables. */
  regionsDdl: string[];
  /** Villages of the given counties, for the create benchmark. */
  villages: string[];
}

const seconds = (ms: number): number => round(ms / 1000, 3);

function scopeOf(only: readonly string[]): string {
  return only.length === 0 ? 'national' : `only ${only.join(',')}`;
}

/**
 * The platform's import (readDivisionRows + storeDivisionRows, as importDivisions runs them) into a
 * freshly migrated SQLite database in `dataDir` with synchronous=FULL; then a bare better-sqlite3
 * prepared INSERT of the same rows in one transaction into an identical fresh table in another file.
 */
export async function benchSqliteImport(
  dataDir: string,
  only: readonly string[],
  villageCounties: readonly string[],
): Promise<SqliteImport> {
  const config = loadConfig({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'FULL' });
  const { ctx, connection } = await createContext(config, MODULES);
  let rows: ImportRow[] = [];
  let parseMs = 0;
  let storeMs = 0;
  let regionsInDatabase = 0;
  let regionsDdl: string[] = [];
  let synchronous = '';
  try {
    ({ rows, parseMs, storeMs } = await timedImport(ctx, only));
    const count = await sql<{ n: number }>`select count(*) as n from regions`.execute(ctx.db);
    regionsInDatabase = Number(count.rows[0]?.n ?? 0);
    const ddl = await sql<{
      sql: string;
    }>`select sql from sqlite_master where tbl_name = 'regions' and sql is not null order by type desc`.execute(ctx.db);
    regionsDdl = ddl.rows.map((r) => r.sql);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(ctx.db);
    synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(sync.rows[0]?.synchronous)] ?? 'unknown';
  } finally {
    await connection.close();
  }
  const villages = rows.filter((r) => r.level === 'village' && villageCounties.some((c) => r.code.startsWith(c))).map((r) => r.code);

  const bare = bareSqliteInsert(path.join(dataDir, '..', 'bare-import.db'), regionsDdl, rows, false);
  const bareUpsert = bareSqliteInsert(path.join(dataDir, '..', 'bare-upsert.db'), regionsDdl, rows, true);
  return {
    regionsDdl,
    villages,
    figures: {
      ...importFigures('sqlite', only, rows.length, regionsInDatabase, parseMs, storeMs, bare),
      durability: `journal_mode=WAL synchronous=${synchronous}`,
      bareUpsert,
    },
  };
}

const UPSERT = ` on conflict (code) do update set official_name = excluded.official_name, name = excluded.name,
  parent_code = excluded.parent_code, kind = excluded.kind, updated_at = excluded.updated_at
  where regions.official_name != excluded.official_name or regions.parent_code != excluded.parent_code
  or coalesce(regions.kind, '') <> coalesce(excluded.kind, '')`;

/** The platform's import as importDivisions runs it, timed in its two phases, keeping the rows for the baselines. */
async function timedImport(
  target: Parameters<typeof storeDivisionRows>[0],
  only: readonly string[],
): Promise<{ rows: ImportRow[]; parseMs: number; storeMs: number }> {
  const t0 = performance.now();
  const rows = readDivisionRows({ only });
  const t1 = performance.now();
  await storeDivisionRows(target, rows, new Date().toISOString());
  return { rows, parseMs: t1 - t0, storeMs: performance.now() - t1 };
}

/** The figures both databases report, with the platform's times over the bare insert's. */
function importFigures(
  database: ImportFigures['database'],
  only: readonly string[],
  rows: number,
  regionsInDatabase: number,
  parseMs: number,
  storeMs: number,
  bare: BareInsert,
): Omit<ImportFigures, 'durability'> {
  const totalMs = parseMs + storeMs;
  return {
    database,
    scope: scopeOf(only),
    rows,
    regionsInDatabase,
    parseSeconds: seconds(parseMs),
    storeSeconds: seconds(storeMs),
    totalSeconds: seconds(totalMs),
    rowsPerSecond: Math.round(rows / (totalMs / 1000)),
    bare,
    storeToBare: round(storeMs / 1000 / Math.max(bare.seconds, 0.001), 2),
    totalToBare: round(totalMs / 1000 / Math.max(bare.seconds, 0.001), 2),
  };
}

function bareSqliteInsert(file: string, ddl: readonly string[], rows: readonly ImportRow[], upsert: boolean): BareInsert {
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    for (const statement of ddl) db.exec(statement);
    const insert = db.prepare(
      `insert into regions (code, parent_code, level, official_name, name, kind, is_poor, population, households, is_local, updated_at)
       values (?, ?, ?, ?, ?, ?, 0, null, null, 0, ?)${upsert ? UPSERT : ''}`,
    );
    const now = new Date().toISOString();
    const t0 = performance.now();
    db.transaction(() => {
      for (const r of rows) insert.run(r.code, r.parent_code, r.level, r.official_name, r.name, r.kind, now);
    })();
    const ms = performance.now() - t0;
    return {
      what: `better-sqlite3 prepared ${upsert ? "single-row INSERT … ON CONFLICT DO UPDATE … WHERE (the platform's upsert)" : 'INSERT'}, one transaction, identical fresh table (same indexes), WAL, synchronous=FULL`,
      seconds: seconds(ms),
      rowsPerSecond: Math.round(rows.length / (ms / 1000)),
    };
  } finally {
    db.close();
  }
}

/**
 * The same import into a throw-away PostgreSQL database on the server of `url` (created, migrated,
 * imported, dropped); then a bare multi-row INSERT (1,000 rows a statement, one transaction) of the
 * same rows into the migrated `regions` table of a second throw-away database.
 */
export async function benchPostgresImport(url: string, dataDir: string, only: readonly string[]): Promise<ImportFigures> {
  const platformDb = await createPgDatabase(url);
  const bareDb = await createPgDatabase(url);
  try {
    // The bare table comes from the same migrations, in its own database, so neither run pays for
    // the other's checkpoints.
    const bareSetup = await createContext({ ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: bareDb.url }, MODULES);
    await bareSetup.connection.close();

    const config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: platformDb.url };
    const { ctx, connection } = await createContext(config, MODULES);
    let rows: ImportRow[] = [];
    let parseMs = 0;
    let storeMs = 0;
    let regionsInDatabase = 0;
    let durability = '';
    try {
      await sql`checkpoint`.execute(ctx.db).catch(() => undefined);
      ({ rows, parseMs, storeMs } = await timedImport(ctx, only));
      const count = await sql<{ n: number }>`select count(*)::int as n from regions`.execute(ctx.db);
      regionsInDatabase = Number(count.rows[0]?.n ?? 0);
      const s = await sql<{
        fsync: string;
        sc: string;
      }>`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc`.execute(ctx.db);
      durability = `fsync=${s.rows[0]?.fsync} synchronous_commit=${s.rows[0]?.sc}`;
    } finally {
      await connection.close();
    }
    const bare = await barePostgresInsert(bareDb.url, rows);
    return { ...importFigures('postgres', only, rows.length, regionsInDatabase, parseMs, storeMs, bare), durability };
  } finally {
    await platformDb.drop();
    await bareDb.drop();
  }
}

async function createPgDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rg_bench_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    url: dbUrl.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function barePostgresInsert(url: string, rows: readonly ImportRow[]): Promise<BareInsert> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('checkpoint').catch(() => undefined);
    const now = new Date().toISOString();
    const batch = 1000;
    const t0 = performance.now();
    await client.query('begin');
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch);
      const values: (string | null)[] = [];
      const tuples = slice.map((r, j) => {
        values.push(r.code, r.parent_code, r.level, r.official_name, r.name, r.kind, now);
        const p = j * 7;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, 0, null, null, 0, $${p + 7})`;
      });
      await client.query(
        `insert into regions (code, parent_code, level, official_name, name, kind, is_poor, population, households, is_local, updated_at) values ${tuples.join(',')}`,
        values,
      );
    }
    await client.query('commit');
    const ms = performance.now() - t0;
    return {
      what: 'pg multi-row INSERT (1,000 rows a statement), one transaction, into a freshly migrated regions table in its own database',
      seconds: seconds(ms),
      rowsPerSecond: Math.round(rows.length / (ms / 1000)),
    };
  } finally {
    await client.end();
  }
}
