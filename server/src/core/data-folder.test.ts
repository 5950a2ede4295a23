import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from './bootstrap.ts';
import { loadConfig, type Config } from './config.ts';
import { backupDatabase } from './db/backup.ts';
import { manifestFile } from './db/backup-manifest.ts';
import { MODULES } from '../modules/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';

/**
 * The data folder at the server's start: a master key is created only for a new folder, a missing or
 * other key for existing data stops the start with a message naming it (issue 15 finding 7); what the
 * server writes there is its user's alone, 0600 files in 0700 folders (finding 15).
 */
describe('the data folder and its master key', () => {
  let database: TestDatabase;
  let config: Config;
  const mode = (file: string) => fs.statSync(file).mode & 0o777;
  const rc = { actor: null, ip: null, requestId: 'data-folder-test' };
  /** Starts as `npm start` does (no key passed in), appends one audit entry, stops. */
  const startOnce = async () => {
    const { ctx, connection } = await createContext(config, MODULES);
    await ctx.audit.record(ctx.db, rc, { action: 'test.started' });
    return { ctx, connection };
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    // A folder that does not exist yet, as on a first start.
    config = { ...loadConfig({ DATA_DIR: path.join(database.config.dataDir, 'data') }), databaseUrl: database.config.databaseUrl };
  });
  afterEach(() => database.dispose());

  it('creates the key for a new folder only, and every file of the folder 0600 in 0700 folders', async () => {
    const { ctx, connection } = await startOnce();
    try {
      expect(mode(config.dataDir)).toBe(0o700);
      expect(mode(path.dirname(config.keyFile))).toBe(0o700);
      expect(mode(config.keyFile)).toBe(0o600);
      if (ctx.dialect === 'sqlite') {
        for (const file of [
          config.sqliteFile,
          `${config.sqliteFile}-wal`,
          `${config.sqliteFile}-shm`,
          path.join(config.dataDir, 'server.lock'),
        ]) {
          expect([file, mode(file)]).toEqual([file, 0o600]);
        }
      }
      const backup = path.join(config.dataDir, 'backups', 'b.backup');
      await backupDatabase(ctx, config.databaseUrl, backup, ctx.keys);
      expect(mode(path.dirname(backup))).toBe(0o700);
      expect(mode(backup)).toBe(0o600);
      expect(mode(manifestFile(backup))).toBe(0o600);
    } finally {
      await connection.close();
    }
  });

  it('refuses to start on existing data without its key, naming the key file, and creates none', async () => {
    await (await startOnce()).connection.close();
    fs.rmSync(config.keyFile);
    await expect(createContext(config, MODULES)).rejects.toThrow(
      `the master key is missing: MASTER_KEY is not set and there is no key file at ${config.keyFile}. This data was written with a master key`,
    );
    expect(fs.existsSync(config.keyFile)).toBe(false);
  });

  it('refuses to start with another key, naming it, before anything is decrypted with it', async () => {
    await (await startOnce()).connection.close();
    const rightKey = fs.readFileSync(config.keyFile);
    fs.writeFileSync(config.keyFile, `${Buffer.alloc(32, 9).toString('base64')}\n`);
    await expect(createContext(config, MODULES)).rejects.toThrow(
      `the key file ${config.keyFile} does not match this data: its audit log was written with another master key.`,
    );
    // The right key starts again (the refused start released the data folder).
    fs.writeFileSync(config.keyFile, rightKey);
    const { connection } = await startOnce();
    await connection.close();
  });
});
