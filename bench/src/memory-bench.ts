import path from 'node:path';
import SQLite from 'better-sqlite3';
import { PLACES, TEST_PASSWORD } from '../../server/src/testing/factories.ts';
import { login, serverEnv } from './http-bench.ts';
import { freePort, readRss, spawnTs, waitForLine, type Rss } from './proc.ts';

export interface MemoryFigures {
  command: string;
  regionsInDatabase: number;
  /** RSS once the server printed that it is running. */
  afterStart: Rss | null;
  /** RSS after the requests below (the target figure). */
  afterRequests: Rss | null;
  requestsServed: number;
  requests: string[];
}

const SERVED = [
  'GET /api/health',
  'POST /api/auth/login (town official)',
  'GET /api/session',
  'GET /api/regions/610423104/children ×50',
  'GET /api/regions/610423104 ×10',
  'GET /api/regions/search?q=屈家 ×10',
  'GET /api/todos',
];

/**
 * The production entry point (server/src/main.ts, DEMO unset) on the database of the import
 * benchmark, in its own process; RSS is read from /proc after start and after a few requests.
 */
export async function benchMemory(dataDir: string): Promise<MemoryFigures> {
  const regions = countRegions(dataDir);
  const port = await freePort();
  const child = spawnTs('server/src/main.ts', serverEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1' }));
  try {
    await waitForLine(child, (line) => line.includes('is running at'), 120_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const afterStart = readRss(child.pid);
    const base = `http://127.0.0.1:${port}`;
    let served = 0;
    const get = async (url: string, cookie?: string): Promise<void> => {
      const res = await fetch(`${base}${url}`, cookie ? { headers: { cookie } } : {});
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`memory benchmark: GET ${url} answered ${res.status}`);
      served += 1;
    };
    await get('/api/health');
    const session = await login(base, 'bench_town', TEST_PASSWORD);
    served += 1;
    await get('/api/session', session.cookie);
    for (let i = 0; i < 50; i += 1) await get(`/api/regions/${PLACES.wangqiao}/children`, session.cookie);
    for (let i = 0; i < 10; i += 1) await get(`/api/regions/${PLACES.wangqiao}`, session.cookie);
    for (let i = 0; i < 10; i += 1) await get(`/api/regions/search?q=${encodeURIComponent('屈家')}`, session.cookie);
    await get('/api/todos', session.cookie);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const afterRequests = readRss(child.pid);
    return {
      command:
        "node --import tsx server/src/main.ts (what `npx tsx server/src/main.ts` runs in its child), DEMO unset, DATA_DIR = the import benchmark's database",
      regionsInDatabase: regions,
      afterStart,
      afterRequests,
      requestsServed: served,
      requests: SERVED,
    };
  } finally {
    await child.stop();
  }
}

function countRegions(dataDir: string): number {
  const db = new SQLite(path.join(dataDir, 'governance.db'), { readonly: true });
  try {
    const row = db.prepare('select count(*) as n from regions').get() as { n: number } | undefined;
    return row?.n ?? 0;
  } finally {
    db.close();
  }
}
