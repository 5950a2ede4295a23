import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { TestDatabase } from './test-db.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** The server as its own process (main.ts) in demo mode, on a test database: for crash and fault tests. */
export interface Running {
  child: ChildProcess;
  exited: Promise<unknown>;
  /** What the process wrote on stderr (fault lines, when `captureStderr`). */
  stderr: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function startServer(database: TestDatabase, port: number, options: { captureStderr?: boolean } = {}): Running {
  // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that serves.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DEMO: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: database.config.dataDir,
      DATABASE_URL: database.config.databaseUrl ?? '',
    },
    stdio: ['ignore', 'ignore', options.captureStderr ? 'pipe' : 'ignore'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(String(chunk)));
  return { child, exited: new Promise((resolve) => child.once('exit', resolve)), stderr };
}

/** Waits for /api/health; the demo seed on PostgreSQL, on a busy machine, may take a minute or more. */
export async function waitUntilUp(base: string, seconds = 30): Promise<void> {
  for (let i = 0; i < seconds * 10; i += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

/** Signs in the demo village cadre of 屈家村. */
export async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'qj.cadre', password: 'Demo@2026pass' }),
  });
  const body = (await res.json()) as { session: { csrfToken: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.session.csrfToken };
}
