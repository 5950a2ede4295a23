import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../core/config.ts';

/**
 * A fresh database for one test file: a temporary SQLite file, or — when TEST_DB=postgres — a new
 * database on TEST_DATABASE_URL's server, dropped afterwards.
 */
export interface TestDatabase {
  config: Config;
  dispose(): Promise<void>;
}

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/** `dialect` defaults to TEST_DB's; the reliability suite asks for each by name. */
export async function createTestDatabase(dialect = testDialect(), parentDir = os.tmpdir()): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(parentDir, 'rg-test-'));
  const base = loadConfig({ DATA_DIR: dataDir });
  if (dialect === 'sqlite') {
    return { config: base, dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `rg_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    config: { ...base, databaseUrl: dbUrl.toString() },
    dispose: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
