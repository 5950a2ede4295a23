import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { elapsedMs, recordFigures } from '../testing/fault-figures.ts';
import { post, runWriters, Tally, VILLAGE, waitFor } from '../testing/fault-load.ts';
import { createFaultDatabase } from '../testing/fault-seed.ts';
import { describeIf, NO_POSTGRES, postgresUrl, serverTarget } from '../testing/fault-targets.ts';
import { login, sleep, startAndWait, writeHeaders, type SpawnedServer } from '../testing/spawned-server.ts';
import type { TestDatabase } from '../testing/test-db.ts';

const TERMINATIONS = 3;
const BETWEEN_MS = 500;

/** Ends every connection to `database` but the caller's own, as a failover or a network reset would. */
async function terminateAll(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: postgresUrl() ?? '' });
  await admin.connect();
  try {
    const result = await admin.query<{ n: string }>(
      'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await admin.end();
  }
}

/**
 * Issue 15 finding 2: a PostgreSQL connection ended under a busy server must not end the process. Two
 * processes share one database; all their connections are terminated a few times during a write load.
 * Both stay up, every 2xx is in the database, and the requests that lost their connection answer 503
 * (never a dropped socket, never a 500).
 */
describeIf(NO_POSTGRES, 'pg_terminate_backend under write load, two processes', () => {
  let database: TestDatabase | null = null;
  const servers: SpawnedServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await database?.dispose();
  });

  it('both processes survive, no acknowledged write is lost, the failed requests answer 503', async () => {
    database = await createFaultDatabase('postgres');
    const target = serverTarget(database.config);
    servers.push(await startAndWait(target), await startAndWait(target));
    const session = await login(servers[0]!.base);
    const tally = new Tally();
    const acknowledged: string[] = [];
    const figures = {
      processes: 2,
      terminations: TERMINATIONS,
      backendsTerminated: 0,
      sent: 0,
      acknowledged: 0,
      foundAfter: 0,
      status503: 0,
      unanswered: 0,
      other: {} as Record<string, number>,
      aliveAfter: 0,
      recoveredMs: null as number | null,
    };
    try {
      let stopped = false;
      const load = runWriters(
        6,
        60,
        async (w, n) => {
          const name = `断${w}-${n}`;
          tally.sent += 1;
          const answer = await post(
            servers[(w + n) % 2]!.base,
            `/api/regions/${VILLAGE}/groups`,
            session,
            JSON.stringify({ name }),
            {},
            15_000,
          );
          if (!answer) {
            tally.unanswered += 1;
            await sleep(50);
          } else {
            tally.answer(answer.status);
            if (answer.status === 201) acknowledged.push(name);
          }
        },
        () => stopped,
      );
      await waitFor(() => acknowledged.length >= 30, 30_000);
      for (let i = 0; i < TERMINATIONS; i += 1) {
        figures.backendsTerminated += await terminateAll(new URL(database.config.databaseUrl ?? '').pathname.slice(1));
        await sleep(BETWEEN_MS);
      }
      const after = performance.now();
      await sleep(1000);
      stopped = true;
      await load;

      figures.aliveAfter = servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null).length;
      for (const server of servers) {
        const health = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
        expect(health?.status, `process on ${server.base} answers health:\n${server.output().slice(-2000)}`).toBe(200);
        const next = await fetch(`${server.base}/api/regions/${VILLAGE}/groups`, {
          method: 'POST',
          headers: writeHeaders(session),
          body: JSON.stringify({ name: `断后${servers.indexOf(server)}` }),
          signal: AbortSignal.timeout(10_000),
        });
        expect(next.status, 'the next write after the terminations').toBe(201);
      }
      figures.recoveredMs = elapsedMs(after);
      const res = await fetch(`${servers[0]!.base}/api/regions/${VILLAGE}/children?pageSize=500`, { headers: { cookie: session.cookie } });
      const names = new Set(((await res.json()) as { items: { name: string }[] }).items.map((r) => r.name));
      const lost = acknowledged.filter((name) => !names.has(name));
      figures.foundAfter = acknowledged.length - lost.length;
      expect(lost).toEqual([]);
      expect(tally.unanswered, 'requests whose socket was dropped').toBe(0);
      expect(tally.other([503]), 'answers other than 2xx and 503').toEqual({});
    } finally {
      Object.assign(figures, {
        sent: tally.sent,
        acknowledged: acknowledged.length,
        status503: tally.statuses[503] ?? 0,
        unanswered: tally.unanswered,
        other: tally.other([503]),
      });
      recordFigures('pgTerminate', figures);
    }
  });
});
