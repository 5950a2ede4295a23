import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultApp, type FaultApp } from '../../testing/fault-app.ts';
import type { SyncFile } from '../db/sqlite-group-commit.ts';

/** Issue 15 finding 5 (disk full, failed fsync) and finding 4 (a lock that cannot be had), on SQLite. */
describe('SQLite storage faults answer 507/503 and /api/ready tells', () => {
  let t: FaultApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const linesAbout = (app: FaultApp, check: string) => app.log.filter((l) => l.check === check);

  it('a full database answers 507 with a Chinese message, logs it once, and recovers when space returns', async () => {
    t = await createFaultApp();
    expect((await t.createAdvisor(1)).statusCode).toBe(201);
    expect((await t.ready()).statusCode).toBe(200);
    // The file may not grow past its current size: the next pages a write needs are refused (SQLITE_FULL).
    const [{ page_count: pages } = { page_count: 0 }] = (await sql<{ page_count: number }>`pragma page_count`.execute(t.ctx.db)).rows;
    await sql.raw(`pragma max_page_count = ${pages}`).execute(t.ctx.db);
    const statuses: number[] = [];
    for (let n = 2; n < 200 && !statuses.includes(507); n++) statuses.push((await t.createAdvisor(n)).statusCode);
    expect(statuses.filter((s) => s !== 201 && s !== 507)).toEqual([]);
    const full = await t.createAdvisor(500);
    expect(full.statusCode).toBe(507);
    expect(full.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'storage_full',
      message: '服务器存储空间已满，暂时无法保存，请联系管理员清理空间',
    });
    const login = await t.login();
    expect([200, 507]).toContain(login.statusCode);

    const ready = await t.ready();
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', disk: 'failing', groupCommit: 'ok' } });
    expect(linesAbout(t, 'disk')).toEqual([expect.objectContaining({ msg: 'readiness: disk failing', cause: 'SQLITE_FULL' })]);

    await sql.raw('pragma max_page_count = 1073741823').execute(t.ctx.db);
    expect((await t.createAdvisor(501)).statusCode).toBe(201);
    expect((await t.ready()).statusCode).toBe(200);
    expect(linesAbout(t, 'disk').map((l) => l.msg)).toEqual(['readiness: disk failing', 'readiness: disk recovered']);
  });

  it('a failed fsync answers 503 asking for a restart, for writes, reads and logins alike, and /api/ready names it', async () => {
    let failing = false;
    const syncFile: SyncFile = (fd, done) => {
      if (failing) done(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
      else fs.fsync(fd, done);
    };
    t = await createFaultApp({ syncFile });
    expect((await t.createAdvisor(1)).statusCode).toBe(201);
    failing = true;
    const write = await t.createAdvisor(2);
    expect(write.statusCode).toBe(503);
    expect(write.json<{ error: { message: string } }>().error.message).toBe('服务器写入存储失败，需由管理员重启服务后才能继续使用');
    expect((await t.app.inject({ method: 'GET', url: '/api/legal/advisors', headers: t.headers })).statusCode).toBe(503);
    expect((await t.login()).statusCode).toBe(503);
    const ready = await t.ready();
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not_ready', checks: { groupCommit: 'failing' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(linesAbout(t, 'groupCommit')).toEqual([
      expect.objectContaining({ msg: 'readiness: groupCommit failing', cause: 'GROUP_COMMIT_STOPPED' }),
    ]);
  });

  it('a write that cannot get the lock another process holds answers 503 after the lock timeout', async () => {
    t = await createFaultApp({ settings: () => ({ dbLockTimeoutMs: 200 }) });
    const other = new SQLite(t.config.sqliteFile);
    try {
      other.prepare('begin immediate').run();
      const started = Date.now();
      const res = await t.createAdvisor(3);
      expect(res.statusCode).toBe(503);
      expect(res.json<{ error: { message: string } }>().error.message).toBe('数据正被其他操作占用，请稍后重试');
      expect(Date.now() - started).toBeLessThan(3000);
      other.prepare('rollback').run();
      expect((await t.createAdvisor(4)).statusCode).toBe(201);
    } finally {
      other.close();
    }
  });
});
