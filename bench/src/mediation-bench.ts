/**
 * ISSUE 4 "Speed", standalone: `npx tsx bench/src/mediation-bench.ts [--province 61] [--cases 500000]
 * [--duration 10] [--warmup 2] [--connections 10] [--rounds 2]`.
 *
 * 1. Case intake through the API (POST /api/mediation/cases: session, CSRF, zod, region check,
 *    settings, case number counter, encrypted parties, statistics roll-up, audit chain, domain event —
 *    one durable transaction) beside a bare Fastify POST that validates the same body with the same
 *    zod schema and inserts one row with a prepared statement into an identical `mediation_cases`
 *    table (WAL, synchronous=FULL, autocommit), in the same run, alternating rounds. Target ≥ 50%.
 * 2. Statistics (GET /api/mediation/stats's service) for a province-sized scope: the province's
 *    villages (Shaanxi: ~20k) get `--cases` cases (500k) over a year with every type and state, the
 *    roll-up rows are built from them exactly as the write path keeps them, and the service is timed
 *    for the province, a city, a county and a town. Target p95 < 150 ms.
 *
 * With `--bare-server` the file runs the bare baseline server instead (a child process of the bench).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { CASE_TYPES, caseCreateSchema } from '@rg/domain/mediation/case.schema';
import { addDays, daysBetween, dueDate } from '@rg/domain/mediation/case-workflow';
import { FOUNDATION_ROLE_PERMISSIONS, type Permission } from '@rg/domain/access/roles';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { ancestorsOf, levelOf } from '@rg/domain/regions/region-code';
import { createContext } from '../../server/src/core/bootstrap.ts';
import { loadConfig } from '../../server/src/core/config.ts';
import { importDivisions } from '../../server/src/modules/regions/regions.import.ts';
import { StatisticsService } from '../../server/src/modules/mediation/mediation.statistics.ts';
import { MODULES } from '../../server/src/modules/index.ts';
import { TEST_PASSWORD } from '../../server/src/testing/factories.ts';
import { serverEnv, login } from './http-bench.ts';
import { ratio, runLoad, type LoadFigures } from './load.ts';
import { spawnTs, waitForReady, type Child } from './proc.ts';
import { serveForBench } from './servers/serve.ts';
import type { AppServerReady } from './servers/app-server.ts';

export interface MediationBenchOptions {
  province: string;
  cases: number;
  duration: number;
  warmup: number;
  connections: number;
  rounds: number;
  /** false: only the statistics part (e.g. while tuning its indexes). */
  intake: boolean;
}

export interface IntakeFigures {
  request: string;
  connections: number;
  durationSeconds: number;
  durability: string;
  app: LoadFigures;
  bare: LoadFigures & { what: string };
  /** app requests/s ÷ bare requests/s (best round of each); target ≥ 0.5 */
  ratio: number;
  rounds: { app: number; appP99Ms: number; bare: number; bareP99Ms: number }[];
  casesCreated: number;
}

export interface MediationFigures {
  province: string;
  villages: number;
  intake: IntakeFigures | null;
  statistics: {
    cases: number;
    statRows: number;
    openCases: number;
    samples: number;
    /** p50/p95 per scope level; target p95 < 150 ms for the province */
    byScope: { scope: string; level: string; p50Ms: number; p95Ms: number }[];
  };
}

const SAMPLES = 60;
const BARE_FLAG = '--bare-server';
const FILE = 'bench/src/mediation-bench.ts';

function percentiles(times: number[]): { p50Ms: number; p95Ms: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

function idNumber(i: number): string {
  const body = `61042319${String(60 + (i % 40)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}

/** The intake body both servers receive: a neighbour dispute with two parties (ID number, phone). */
function caseBody(village: string, i: number, today: string): string {
  return JSON.stringify({
    regionCode: village,
    source: 'application',
    caseType: CASE_TYPES[i % CASE_TYPES.length],
    description: `压测纠纷${i}：两户因排水沟走向发生争执`,
    amountFen: 100_000 + i,
    peopleCount: 2,
    riskLevel: 'low',
    registeredOn: today,
    parties: [
      {
        kind: 'person',
        role: 'applicant',
        name: `张${i % 1000}`,
        idNumber: idNumber(i),
        phone: `139${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
        address: '一组',
      },
      { kind: 'person', role: 'respondent', name: `李${i % 1000}`, phone: `138${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}` },
    ],
  });
}

function intakeRequests(
  villages: readonly string[],
  headers: Record<string, string>,
  today: string,
): (req: autocannon.Request) => autocannon.Request {
  let i = 0;
  return (req) => {
    const village = villages[i % villages.length] ?? '';
    i += 1;
    return { ...req, method: 'POST', path: '/api/mediation/cases', headers, body: caseBody(village, i, today) };
  };
}

function best(rounds: readonly LoadFigures[]): LoadFigures {
  const top = [...rounds].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0];
  if (!top) throw new Error('no load round ran');
  return top;
}

/** The bare baseline (child process): same zod schema, one prepared INSERT into an identical table. */
async function bareServer(): Promise<void> {
  const db = new SQLite(process.env.BENCH_BARE_DB ?? '');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The same table without the foreign key to the platform's regions (the bare side has no regions).
  db.exec((process.env.BENCH_CASES_DDL ?? '').replace(/\s+references\s+"?regions"?\s*\("?code"?\)/i, ''));
  const insert =
    db.prepare(`insert into mediation_cases (id, case_no, region_code, source, online, case_type, description, amount_fen, people_count, risk_level,
    risk_reasons, criminal_risk, status, registered_on, month, due_on, session_count, created_by, created_at, updated_at, version)
    values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, 0, 'bare', ?, ?, 1)`);
  let n = 0;
  const app = Fastify({ logger: false });
  app.post('/api/mediation/cases', async (request, reply) => {
    const body = caseCreateSchema.safeParse(request.body);
    if (!body.success) return reply.status(400).send({ error: { code: 'validation', message: '提交的内容有误' } });
    const c = body.data;
    n += 1;
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    const caseNo = `（${c.registeredOn.slice(0, 4)}）调字第${n}号`;
    insert.run(
      id,
      caseNo,
      c.regionCode,
      c.source,
      c.caseType,
      c.description,
      c.amountFen ?? null,
      c.peopleCount,
      c.riskLevel,
      JSON.stringify(c.riskReasons),
      c.criminalRisk ? 1 : 0,
      c.registeredOn,
      c.registeredOn.slice(0, 7),
      dueDate(c.registeredOn, 30),
      now,
      now,
    );
    return reply.status(201).send({ id, caseNo });
  });
  await serveForBench(app, () => void db.close());
}

/** Fills `cases` cases over a year into the province's villages with the roll-ups the write path keeps. */
function fillCases(
  dbFile: string,
  villages: readonly string[],
  cases: number,
  year: number,
  today: string,
): { statRows: number; openCases: number } {
  const db = new SQLite(dbFile);
  db.pragma('journal_mode = WAL');
  const insertCase =
    db.prepare(`insert into mediation_cases (id, case_no, region_code, source, online, case_type, description, amount_fen, people_count, risk_level,
    risk_reasons, criminal_risk, status, registered_on, month, due_on, concluded_on, outcome, performance, closed_on, session_count, created_by, created_at, updated_at, version)
    values (?, ?, ?, 'application', 0, ?, '压测', null, 2, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'bench', ?, ?, 1)`);
  const stats = new Map<string, number[]>();
  const STATUSES = [
    'closed',
    'closed',
    'closed',
    'closed',
    'follow_up',
    'agreed',
    'failed',
    'closed',
    'mediating',
    'closed',
    'closed',
    'closed',
    'closed',
    'closed',
    'closed',
    'closed',
    'closed',
    'closed',
    'closed',
    'registered',
  ];
  let openCases = 0;
  const now = new Date().toISOString();
  const days = Math.max(1, daysBetween(`${year}-01-01`, today));
  db.transaction(() => {
    for (let i = 0; i < cases; i += 1) {
      const village = villages[i % villages.length] ?? '';
      const caseType = CASE_TYPES[(i * 7) % CASE_TYPES.length] ?? 'other';
      const registeredOn = addDays(`${year}-01-01`, (i * 13) % days);
      const status = STATUSES[i % STATUSES.length] ?? 'closed';
      const open = status === 'registered' || status === 'mediating';
      const concludedOn = open ? null : addDays(registeredOn, 2 + (i % 45));
      const outcome = open ? null : status === 'failed' || i % 11 === 0 ? 'failed' : 'agreement';
      const performance =
        outcome === 'agreement' && status === 'closed' ? ((['performed', 'performed', 'partly', 'not'] as const)[i % 4] ?? null) : null;
      const due = dueDate(registeredOn, 30);
      const risk = i % 17 === 0 ? 'high' : i % 5 === 0 ? 'medium' : 'low';
      if (open) openCases += 1;
      insertCase.run(
        crypto.randomUUID(),
        `B${i}`,
        village,
        caseType,
        risk,
        risk === 'high' && i % 34 === 0 ? 1 : 0,
        status,
        registeredOn,
        registeredOn.slice(0, 7),
        due,
        concludedOn,
        outcome,
        performance,
        status === 'closed' ? concludedOn : null,
        now,
        now,
      );
      // registered, success, failed, closed, performed, partly, not_performed, overdue_concluded, duration_days
      const delta = [
        1,
        outcome === 'agreement' ? 1 : 0,
        outcome === 'failed' ? 1 : 0,
        status === 'closed' ? 1 : 0,
        performance === 'performed' ? 1 : 0,
        performance === 'partly' ? 1 : 0,
        performance === 'not' ? 1 : 0,
        concludedOn && concludedOn > due ? 1 : 0,
        concludedOn ? daysBetween(registeredOn, concludedOn) : 0,
      ];
      for (const code of [...ancestorsOf(village).filter((c) => c !== '00'), village]) {
        const key = `${code}|${registeredOn.slice(0, 7)}|${caseType}`;
        const row = stats.get(key) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0];
        for (let k = 0; k < 9; k += 1) row[k] = (row[k] ?? 0) + (delta[k] ?? 0);
        stats.set(key, row);
      }
    }
    const insertStat =
      db.prepare(`insert into mediation_stats (region_code, level, month, case_type, registered, success, failed, closed, performed, partly, not_performed, overdue_concluded, duration_days)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict (level, region_code, month, case_type) do update set registered = registered + excluded.registered, success = success + excluded.success,
        failed = failed + excluded.failed, closed = closed + excluded.closed, performed = performed + excluded.performed, partly = partly + excluded.partly,
        not_performed = not_performed + excluded.not_performed, overdue_concluded = overdue_concluded + excluded.overdue_concluded, duration_days = duration_days + excluded.duration_days`);
    for (const [key, row] of stats) {
      const [code = '', month = '', caseType = ''] = key.split('|');
      insertStat.run(code, levelOf(code), month, caseType, ...row);
    }
  })();
  db.pragma('optimize');
  db.close();
  return { statRows: stats.size, openCases };
}

/** Intake through the API beside the bare baseline, alternating rounds; the children are stopped before returning. */
async function benchIntake(
  options: MediationBenchOptions,
  dataDir: string,
  tmpRoot: string,
  villages: readonly string[],
  casesDdl: string,
  today: string,
  children: Child[],
): Promise<IntakeFigures> {
  // 1. Intake through the API beside the bare baseline.
  console.error(`mediation bench: intake (${villages.length} villages) …`);
  const appChild = spawnTs(
    'bench/src/servers/app-server.ts',
    serverEnv(dataDir, {
      BENCH_USERS: JSON.stringify([{ username: 'bench_mediation', regionCode: options.province, roles: ['official'] }]),
    }),
  );
  children.push(appChild);
  const appReady = await waitForReady<AppServerReady>(appChild);
  const appBase = `http://127.0.0.1:${appReady.port}`;
  const session = await login(appBase, 'bench_mediation', TEST_PASSWORD);
  const bareChild = spawnTs(FILE, { ...process.env, BENCH_BARE_DB: path.join(tmpRoot, 'bare.db'), BENCH_CASES_DDL: casesDdl }, [BARE_FLAG]);
  children.push(bareChild);
  const bareReady = await waitForReady<{ port: number }>(bareChild);
  const bareBase = `http://127.0.0.1:${bareReady.port}`;
  const targets = villages.filter((_, i) => i % Math.max(1, Math.floor(villages.length / 500)) === 0);
  const probe = await fetch(`${appBase}/api/mediation/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: caseBody(targets[0] ?? '', 0, today),
  });
  if (probe.status !== 201) throw new Error(`intake probe: ${probe.status} ${await probe.text()}`);
  const appSetup = intakeRequests(
    targets,
    { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    today,
  );
  const bareSetup = intakeRequests(targets, { 'content-type': 'application/json' }, today);
  const common = { connections: options.connections, duration: options.duration };
  const app: LoadFigures[] = [];
  const bare: LoadFigures[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const warmup = round === 0 ? options.warmup : 0;
    console.error(`  intake round ${round + 1}/${options.rounds}: platform …`);
    app.push(await runLoad({ ...common, warmup, url: appBase, method: 'POST', setupRequest: appSetup }));
    console.error(`  intake round ${round + 1}/${options.rounds}: bare …`);
    bare.push(await runLoad({ ...common, warmup, url: bareBase, method: 'POST', setupRequest: bareSetup }));
  }
  for (const child of children.splice(0).reverse()) await child.stop();
  const [appBest, bareBest] = [best(app), best(bare)];
  const created = (
    new SQLite(path.join(dataDir, 'governance.db'), { readonly: true }).prepare('select count(*) as n from mediation_cases').get() as {
      n: number;
    }
  ).n;
  return {
    request: 'POST /api/mediation/cases (two parties with ID number and phone) with X-CSRF-Token, round-robin over villages',
    connections: options.connections,
    durationSeconds: options.duration,
    durability: `platform SQLite WAL synchronous=${appReady.synchronous}; bare SQLite WAL synchronous=FULL`,
    app: appBest,
    bare: {
      what: 'plain Fastify POST: the same zod caseCreateSchema, one better-sqlite3 prepared INSERT (autocommit) into an identical mediation_cases table',
      ...bareBest,
    },
    ratio: ratio(appBest.requestsPerSecond, bareBest.requestsPerSecond),
    rounds: app.map((a, i) => ({
      app: a.requestsPerSecond,
      appP99Ms: a.p99Ms,
      bare: bare[i]?.requestsPerSecond ?? 0,
      bareP99Ms: bare[i]?.p99Ms ?? 0,
    })),
    casesCreated: created,
  };
}

export async function benchMediation(options: MediationBenchOptions): Promise<MediationFigures> {
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-mediation-bench-'));
  const dataDir = path.join(tmpRoot, 'data');
  const children: Child[] = [];
  try {
    // Regions of the province (reference data), migrations applied.
    const { ctx, connection } = await createContext(loadConfig({ DATA_DIR: dataDir }), MODULES);
    await importDivisions(ctx, new Date().toISOString(), { only: [options.province] });
    const villages = (
      await ctx.db
        .selectFrom('regions')
        .select('code')
        .where('level', '=', 'village')
        .where('code', 'like', `${options.province}%`)
        .orderBy('code')
        .execute()
    ).map((v) => v.code);
    const ddl = (await ctx.db
      .selectFrom('sqlite_master' as never)
      .select('sql' as never)
      .where('name' as never, '=', 'mediation_cases' as never)
      .executeTakeFirstOrThrow()) as { sql: string };
    await connection.close();
    if (villages.length === 0) throw new Error(`no villages under ${options.province}`);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const intake = options.intake ? await benchIntake(options, dataDir, tmpRoot, villages, ddl.sql, today, children) : null;

    // 2. Statistics for the province with `cases` cases.
    console.error(`mediation bench: filling ${options.cases} cases …`);
    const dbFile = path.join(dataDir, 'governance.db');
    const year = Number(today.slice(0, 4));
    const filled = fillCases(dbFile, villages, options.cases, year, today);
    const { ctx: ctx2, connection: connection2 } = await createContext(loadConfig({ DATA_DIR: dataDir }), MODULES);
    try {
      const statistics = new StatisticsService(ctx2);
      const permissions = new Set<Permission>([...FOUNDATION_ROLE_PERMISSIONS.official, 'mediation.read']);
      const rcFor = (scope: string) => ({
        actor: {
          userId: 'bench',
          username: 'bench',
          displayName: 'bench',
          roles: ['official' as const],
          homeRegion: scope,
          scope,
          permissions,
          mustChangePassword: false,
        },
        ip: null,
        requestId: 'bench',
      });
      const sample = villages[Math.floor(villages.length / 2)] ?? '';
      const scopes = [options.province, sample.slice(0, 4), sample.slice(0, 6), sample.slice(0, 9)];
      const byScope: MediationFigures['statistics']['byScope'] = [];
      for (const scope of scopes) {
        const rc = rcFor(scope);
        const check = await statistics.stats(rc, scope, year);
        if (scope === options.province && check.totals.registered < options.cases)
          throw new Error(`statistics count ${check.totals.registered} < ${options.cases}`);
        for (let i = 0; i < 5; i += 1) await statistics.stats(rc, scope, year);
        const times: number[] = [];
        for (let i = 0; i < SAMPLES; i += 1) {
          const t0 = performance.now();
          await statistics.stats(rc, scope, year);
          times.push(performance.now() - t0);
        }
        byScope.push({ scope, level: levelOf(scope), ...percentiles(times) });
      }
      return {
        province: options.province,
        villages: villages.length,
        intake,
        statistics: { cases: options.cases, statRows: filled.statRows, openCases: filled.openCases, samples: SAMPLES, byScope },
      };
    } finally {
      await connection2.close();
    }
  } finally {
    for (const child of children.reverse()) await child.stop();
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
}

function argValue(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes(BARE_FLAG)) return bareServer();
  const provinceIndex = argv.indexOf('--province');
  const figures = await benchMediation({
    province: provinceIndex >= 0 ? (argv[provinceIndex + 1] ?? '61') : '61',
    cases: argValue(argv, 'cases', 500_000),
    duration: argValue(argv, 'duration', 10),
    warmup: argValue(argv, 'warmup', 2),
    connections: argValue(argv, 'connections', 10),
    rounds: argValue(argv, 'rounds', 2),
    intake: !argv.includes('--no-intake'),
  });
  console.log(JSON.stringify(figures, null, 2));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'mediation-bench.ts')) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
