import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultApp, type FaultApp } from '../../testing/fault-app.ts';
import { startTcpProxy, type TcpProxy } from '../../testing/tcp-proxy.ts';

type ErrorJson = { error: { code: string; message: string } };

/** Polls `probe` until it holds or `ms` pass. */
async function eventually(probe: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Issue 15 findings 2 and 4 on PostgreSQL: a connection ended mid-query, a stalled server, a held lock. */
describe('PostgreSQL faults answer 503 and the server goes on', () => {
  let t: FaultApp | undefined;
  let admin: pg.Client | undefined;
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    await admin?.end();
    await t?.close();
    await proxy?.close();
    t = admin = proxy = undefined;
  });

  async function adminClient(app: FaultApp): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: app.config.databaseUrl ?? '' });
    await client.connect();
    return client;
  }

  it('a request whose connection pg_terminate_backend ends answers 503; the process lives and the next request works', async () => {
    t = await createFaultApp({ settings: () => ({ dbLockTimeoutMs: 20_000, dbStatementTimeoutMs: 30_000 }) });
    admin = await adminClient(t);
    // The login's read waits behind this lock, so its backend is busy with a query when it is terminated.
    await admin.query('begin');
    await admin.query('lock table users in access exclusive mode');
    const login = t.login();
    let waiting: number | undefined;
    const found = await eventually(async () => {
      const { rows } = await admin!.query<{ pid: number }>(
        `select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      );
      waiting = rows[0]?.pid;
      return waiting !== undefined;
    });
    expect(found).toBe(true);
    await admin.query('select pg_terminate_backend($1)', [waiting]);
    const res = await login;
    expect(res.statusCode).toBe(503);
    expect(res.json<ErrorJson>().error).toMatchObject({ code: 'unavailable', message: '数据库暂时无法响应，请稍后重试' });
    await admin.query('rollback');
    expect((await t.login()).statusCode).toBe(200);
    expect((await t.createAdvisor(1)).statusCode).toBe(201);
  });

  it('a stalled database answers 503 within the deadline, /api/ready says so, and both recover', async () => {
    const upstream = new URL(process.env.TEST_DATABASE_URL ?? '');
    proxy = await startTcpProxy(upstream.hostname, Number(upstream.port || 5432));
    const port = proxy.port;
    t = await createFaultApp({
      settings: (config) => {
        const url = new URL(config.databaseUrl ?? '');
        url.hostname = '127.0.0.1';
        url.port = String(port);
        return {
          databaseUrl: url.toString(),
          dbStatementTimeoutMs: 1000,
          dbQueryTimeoutMs: 1500,
          dbAcquireTimeoutMs: 1000,
          readyDeadlineMs: 1000,
        };
      },
    });
    expect((await t.ready()).statusCode).toBe(200);
    proxy.pause();
    for (const request of [
      () => t!.app.inject({ method: 'GET', url: '/api/legal/advisors', headers: t!.headers }),
      () => t!.login(),
      () => t!.createAdvisor(2),
    ]) {
      const started = Date.now();
      const res = await request();
      expect(res.statusCode).toBe(503);
      expect(res.json<ErrorJson>().error.message).toBe('数据库暂时无法响应，请稍后重试');
      expect(Date.now() - started).toBeLessThan(4000);
    }
    const ready = await t.ready();
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not_ready', checks: { database: 'failing', disk: 'ok', groupCommit: 'ok' } });
    expect(t.log.filter((l) => l.msg === 'readiness: database failing')).toHaveLength(1);

    proxy.resume();
    expect(await eventually(async () => (await t!.ready()).statusCode === 200)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/legal/advisors', headers: t.headers })).statusCode).toBe(200);
    expect((await t.createAdvisor(3)).statusCode).toBe(201);
    expect(t.log.filter((l) => l.check === 'database').map((l) => l.msg)).toEqual([
      'readiness: database failing',
      'readiness: database recovered',
    ]);
  });

  it('a write that waits for a lock another connection holds answers 503 after lock_timeout', async () => {
    t = await createFaultApp({ settings: () => ({ dbLockTimeoutMs: 500 }) });
    admin = await adminClient(t);
    await admin.query('begin');
    await admin.query('lock table legal_advisors in exclusive mode');
    const started = Date.now();
    const res = await t.createAdvisor(4);
    expect(res.statusCode).toBe(503);
    expect(res.json<ErrorJson>().error.message).toBe('数据正被其他操作占用，请稍后重试');
    expect(Date.now() - started).toBeLessThan(2500);
    await admin.query('rollback');
    expect((await t.createAdvisor(5)).statusCode).toBe(201);
  });
});
