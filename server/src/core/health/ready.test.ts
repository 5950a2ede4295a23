import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultApp, type FaultApp } from '../../testing/fault-app.ts';
import { testDialect } from '../../testing/test-db.ts';

/** Issue 15 "health that tells the truth": liveness and readiness apart, on both databases. */
describe('/api/health and /api/ready', () => {
  let t: FaultApp;
  beforeAll(async () => {
    t = await createFaultApp();
  });
  afterAll(() => t.close());

  it('a healthy server is live and ready, every check named, without signing in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await t.ready();
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', disk: 'ok', groupCommit: 'ok' } });
    expect(t.log.filter((l) => l.check)).toEqual([]);
  });

  if (testDialect() === 'sqlite')
    it('SQLite: a data disk below the free-space threshold is not ready', async () => {
      t.config.readyMinFreeBytes = Number.MAX_SAFE_INTEGER;
      try {
        const ready = await t.ready();
        expect(ready.statusCode).toBe(503);
        expect(ready.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', disk: 'failing', groupCommit: 'ok' } });
      } finally {
        t.config.readyMinFreeBytes = 64 * 1024 * 1024;
      }
    });
});
