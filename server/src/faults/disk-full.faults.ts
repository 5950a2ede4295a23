import { afterAll, expect, it } from 'vitest';
import { elapsedMs, recordFigures } from '../testing/fault-figures.ts';
import { VILLAGE } from '../testing/fault-load.ts';
import { createFaultDatabase } from '../testing/fault-seed.ts';
import { describeIf, serverTarget } from '../testing/fault-targets.ts';
import { login, sleep, startAndWait, writeHeaders, type SpawnedServer } from '../testing/spawned-server.ts';
import type { TestDatabase } from '../testing/test-db.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../testing/tmpfs.ts';

const SIZE_MB = 64;
const WRITES_WHEN_FULL = 8;
const RECOVERY_MS = 15_000;
/** What a log line naming the cause looks like (SQLite's own code or the OS's). */
const DISK_FULL_LOG = /SQLITE_FULL|ENOSPC|disk (is )?full|磁盘/i;

/**
 * Issue 15 finding 5: the disk under a SQLite server fills up. Writes answer 507 with a Chinese message,
 * `/api/ready` answers 503 while liveness stays 200, the cause is logged (once, not per request); once
 * space is freed, writes succeed again.
 */
describeIf(tmpfsUnavailable(), 'a full disk under SQLite', () => {
  let tmpfs: Tmpfs | null = null;
  let database: TestDatabase | null = null;
  let server: SpawnedServer | null = null;
  afterAll(async () => {
    await server?.kill();
    await database?.dispose();
    tmpfs?.unmount();
  });

  it('answers 507 while the disk is full and recovers once space is freed', async () => {
    tmpfs = mountTmpfs(SIZE_MB);
    database = await createFaultDatabase('sqlite', tmpfs.dir);
    server = await startAndWait(serverTarget(database.config));
    const base = server.base;
    const session = await login(base);
    const write = async (name: string) => {
      const res = await fetch(`${base}/api/regions/${VILLAGE}/groups`, {
        method: 'POST',
        headers: writeHeaders(session),
        body: JSON.stringify({ name }),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: res.status, message: ((await res.json()) as { error?: { message?: string } }).error?.message ?? '' };
    };
    const figures = {
      tmpfsMb: SIZE_MB,
      fillerBytes: 0,
      writesWhenFull: WRITES_WHEN_FULL,
      statuses: {} as Record<string, number>,
      message: '',
      readyWhenFull: null as number | null,
      healthWhenFull: null as number | null,
      logLines: 0,
      recoverMs: null as number | null,
    };
    try {
      expect((await write('满前')).status).toBe(201);
      const logBefore = server
        .output()
        .split('\n')
        .filter((line) => DISK_FULL_LOG.test(line)).length;
      figures.fillerBytes = tmpfs.fill();
      for (let i = 0; i < WRITES_WHEN_FULL; i += 1) {
        const answer = await write(`满中${i}`);
        figures.statuses[answer.status] = (figures.statuses[answer.status] ?? 0) + 1;
        figures.message ||= answer.message;
      }
      figures.readyWhenFull = (await fetch(`${base}/api/ready`)).status;
      figures.healthWhenFull = (await fetch(`${base}/api/health`)).status;
      figures.logLines =
        server
          .output()
          .split('\n')
          .filter((line) => DISK_FULL_LOG.test(line)).length - logBefore;
      tmpfs.free();
      const freed = performance.now();
      let recovered = false;
      for (let i = 0; !recovered && elapsedMs(freed) < RECOVERY_MS; i += 1) {
        recovered = (await write(`满后${i}`)).status === 201;
        if (!recovered) await sleep(200);
      }
      figures.recoverMs = recovered ? elapsedMs(freed) : null;

      expect(figures.statuses).toEqual({ 507: WRITES_WHEN_FULL });
      expect(figures.message).toMatch(/[\u4e00-\u9fff]/);
      expect({ ready: figures.readyWhenFull, health: figures.healthWhenFull }).toEqual({ ready: 503, health: 200 });
      expect(figures.logLines, 'the cause is logged').toBeGreaterThanOrEqual(1);
      expect(figures.logLines, 'logged once, not per request').toBeLessThan(WRITES_WHEN_FULL);
      expect(figures.recoverMs, `a write succeeds within ${RECOVERY_MS} ms of freeing the space`).not.toBeNull();
    } finally {
      tmpfs.free();
      recordFigures('diskFull', figures);
    }
  });
});
