import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ACCOUNTS, PASSWORD } from './fault-seed.ts';

/**
 * The real server as a child process (`server/src/main.ts` on a database from fault-seed.ts), for the tests that kill it,
 * starve it or pull its database away (SECURITY.md 25, 33; the reliability suite, `npm run test:faults`).
 * Everything listens on 127.0.0.1 only.
 */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Its output is kept (the last part) to name the cause of a failure and to count log lines. */
const OUTPUT_KEPT = 256 * 1024;

export interface SpawnedServer {
  base: string;
  child: ChildProcess;
  /** Resolves with the exit code (null after a signal) once the process has ended. */
  exited: Promise<number | null>;
  output(): string;
  /** SIGKILL unless it has ended already; resolves once it has. */
  kill(): Promise<void>;
}

export interface ServerTarget {
  dataDir: string;
  databaseUrl: string | null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The environment a spawned server or CLI runs with: the target's folder and database, nothing inherited that would change them. */
export function targetEnv(target: ServerTarget, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl ?? '', ...extra };
  // A key from the environment would hide the key file the restore tests take away; the suite's SQL is not the repositories' snapshot.
  delete env.MASTER_KEY;
  delete env.SQL_SNAPSHOT_DIR;
  delete env.KEY_FILE;
  delete env.SQLITE_FILE;
  return env;
}

/** Servers still running, killed if the test process ends without its afterAll (a crash, a timeout kill). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function startServer(target: ServerTarget, port: number, extraEnv: Record<string, string> = {}): SpawnedServer {
  // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that serves.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: targetEnv(target, { PORT: String(port), HOST: '127.0.0.1', ...extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Waits for `/api/health` to answer 200; fails with the server's own output when it does not come up. */
export async function waitUntilUp(server: SpawnedServer, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      if ((await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`server did not start within ${timeoutMs} ms:\n${server.output()}`);
}

export async function startAndWait(target: ServerTarget, port?: number, extraEnv: Record<string, string> = {}): Promise<SpawnedServer> {
  const server = startServer(target, port ?? (await freePort()), extraEnv);
  try {
    await waitUntilUp(server);
  } catch (err) {
    await server.kill();
    throw err;
  }
  return server;
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs an account in; the session works on every process that shares the database. */
export async function login(base: string, username: string = ACCOUNTS.cadre): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { session: { csrfToken: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.session.csrfToken };
}

export function writeHeaders(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', ...extra };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
