import { spawn } from 'node:child_process';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, it } from 'vitest';
import type { Config } from '../core/config.ts';
import { REPO_ROOT, targetEnv, type ServerTarget } from './spawned-server.ts';

/**
 * What the reliability suite (`npm run test:faults`) needs around the spawned servers: PostgreSQL when
 * there is one (required under CI=true, as in scripts/test.mjs), the database read directly (rows a
 * fault may have duplicated or lost), and the project's CLIs run as an operator runs them.
 */
export const CI = process.env.CI === 'true' || process.env.CI === '1';

export function postgresUrl(): string | null {
  return process.env.TEST_DATABASE_URL || null;
}

/**
 * A describe block that needs something the machine may lack (PostgreSQL, root for a tmpfs): skipped
 * with the reason outside CI, a failing test under CI=true so CI never passes without it.
 */
export function describeIf(missing: string | null, name: string, body: () => void): void {
  if (!missing) describe(name, body);
  else if (CI) describe(name, () => it(`needs ${missing} (required under CI=true)`, () => Promise.reject(new Error(missing))));
  else describe.skip(`${name} — not run: ${missing}`, body);
}

export const NO_POSTGRES = postgresUrl() ? null : 'PostgreSQL (TEST_DATABASE_URL is not set)';

export function serverTarget(config: Config): ServerTarget {
  return { dataDir: config.dataDir, databaseUrl: config.databaseUrl };
}

/** Rows read straight from the database (SQLite read-only, beside a running server if need be). */
export async function queryRows<T>(config: Config, text: string): Promise<T[]> {
  if (!config.databaseUrl) {
    const file = new SQLite(config.sqliteFile, { readonly: true, fileMustExist: true });
    try {
      return file.prepare(text).all() as T[];
    } finally {
      file.close();
    }
  }
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

export function sqliteIntegrity(config: Config): string {
  const file = new SQLite(config.sqliteFile, { readonly: true, fileMustExist: true });
  try {
    return String(file.pragma('integrity_check', { simple: true }));
  } finally {
    file.close();
  }
}

export interface CliResult {
  status: number | null;
  output: string;
}

/** One of server/src/cli/*.ts against the target, as `npm run audit:verify` / `db:restore` run it. */
export async function runCli(script: string, target: ServerTarget, args: string[] = [], timeoutMs = 60_000): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', `server/src/cli/${script}`, ...args], {
    cwd: REPO_ROOT,
    env: targetEnv(target),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  clearTimeout(timer);
  return { status, output: output.trim() };
}
