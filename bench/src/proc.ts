import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Lines a child prints that start with this prefix carry its ready message as JSON. */
export const READY_PREFIX = 'BENCH_READY ';

export interface Child {
  process: ChildProcess;
  pid: number;
  /** The last lines of stderr, for error messages. */
  stderrTail(): string;
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript file in its own Node process (`node --import tsx`, which is what the `tsx` CLI
 * runs in its child), so the server under test and the load generator each get a CPU, and the
 * process id is the server's own (its RSS is measured directly).
 */
export function spawnTs(file: string, env: NodeJS.ProcessEnv, args: string[] = []): Child {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the servers under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', file, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${file}`);
  const tail: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    tail.push(chunk);
    if (tail.length > 40) tail.shift();
  });
  const pid = child.pid;
  return {
    process: child,
    pid,
    stderrTail: () => tail.join('').slice(-4000),
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Waits for a stdout line matching `accept` (bounded by `timeoutMs`); other lines are collected. */
export function waitForLine(child: Child, accept: (line: string) => boolean, timeoutMs: number): Promise<string> {
  const stdout = child.process.stdout;
  if (!stdout) return Promise.reject(new Error('child has no stdout'));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: stdout });
    const seen: string[] = [];
    const done = (err: Error | null, line?: string) => {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.process.off('exit', onExit);
      if (err) reject(err);
      else resolve(line ?? '');
    };
    const onLine = (line: string) => {
      if (accept(line)) done(null, line);
      else if (seen.length < 50) seen.push(line);
    };
    const onExit = (code: number | null) =>
      done(new Error(`child exited (${code}) before it was ready\n${seen.join('\n')}\n${child.stderrTail()}`));
    const timer = setTimeout(
      () => done(new Error(`child not ready after ${timeoutMs} ms\n${seen.join('\n')}\n${child.stderrTail()}`)),
      timeoutMs,
    );
    lines.on('line', onLine);
    child.process.on('exit', onExit);
  });
}

/** Waits for the child's `BENCH_READY {json}` line and returns the JSON. */
export async function waitForReady<T>(child: Child, timeoutMs = 180_000): Promise<T> {
  const line = await waitForLine(child, (l) => l.startsWith(READY_PREFIX), timeoutMs);
  return JSON.parse(line.slice(READY_PREFIX.length)) as T;
}

export interface Rss {
  /** Resident set size now, MB. */
  rssMb: number;
  /** Peak resident set size (VmHWM), MB. */
  peakRssMb: number;
}

/** Reads a process's RSS from /proc (Linux). */
export function readRss(pid: number): Rss | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: round(kb('VmRSS') / 1024, 1), peakRssMb: round(kb('VmHWM') / 1024, 1) };
  } catch {
    return null;
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
