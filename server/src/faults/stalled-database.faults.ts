import { afterAll, expect, it } from 'vitest';
import { elapsedMs, recordFigures } from '../testing/fault-figures.ts';
import { VILLAGE } from '../testing/fault-load.ts';
import { ACCOUNTS, createFaultDatabase, PASSWORD } from '../testing/fault-seed.ts';
import { describeIf, NO_POSTGRES, postgresUrl } from '../testing/fault-targets.ts';
import { login, sleep, startAndWait, writeHeaders, type SpawnedServer } from '../testing/spawned-server.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import type { TestDatabase } from '../testing/test-db.ts';

/** Issue 15 Deliver: "a stalled database answers 503 within a few seconds instead of hanging". */
const DEADLINE_MS = 5000;
/** How long the client waits at most (past the deadline, to see how late an answer comes). */
const CLIENT_WAIT_MS = DEADLINE_MS + 4000;
const RECOVERY_MS = 20_000;

interface Timed {
  status: number | null;
  ms: number;
}

async function timed(url: string, init: RequestInit = {}): Promise<Timed> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(CLIENT_WAIT_MS) });
    await res.arrayBuffer();
    return { status: res.status, ms: elapsedMs(started) };
  } catch {
    return { status: null, ms: elapsedMs(started) };
  }
}

/**
 * Issue 15 finding 4: PostgreSQL stops answering (a TCP proxy between the server and the database is
 * paused). Writes, reads and sign-ins answer 503 within the deadline, `/api/ready` answers 503 and
 * liveness stays 200; once the database answers again, so does the server.
 */
describeIf(NO_POSTGRES, 'a stalled PostgreSQL', () => {
  let database: TestDatabase | null = null;
  let proxy: TcpProxy | null = null;
  let server: SpawnedServer | null = null;
  afterAll(async () => {
    proxy?.resume();
    await server?.kill();
    await proxy?.close();
    await database?.dispose();
  });

  it(`answers 503 within ${DEADLINE_MS} ms while the database stalls, and recovers after`, async () => {
    database = await createFaultDatabase('postgres');
    const upstream = new URL(postgresUrl() ?? '');
    proxy = await startTcpProxy(upstream.hostname, Number(upstream.port || 5432));
    const viaProxy = new URL(database.config.databaseUrl ?? '');
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = await startAndWait({ dataDir: database.config.dataDir, databaseUrl: viaProxy.toString() });
    const base = server.base;
    const session = await login(base);
    const write = (name: string) =>
      timed(`${base}/api/regions/${VILLAGE}/groups`, { method: 'POST', headers: writeHeaders(session), body: JSON.stringify({ name }) });
    const figures = {
      deadlineMs: DEADLINE_MS,
      stalled: {} as Record<string, Timed>,
      recoverMs: null as number | null,
      readyAfter: null as number | null,
    };
    try {
      expect((await write('停前')).status).toBe(201);
      proxy.pause();
      const [w, r, l, ready, health] = await Promise.all([
        write('停中'),
        timed(`${base}/api/regions/${VILLAGE}/children`, { headers: { cookie: session.cookie } }),
        timed(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: ACCOUNTS.mediator, password: PASSWORD }),
        }),
        timed(`${base}/api/ready`),
        timed(`${base}/api/health`),
      ]);
      figures.stalled = { write: w!, read: r!, login: l!, ready: ready!, health: health! };
      proxy.resume();
      const resumed = performance.now();
      let recovered = false;
      for (let i = 0; !recovered && elapsedMs(resumed) < RECOVERY_MS; i += 1) {
        recovered = (await write(`停后${i}`)).status === 201;
        if (!recovered) await sleep(200);
      }
      figures.recoverMs = recovered ? elapsedMs(resumed) : null;
      figures.readyAfter = (await timed(`${base}/api/ready`)).status;

      const answered = (t: Timed) => ({ status: t.status, inTime: t.ms <= DEADLINE_MS });
      expect({
        write: answered(w!),
        read: answered(r!),
        login: answered(l!),
        ready: answered(ready!),
        health: answered(health!),
      }).toEqual({
        write: { status: 503, inTime: true },
        read: { status: 503, inTime: true },
        login: { status: 503, inTime: true },
        ready: { status: 503, inTime: true },
        health: { status: 200, inTime: true },
      });
      expect(figures.recoverMs, `a write succeeds within ${RECOVERY_MS} ms of the resume`).not.toBeNull();
      expect(figures.readyAfter).toBe(200);
    } finally {
      proxy.resume();
      recordFigures('stalledDatabase', figures);
    }
  });
});
