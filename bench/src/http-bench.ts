import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type autocannon from 'autocannon';
import { PLACES, TEST_PASSWORD } from '../../server/src/testing/factories.ts';
import { ratio, runLoad, type LoadFigures } from './load.ts';
import { readRss, spawnTs, waitForReady, type Child, type Rss } from './proc.ts';
import type { AppServerReady, BenchUser } from './servers/app-server.ts';
import type { BareServerReady } from './servers/bare-server.ts';

export interface ScopedGetFigures {
  request: string;
  actor: string;
  items: number;
  responseBytes: number;
  connections: number;
  durationSeconds: number;
  app: LoadFigures;
  bare: LoadFigures & { what: string };
  /** app requests/s ÷ bare requests/s (best round of each) */
  ratio: number;
  rounds: RoundFigures[];
}

/** Requests/s and p99 of each side in each round, in the order they ran. */
export interface RoundFigures {
  appRequestsPerSecond: number;
  appP99Ms: number;
  bareRequestsPerSecond: number;
  bareP99Ms: number;
}

export interface AuditedCreateFigures {
  request: string;
  actors: string[];
  villages: number;
  connections: number;
  durationSeconds: number;
  durability: { app: string; bare: string };
  idempotencyKey: boolean;
  app: LoadFigures;
  bare: LoadFigures & { what: string };
  ratio: number;
  rounds: RoundFigures[];
  /** Audit entries `region.group_create` in the database after warm-up and measurement. */
  groupsCreated: number;
}

export interface HttpFigures {
  scopedGet: ScopedGetFigures;
  auditedCreate: AuditedCreateFigures;
  /** RSS of the two harness server processes after their load (for reference). */
  harnessRss: { app: Rss | null; bare: Rss | null };
}

export interface HttpBenchInput {
  dataDir: string;
  tmpRoot: string;
  /** Villages of the counties below, round-robin targets of the create benchmark. */
  villages: readonly string[];
  counties: readonly string[];
  regionsDdl: readonly string[];
  connections: number;
  duration: number;
  warmup: number;
  /** Platform and bare phases alternate this many times; the best round of each side is reported. */
  rounds: number;
}

interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
}

const TOWN = PLACES.wangqiao;

/** The environment for a server child: SQLite in DATA_DIR, never demo mode, no inherited database URL. */
export function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'FULL', NODE_ENV: 'production', ...extra };
  delete env.DATABASE_URL;
  delete env.DEMO;
  delete env.ALLOW_WEAK_DURABILITY;
  return env;
}

export async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${text}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('rg_sid='));
  const body = JSON.parse(text) as { status: string; session?: { csrfToken: string } };
  if (!cookie || body.status !== 'ok' || !body.session) throw new Error(`login ${username}: no session (${body.status})`);
  return { username, cookie, csrfToken: body.session.csrfToken };
}

/** Round-robin over villages; each village numbers its own groups (names must be unique per village). */
function groupRequests(
  villages: readonly string[],
  headersFor: (village: string) => Record<string, string>,
): (req: autocannon.Request) => autocannon.Request {
  const counters = new Map<string, number>();
  let i = 0;
  return (req) => {
    const village = villages[i % villages.length] ?? '';
    i += 1;
    const n = (counters.get(village) ?? 0) + 1;
    counters.set(village, n);
    return {
      ...req,
      method: 'POST',
      path: `/api/regions/${village}/groups`,
      headers: headersFor(village),
      body: JSON.stringify({ name: `压测${n}组` }),
    };
  };
}

export async function benchHttp(input: HttpBenchInput): Promise<HttpFigures> {
  const users: BenchUser[] = [
    { username: 'bench_town', regionCode: TOWN, roles: ['official'] },
    ...input.counties.map((county) => ({ username: `bench_county_${county}`, regionCode: county, roles: ['official' as const] })),
  ];
  const children: Child[] = [];
  try {
    const appChild = spawnTs('bench/src/servers/app-server.ts', serverEnv(input.dataDir, { BENCH_USERS: JSON.stringify(users) }));
    children.push(appChild);
    const appReady = await waitForReady<AppServerReady>(appChild);
    const appBase = `http://127.0.0.1:${appReady.port}`;

    const town = await login(appBase, 'bench_town', TEST_PASSWORD);
    const countySessions = new Map<string, Session>();
    for (const county of input.counties) countySessions.set(county, await login(appBase, `bench_county_${county}`, TEST_PASSWORD));

    const getPath = `/api/regions/${TOWN}/children`;
    const first = await fetch(`${appBase}${getPath}`, { headers: { cookie: town.cookie } });
    const childrenJson = await first.text();
    if (first.status !== 200) throw new Error(`GET ${getPath}: ${first.status} ${childrenJson}`);
    const items = (JSON.parse(childrenJson) as { items: unknown[] }).items.length;
    const childrenFile = path.join(input.tmpRoot, 'children.json');
    fs.writeFileSync(childrenFile, childrenJson);

    const bareChild = spawnTs('bench/src/servers/bare-server.ts', {
      ...process.env,
      BENCH_CHILDREN_FILE: childrenFile,
      BENCH_BARE_DB: path.join(input.tmpRoot, 'bare-http.db'),
      BENCH_REGIONS_DDL: JSON.stringify(input.regionsDdl),
      BENCH_SYNCHRONOUS: 'FULL',
    });
    children.push(bareChild);
    const bareReady = await waitForReady<BareServerReady>(bareChild);
    const bareBase = `http://127.0.0.1:${bareReady.port}`;
    const bareFirst = await (await fetch(`${bareBase}${getPath}`)).text();
    if (bareFirst !== childrenJson) throw new Error('the bare GET does not answer the same JSON as the platform');

    const common = { connections: input.connections, duration: input.duration };
    const getRounds = await alternate(
      input,
      'scoped GET',
      (warmup) => runLoad({ ...common, warmup, url: `${appBase}${getPath}`, method: 'GET', headers: { cookie: town.cookie } }),
      (warmup) => runLoad({ ...common, warmup, url: `${bareBase}${getPath}`, method: 'GET' }),
    );

    const appHeaders = (village: string): Record<string, string> => {
      const session = countySessions.get(input.counties.find((c) => village.startsWith(c)) ?? '');
      if (!session) throw new Error(`no session for village ${village}`);
      return { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    };
    const before = await countGroups(appBase, countySessions, input.villages.slice(0, 3));
    const appGroups = groupRequests(input.villages, appHeaders);
    const bareGroups = groupRequests(input.villages, () => ({ 'content-type': 'application/json' }));
    const postRounds = await alternate(
      input,
      `audited create (round-robin over ${input.villages.length} villages)`,
      (warmup) => runLoad({ ...common, warmup, url: appBase, method: 'POST', setupRequest: appGroups }),
      (warmup) => runLoad({ ...common, warmup, url: bareBase, method: 'POST', setupRequest: bareGroups }),
    );
    const [getApp, getBare] = [best(getRounds.app), best(getRounds.bare)];
    const [postApp, postBare] = [best(postRounds.app), best(postRounds.bare)];
    const after = await countGroups(appBase, countySessions, input.villages.slice(0, 3));
    if (after <= before) throw new Error('the platform created no villager groups');
    const groupsCreated = countAuditedGroups(input.dataDir);

    const harnessRss = { app: readRss(appChild.pid), bare: readRss(bareChild.pid) };
    return {
      harnessRss,
      scopedGet: {
        request: `GET ${getPath}`,
        actor: `official of 王桥镇 ${TOWN} (session cookie; user, roles and session read per request)`,
        items,
        responseBytes: Buffer.byteLength(childrenJson),
        connections: input.connections,
        durationSeconds: input.duration,
        app: getApp,
        bare: { what: 'plain Fastify GET returning the same JSON object from memory', ...getBare },
        rounds: roundsOf(getRounds),
        ratio: ratio(getApp.requestsPerSecond, getBare.requestsPerSecond),
      },
      auditedCreate: {
        request: 'POST /api/regions/<village>/groups {"name":"压测N组"} with X-CSRF-Token',
        actors: input.counties.map((c) => `official of county ${c}`),
        villages: input.villages.length,
        connections: input.connections,
        durationSeconds: input.duration,
        durability: { app: `SQLite WAL synchronous=${appReady.synchronous}`, bare: `SQLite WAL synchronous=${bareReady.synchronous}` },
        idempotencyKey: false,
        app: postApp,
        bare: {
          what: 'plain Fastify POST: zod validation of the same params and body, one better-sqlite3 prepared INSERT (autocommit) into an identical regions table',
          ...postBare,
        },
        ratio: ratio(postApp.requestsPerSecond, postBare.requestsPerSecond),
        rounds: roundsOf(postRounds),
        groupsCreated,
      },
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

/**
 * Platform and bare phases alternate (app, bare, app, bare …) so that load from elsewhere on a noisy
 * machine hits both sides alike; only the first phase of each side warms up.
 */
async function alternate(
  input: HttpBenchInput,
  label: string,
  app: (warmup: number) => Promise<LoadFigures>,
  bare: (warmup: number) => Promise<LoadFigures>,
): Promise<{ app: LoadFigures[]; bare: LoadFigures[] }> {
  const result: { app: LoadFigures[]; bare: LoadFigures[] } = { app: [], bare: [] };
  for (let round = 0; round < input.rounds; round += 1) {
    const warmup = round === 0 ? input.warmup : 0;
    console.error(`  ${label}: round ${round + 1}/${input.rounds} platform …`);
    result.app.push(await app(warmup));
    console.error(`  ${label}: round ${round + 1}/${input.rounds} bare …`);
    result.bare.push(await bare(warmup));
  }
  return result;
}

/** The round with the most successful requests per second. */
function best(rounds: readonly LoadFigures[]): LoadFigures {
  const sorted = [...rounds].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond);
  const top = sorted[0];
  if (!top) throw new Error('no load round ran');
  return top;
}

function roundsOf(r: { app: LoadFigures[]; bare: LoadFigures[] }): RoundFigures[] {
  return r.app.map((a, i) => ({
    appRequestsPerSecond: a.requestsPerSecond,
    appP99Ms: a.p99Ms,
    bareRequestsPerSecond: r.bare[i]?.requestsPerSecond ?? 0,
    bareP99Ms: r.bare[i]?.p99Ms ?? 0,
  }));
}

/** Groups under a few villages, through the API (proves the creates landed). */
async function countGroups(base: string, sessions: Map<string, Session>, villages: readonly string[]): Promise<number> {
  let total = 0;
  for (const village of villages) {
    const session = [...sessions.entries()].find(([county]) => village.startsWith(county))?.[1];
    if (!session) continue;
    const res = await fetch(`${base}/api/regions/${village}/children?pageSize=1`, { headers: { cookie: session.cookie } });
    if (res.status !== 200) throw new Error(`children of ${village}: ${res.status}`);
    total += (JSON.parse(await res.text()) as { total: number }).total;
  }
  return total;
}

/** Audit entries for group creation in the benchmark database, read directly. */
function countAuditedGroups(dataDir: string): number {
  const db = new SQLite(path.join(dataDir, 'governance.db'), { readonly: true });
  try {
    const row = db.prepare("select count(*) as n from audit_log where action = 'region.group_create'").get() as { n: number } | undefined;
    return row?.n ?? 0;
  } finally {
    db.close();
  }
}
