import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { connect } from './connect.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-connect-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const defaults = loadConfig({ DATA_DIR: dir });

describe('durable settings at start (SECURITY.md 24)', () => {
  it('opens SQLite in WAL mode with synchronous=FULL', async () => {
    const connection = await connect({
      ...defaults,
      databaseUrl: null,
      sqliteFile: path.join(dir, 'full.db'),
      sqliteSynchronous: 'FULL',
      allowWeakDurability: false,
    });
    await connection.close();
    expect(fs.existsSync(path.join(dir, 'full.db'))).toBe(true);
  });

  it('refuses synchronous=NORMAL unless weaker durability is asked for by name', async () => {
    const weak = { ...defaults, databaseUrl: null, sqliteFile: path.join(dir, 'normal.db'), sqliteSynchronous: 'NORMAL' as const };
    await expect(connect({ ...weak, allowWeakDurability: false })).rejects.toThrow(/synchronous is below FULL/);
    const allowed = await connect({ ...weak, allowWeakDurability: true });
    await allowed.close();
  });
});
