/**
 * ISSUE 3 "Speed", the ledger half. On the database the import and coverage benchmarks built
 * (a province with 80% of its villages covered), it:
 * 1. generates the ledger — 1M entries over the covered villages of the province in the national run
 *    (fewer with --quick), one village with exactly 200 entries in the year — and the per-region
 *    counts the ledger keeps, straight into SQLite (setup, not measured);
 * 2. times the justice dashboard and the compliance report for the province (p50/p95 through the
 *    services, as an official of the province), one village's dossier (.docx) and a county's batch
 *    (.zip, one dossier per village);
 * 3. times creating a ledger entry through the API (authenticated, validated, audited, counted)
 *    beside a bare Fastify POST that validates the same body and inserts one row, in the same run.
 */
import crypto from 'node:crypto';
import { chinaMonth } from '@rg/domain/time/china-time';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type autocannon from 'autocannon';
import { FOUNDATION_ROLE_PERMISSIONS, type Permission } from '@rg/domain/access/roles';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import { SERVICE_TYPES, type ServiceWindow } from '@rg/domain/legal/service.schema';
import { createContext } from '../../server/src/core/bootstrap.ts';
import { loadConfig } from '../../server/src/core/config.ts';
import { MODULES } from '../../server/src/modules/index.ts';
import { LegalDashboard } from '../../server/src/modules/legal/legal.dashboard.ts';
import { LegalDossier } from '../../server/src/modules/legal/legal.dossier.ts';
import { LegalNorms } from '../../server/src/modules/legal/legal.norms.ts';
import { emptyVillageMonth } from '../../server/src/modules/legal/legal.counts.ts';
import type { LegalVillageMonthTable } from '../../server/src/modules/legal/legal.tables.ts';
import { TEST_PASSWORD } from '../../server/src/testing/factories.ts';
import { login, serverEnv } from './http-bench.ts';
import { ratio, runLoad, type LoadFigures } from './load.ts';
import { round, spawnTs, waitForReady, type Child } from './proc.ts';
import type { AppServerReady } from './servers/app-server.ts';

export interface Timing {
  p50Ms: number;
  p95Ms: number;
}

export interface LedgerFigures {
  province: string;
  villagesCovered: number;
  entries: number;
  generateSeconds: number;
  dashboard: Timing;
  compliance: Timing;
  dossier: { entries: number; ms: number };
  batch: { county: string; villages: number; seconds: number; zipBytes: number };
  create: {
    request: string;
    app: LoadFigures;
    bare: LoadFigures & { what: string };
    ratio: number;
    connections: number;
    durationSeconds: number;
  };
}

export interface LedgerBenchInput {
  dataDir: string;
  tmpRoot: string;
  province: string;
  entries: number;
  connections: number;
  duration: number;
  warmup: number;
}

const YEAR = 2026;
const SAMPLES = 40;

function percentiles(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0, 1);
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

async function timed(run: () => Promise<unknown>): Promise<Timing> {
  return timedRuns(run, 3, SAMPLES);
}

async function timedRuns(run: () => Promise<unknown>, warmups: number, samples: number): Promise<Timing> {
  for (let i = 0; i < warmups; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return percentiles(times);
}

/** The ledger rows and counts, straight into SQLite in one transaction (the platform's bulk path has single-column keys). */
function generate(
  file: string,
  province: string,
  total: number,
): { villages: string[]; advisorId: string; dossierVillage: string; seconds: number } {
  const t0 = performance.now();
  const db = new SQLite(file);
  const served = db
    .prepare(
      `select village_code, advisor_id from legal_assignments where end_date is null and village_code >= ? and village_code < ? order by village_code`,
    )
    .all(province, `${province}~`) as { village_code: string; advisor_id: string }[];
  if (served.length === 0) throw new Error(`no covered villages in ${province}`);
  const author = (db.prepare(`select id from users limit 1`).get() as { id: string } | undefined)?.id ?? 'bench';
  const insert =
    db.prepare(`insert into legal_services (id, village_code, advisor_id, service_window, service_type, subject_kind, subject_name, served_at, content, result, duration_minutes, attendance, status, review_comment, created_by, created_at, updated_at, version)
    values (?, ?, ?, ?, ?, 'person', '某某', ?, '村民咨询土地承包经营权流转合同的签订与备案', '讲解流转合同必备条款，建议书面签订并备案', 30, ?, 'accepted', null, ?, ?, ?, 1)`);
  const counts = new Map<string, number>();
  const months = new Map<string, LegalVillageMonthTable>();
  const windows = ['onsite', 'onsite', 'hotline', 'online'];
  const yearStart = Date.parse(`${YEAR}-01-01T00:00:00+08:00`);
  const dossierVillage = served[0]?.village_code ?? '';
  db.transaction(() => {
    for (let i = 0; i < total; i += 1) {
      // The first 200 entries go to one village (the dossier target); the rest round-robin.
      const target = i < 200 ? served[0] : served[(i - 200) % served.length];
      if (!target) continue;
      const at = new Date(yearStart + ((i * 7919) % (330 * 86_400)) * 1000).toISOString();
      const type = SERVICE_TYPES[i % SERVICE_TYPES.length] ?? 'consultation';
      const window = windows[i % windows.length] ?? 'onsite';
      insert.run(
        crypto.randomUUID(),
        target.village_code,
        target.advisor_id,
        window,
        type,
        at,
        type === 'publicity' ? 50 : null,
        author,
        at,
        at,
      );
      const monthKey = `${chinaMonth(at)}|${target.village_code}`;
      const month = months.get(monthKey) ?? emptyVillageMonth(chinaMonth(at), target.village_code);
      month.total += 1;
      month[`w_${window as ServiceWindow}`] += 1;
      month[`t_${type}`] += 1;
      months.set(monthKey, month);
      for (const region of [...ancestorsOf(target.village_code), target.village_code]) {
        const key = `${region}|${chinaMonth(at)}|${window}|${type}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const upsert =
      db.prepare(`insert into legal_service_counts (region_code, month, service_window, service_type, count) values (?, ?, ?, ?, ?)
      on conflict (region_code, month, service_window, service_type) do update set count = legal_service_counts.count + excluded.count`);
    for (const [key, n] of counts) upsert.run(...key.split('|'), n);
    const columns = Object.keys(emptyVillageMonth('', ''));
    const insertMonth = db.prepare(
      `insert into legal_village_months (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of months.values()) insertMonth.run(...columns.map((c) => (row as Record<string, string | number>)[c]));
    db.prepare(
      `insert into legal_norms (id, region_code, name, service_window, service_type, period, min_count, created_at) values (?, ?, '每月到村现场服务', 'onsite', null, 'month', 1, ?)`,
    ).run(crypto.randomUUID(), province, new Date().toISOString());
  })();
  db.close();
  return {
    villages: served.map((s) => s.village_code),
    advisorId: served[0]?.advisor_id ?? '',
    dossierVillage,
    seconds: round((performance.now() - t0) / 1000, 1),
  };
}

export async function benchLegalLedger(input: LedgerBenchInput): Promise<LedgerFigures> {
  const config = loadConfig({ DATA_DIR: input.dataDir });
  const generated = generate(config.sqliteFile, input.province, input.entries);
  const county = generated.dossierVillage.slice(0, 6);

  const { ctx, connection } = await createContext(config, MODULES);
  let reports: Pick<LedgerFigures, 'dashboard' | 'compliance' | 'dossier' | 'batch'>;
  try {
    const permissions = new Set<Permission>([...FOUNDATION_ROLE_PERMISSIONS.official, 'legal.read', 'legal.export']);
    const rc = {
      actor: {
        userId: 'bench',
        username: 'bench',
        displayName: 'bench',
        roles: ['official' as const],
        homeRegion: input.province,
        scope: input.province,
        permissions,
        mustChangePassword: false,
      },
      ip: null,
      requestId: 'bench',
    };
    const dashboard = await timed(() => new LegalDashboard(ctx).dashboard(rc, input.province, YEAR));
    const compliance = await timed(() =>
      new LegalNorms(ctx).compliance(rc, { regionCode: input.province, period: `${YEAR}-06`, page: 1, pageSize: 20 }),
    );
    const dossier = new LegalDossier(ctx);
    // A running server: one warm-up, then the median of five.
    const dossierMs = (await timedRuns(() => dossier.villageDocx(rc, generated.dossierVillage, YEAR), 1, 5)).p50Ms;
    const t1 = performance.now();
    const zip = await dossier.regionZip(rc, county, YEAR);
    reports = {
      dashboard,
      compliance,
      dossier: { entries: 200 + Math.floor((input.entries - 200) / generated.villages.length), ms: dossierMs },
      batch: { county, villages: zip.villages, seconds: round((performance.now() - t1) / 1000, 1), zipBytes: zip.data.length },
    };
  } finally {
    await connection.close();
  }
  const create = await benchCreate(input, generated.villages.filter((v) => v.startsWith(county)).slice(0, 50), county, generated.advisorId);
  return {
    province: input.province,
    villagesCovered: generated.villages.length,
    entries: input.entries,
    generateSeconds: generated.seconds,
    ...reports,
    create,
  };
}

/** The same body for both sides: a consultation recorded now, round-robin over the county's villages. */
function entryRequests(villages: readonly string[], headers: Record<string, string>): (req: autocannon.Request) => autocannon.Request {
  let i = 0;
  return (req) => {
    const villageCode = villages[i % villages.length] ?? '';
    i += 1;
    const body = {
      villageCode,
      window: 'onsite',
      servedAt: new Date(Date.now() - 60_000).toISOString(),
      serviceType: 'consultation',
      subjectKind: 'person',
      subjectName: '压测某某',
      content: `压测服务内容 ${i}`,
      result: '已解答',
      durationMinutes: 30,
    };
    return { ...req, method: 'POST', path: '/api/legal/services', headers, body: JSON.stringify(body) };
  };
}

async function benchCreate(
  input: LedgerBenchInput,
  villages: readonly string[],
  county: string,
  advisorId: string,
): Promise<LedgerFigures['create']> {
  const children: Child[] = [];
  try {
    const app = spawnTs(
      'bench/src/servers/app-server.ts',
      serverEnv(input.dataDir, { BENCH_USERS: JSON.stringify([{ username: 'bench_ledger', regionCode: county, roles: ['official'] }]) }),
    );
    children.push(app);
    const appReady = await waitForReady<AppServerReady>(app);
    const session = await login(`http://127.0.0.1:${appReady.port}`, 'bench_ledger', TEST_PASSWORD);
    const ddl = (
      new SQLite(loadConfig({ DATA_DIR: input.dataDir }).sqliteFile, { readonly: true })
        .prepare(`select sql from sqlite_master where name = 'legal_services'`)
        .get() as { sql: string }
    ).sql;
    const bare = spawnTs('bench/src/servers/bare-ledger-server.ts', {
      ...process.env,
      BENCH_BARE_DB: path.join(input.tmpRoot, 'bare-ledger.db'),
      BENCH_LEDGER_DDL: ddl,
      BENCH_ADVISOR_ID: advisorId,
      BENCH_SYNCHRONOUS: appReady.synchronous,
    });
    children.push(bare);
    const bareReady = await waitForReady<{ port: number }>(bare);
    const common = { connections: input.connections, duration: input.duration, warmup: input.warmup, method: 'POST' as const };
    const appHeaders = { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    console.error('  ledger create: platform …');
    const appLoad = await runLoad({
      ...common,
      url: `http://127.0.0.1:${appReady.port}`,
      setupRequest: entryRequests(villages, appHeaders),
    });
    console.error('  ledger create: bare …');
    const bareLoad = await runLoad({
      ...common,
      url: `http://127.0.0.1:${bareReady.port}`,
      setupRequest: entryRequests(villages, { 'content-type': 'application/json' }),
    });
    if (appLoad.ok2xx === 0) throw new Error(`the platform created no ledger entries: ${app.stderrTail()}`);
    return {
      request: `POST /api/legal/services (official of ${county} for the village's advisor; validated, audited, counted up to the nation, event published)`,
      app: appLoad,
      bare: {
        what: 'plain Fastify POST: the same zod schema, one better-sqlite3 prepared INSERT into an identical legal_services table (foreign keys not checked)',
        ...bareLoad,
      },
      ratio: ratio(appLoad.requestsPerSecond, bareLoad.requestsPerSecond),
      connections: input.connections,
      durationSeconds: input.duration,
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}
