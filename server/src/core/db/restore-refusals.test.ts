import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createTestDatabase, testDialect, type TestDatabase } from '../../testing/test-db.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { runCli, TEST_MASTER_KEY } from '../../testing/run-cli.ts';
import { readAnchors } from '../audit/audit-anchors.ts';
import { backupDatabase } from './backup.ts';
import { manifestFile } from './backup-manifest.ts';

/**
 * Issue 15 findings 6 and 7: `db:restore` refuses a data folder a running server holds, and a master
 * key other than the backup's; a restore with the right key anchors the restored chain.
 */
describe('db:restore refusals', () => {
  let t: TestApp;
  let target: TestDatabase;
  let backup: string;
  const groupCount = async () => (await t.ctx.db.selectFrom('regions').select('code').where('level', '=', 'group').execute()).length;

  beforeAll(async () => {
    t = await createTestApp();
    target = await createTestDatabase();
    await buildUser(t.ctx, { username: 'wq.restore', regionCode: PLACES.wangqiao, roles: ['official'] });
    const client = await t.login('wq.restore');
    for (const name of ['一组', '二组', '三组']) {
      expect((await client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name })).statusCode).toBe(201);
    }
    backup = path.join(t.ctx.config.dataDir, 'backups', t.ctx.dialect === 'sqlite' ? 'b.db' : 'b.dump');
    await backupDatabase(t.ctx, t.ctx.config.databaseUrl, backup, t.ctx.keys);
  });
  afterAll(async () => {
    await t.close();
    await target.dispose();
  });

  it('refuses the database a running server holds, and deletes nothing', async () => {
    const before = await groupCount();
    const res = runCli('restore.ts', t.ctx.config, { args: ['--from', backup] });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(
      testDialect() === 'sqlite'
        ? `restore refused: the data folder ${t.ctx.config.dataDir} is in use by a running server or restore (pid ${process.pid})`
        : 'other session(s) are connected to the target database (a running server?)',
    );
    if (t.ctx.dialect === 'sqlite') expect(fs.existsSync(t.ctx.config.sqliteFile)).toBe(true);
    // The running server still writes into the files it holds and reads what it wrote before.
    const client = await t.login('wq.restore');
    expect((await client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '四组' })).statusCode).toBe(201);
    expect(await groupCount()).toBe(before + 1);
  });

  it('refuses without the master key, names the fingerprint it needs, and creates no key', async () => {
    const res = runCli('restore.ts', target.config, { masterKey: null, args: ['--from', backup] });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(
      `restore refused: the master key is missing: MASTER_KEY is not set and there is no key file at ${target.config.keyFile}`,
    );
    expect(res.stderr).toContain(`needs the master key of fingerprint ${t.ctx.keys.fingerprint}`);
    expect(fs.existsSync(target.config.keyFile)).toBe(false);
    expect(fs.existsSync(target.config.sqliteFile)).toBe(false);
  });

  it('refuses another master key', async () => {
    const res = runCli('restore.ts', target.config, { masterKey: Buffer.alloc(32, 9).toString('base64'), args: ['--from', backup] });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`restore refused: MASTER_KEY does not match the backup ${backup}`);
    expect(fs.existsSync(target.config.sqliteFile)).toBe(false);
  });

  it('refuses a backup without its manifest', async () => {
    const bare = `${backup}.bare`;
    fs.copyFileSync(backup, bare);
    const res = runCli('restore.ts', target.config, { args: ['--from', bare] });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`restore refused: ${manifestFile(bare)} is missing`);
  });

  if (testDialect() === 'sqlite')
    it('is not blocked by the lock of a server killed with SIGKILL', async () => {
      const holder = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { lockDataDir } from './server/src/core/db/data-dir-lock.ts'; lockDataDir(${JSON.stringify(target.config.dataDir)}); console.log('held'); setInterval(() => {}, 1000);`,
        ],
        { cwd: path.resolve(import.meta.dirname, '../../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
      expect(runCli('restore.ts', target.config, { args: ['--from', backup] }).stderr).toContain('is in use by a running server');
      const exited = new Promise((resolve) => holder.on('exit', resolve));
      holder.kill('SIGKILL');
      await exited;
      expect(fs.readFileSync(path.join(target.config.dataDir, 'server.pid'), 'utf8').trim()).toBe(String(holder.pid));
    });

  it('restores with the right key and anchors the restored head, which audit:verify then checks', async () => {
    const manifest = JSON.parse(fs.readFileSync(manifestFile(backup), 'utf8')) as { auditEntries: number; auditHead: string };
    const res = runCli('restore.ts', target.config, { masterKey: TEST_MASTER_KEY, args: ['--from', backup] });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const anchors = readAnchors(target.config.auditAnchorFile, t.ctx.keys.anchor);
    expect(anchors.ok && anchors.anchors.map((a) => [a.seq, a.hash])).toEqual([[manifest.auditEntries, manifest.auditHead]]);
    const verify = runCli('audit-verify.ts', target.config);
    expect(verify.stdout).toContain(`audit chain intact: ${manifest.auditEntries} entries (1 anchors checked)`);
    expect(verify.status).toBe(0);
    if (testDialect() === 'postgres') {
      const again = runCli('restore.ts', target.config, { args: ['--from', backup] });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('restore refused: the target database is not empty');
    }
  });
});
