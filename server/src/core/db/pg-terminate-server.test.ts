import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, login, startServer, waitUntilUp, type Running } from '../../testing/spawned-server.ts';
import { createTestDatabase, testDialect, type TestDatabase } from '../../testing/test-db.ts';

const GROUPS = '/api/regions/610423104209/groups';

/**
 * Issue 15 finding 2, as an operator saw it: a server process under load whose PostgreSQL connections
 * are terminated (failover, an administrator) keeps running, answers those requests 503, loses no
 * acknowledged write and serves again at once. Before the mend one terminate ended the process.
 */
describe.skipIf(testDialect() !== 'postgres')('a server process outlives pg_terminate_backend under load', () => {
  let database: TestDatabase;
  let server: Running | null = null;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    if (server) await server.exited;
    await database.dispose();
  });

  it('answers 2xx or 503 throughout, stays up, and keeps every acknowledged write', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServer(database, port, { captureStderr: true });
    await waitUntilUp(base, 150);
    const { cookie, csrf } = await login(base);
    const statuses = new Map<number, number>();
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let n = 0; !stop; n += 1) {
        const name = `断${w}-${n}`;
        try {
          const res =
            n % 2 === 0
              ? await fetch(`${base}${GROUPS}`, {
                  method: 'POST',
                  headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
                  body: JSON.stringify({ name }),
                })
              : await fetch(`${base}/api/regions/610423104209/children?pageSize=50`, { headers: { cookie } });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) acknowledged.push(name);
        } catch (err) {
          failures.push(String(err)); // the process died or dropped the connection
          return;
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    const admin = new pg.Client({ connectionString: database.config.databaseUrl ?? '' });
    await admin.connect();
    let terminated = 0;
    try {
      for (let round = 0; round < 8; round += 1) {
        await new Promise((r) => setTimeout(r, 250));
        const { rows } = await admin.query<{ ended: boolean }>(
          `select pg_terminate_backend(pid) as ended from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
        );
        terminated += rows.filter((r) => r.ended).length;
      }
    } finally {
      stop = true;
      await Promise.all(workers);
      await admin.end();
    }

    expect(failures).toEqual([]);
    expect(server.child.exitCode).toBeNull();
    expect(terminated).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);

    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(200);
    const res = await fetch(`${base}/api/regions/610423104209/children?pageSize=500`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const names = new Set(((await res.json()) as { items: { name: string }[] }).items.map((r) => r.name));
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
    process.stderr.write(`pg-terminate: ${terminated} backends ended, statuses ${JSON.stringify([...statuses])}\n`);
  });
});
