import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { recordFigures } from '../testing/fault-figures.ts';
import { VILLAGE } from '../testing/fault-load.ts';
import { createFaultDatabase } from '../testing/fault-seed.ts';
import { describeIf, runCli, serverTarget } from '../testing/fault-targets.ts';
import { freePort, login, startAndWait, writeHeaders, type Session, type SpawnedServer } from '../testing/spawned-server.ts';
import type { TestDatabase } from '../testing/test-db.ts';

async function addGroup(base: string, session: Session, name: string): Promise<number> {
  const res = await fetch(`${base}/api/regions/${VILLAGE}/groups`, {
    method: 'POST',
    headers: writeHeaders(session),
    body: JSON.stringify({ name }),
    signal: AbortSignal.timeout(15_000),
  });
  return res.status;
}

/**
 * Issue 15 findings 6 and 7, SECURITY.md 28: `npm run db:restore` refuses a data folder a running server
 * holds (non-zero exit, nothing deleted, the server's data intact) and refuses to restore without the key
 * that matches the backup; `npm run audit:verify` without the key says so and creates none.
 */
describeIf(null, 'restore refusals (SQLite)', () => {
  let database: TestDatabase | null = null;
  let server: SpawnedServer | null = null;
  const scratch: string[] = [];
  afterAll(async () => {
    await server?.kill();
    await database?.dispose();
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });
  const scratchDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-restore-'));
    scratch.push(dir);
    return dir;
  };

  it('refuses a data folder held by a running server and a missing or wrong key', async () => {
    database = await createFaultDatabase('sqlite');
    const target = serverTarget(database.config);
    const port = await freePort();
    server = await startAndWait(target, port);
    const session = await login(server.base);
    const figures = {
      underServer: { exit: null as number | null, output: '', writesAfter: 0, foundAfterRestart: 0 },
      missingKey: { exit: null as number | null, output: '', databaseCreated: false },
      wrongKey: { exit: null as number | null, output: '', databaseCreated: false },
      verifyWithoutKey: { exit: null as number | null, output: '', keyCreated: false },
    };
    try {
      const names = ['复前0', '复前1', '复前2'];
      for (const name of names) expect(await addGroup(server.base, session, name)).toBe(201);
      const backup = path.join(scratchDir(), 'governance.db');
      const backedUp = await runCli('backup.ts', target, ['--out', backup]);
      expect(backedUp.status, backedUp.output).toBe(0);
      for (const name of ['复后0', '复后1']) {
        expect(await addGroup(server.base, session, name)).toBe(201);
        names.push(name);
      }

      const underServer = await runCli('restore.ts', target, ['--from', backup]);
      Object.assign(figures.underServer, { exit: underServer.status, output: underServer.output.slice(-300) });
      expect(fs.existsSync(database.config.sqliteFile), 'the live database file is still there').toBe(true);
      // The server keeps its data: a write after the refused restore, and all of them after a restart.
      expect(await addGroup(server.base, session, '复中')).toBe(201);
      names.push('复中');
      figures.underServer.writesAfter = 1;
      await server.kill();
      server = await startAndWait(target, port);
      const again = await login(server.base);
      const res = await fetch(`${server.base}/api/regions/${VILLAGE}/children?pageSize=500`, { headers: { cookie: again.cookie } });
      const found = new Set(((await res.json()) as { items: { name: string }[] }).items.map((r) => r.name));
      figures.underServer.foundAfterRestart = names.filter((n) => found.has(n)).length;
      await server.kill();
      server = null;

      // A fresh folder without the key, and one with another key.
      const bare = scratchDir();
      const missingKey = await runCli('restore.ts', { dataDir: bare, databaseUrl: null }, ['--from', backup]);
      Object.assign(figures.missingKey, {
        exit: missingKey.status,
        output: missingKey.output.slice(-300),
        databaseCreated: fs.existsSync(path.join(bare, 'governance.db')),
      });
      const other = scratchDir();
      fs.mkdirSync(path.join(other, 'keys'), { mode: 0o700 });
      fs.writeFileSync(path.join(other, 'keys', 'master.key'), `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      const wrongKey = await runCli('restore.ts', { dataDir: other, databaseUrl: null }, ['--from', backup]);
      Object.assign(figures.wrongKey, {
        exit: wrongKey.status,
        output: wrongKey.output.slice(-300),
        databaseCreated: fs.existsSync(path.join(other, 'governance.db')),
      });
      // The backup copied by hand beside no key: verify names the missing key instead of inventing one.
      const copied = scratchDir();
      fs.copyFileSync(backup, path.join(copied, 'governance.db'));
      const verify = await runCli('audit-verify.ts', { dataDir: copied, databaseUrl: null });
      Object.assign(figures.verifyWithoutKey, {
        exit: verify.status,
        output: verify.output.slice(-300),
        keyCreated: fs.existsSync(path.join(copied, 'keys', 'master.key')),
      });

      expect(figures.underServer.foundAfterRestart, 'every acknowledged write survives the refused restore').toBe(names.length);
      expect(underServer.status, `restore under a running server: ${underServer.output}`).not.toBe(0);
      expect({ exit: missingKey.status === 0 ? 0 : 'refused', created: figures.missingKey.databaseCreated }).toEqual({
        exit: 'refused',
        created: false,
      });
      expect({ exit: wrongKey.status === 0 ? 0 : 'refused', created: figures.wrongKey.databaseCreated }).toEqual({
        exit: 'refused',
        created: false,
      });
      expect(verify.status, verify.output).not.toBe(0);
      expect(figures.verifyWithoutKey.keyCreated, 'audit:verify creates no key').toBe(false);
      expect(verify.output).not.toMatch(/altered/);
    } finally {
      recordFigures('restoreRefusals', figures);
    }
  });
});
