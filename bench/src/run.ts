/**
 * `npm run bench`: the benchmarks of ISSUE 2 item 10 and of the modules (issues 3–6), each beside its
 * bare baseline measured in the same run where it has one. Writes bench/results/latest.json (quick runs: quick.json) and prints it, then a table.
 *
 *   npm run bench                      national import, 10 s load phases
 *   npm run bench -- --quick           two counties, 3 s load phases (smoke run, CI)
 *   npm run bench -- --scale national  also the indicators over the national list with 10M records
 *   BENCH_DATABASE_URL=postgres://…    also the PostgreSQL import (a throw-away database)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './args.ts';
import { benchHttp, type HttpFigures } from './http-bench.ts';
import { benchPostgresImport, benchSqliteImport, type ImportFigures, type SqliteImport } from './import-bench.ts';
import { benchMemory, type MemoryFigures } from './memory-bench.ts';
import { benchLegalCoverage, type LegalFigures } from './legal-bench.ts';
import { benchLegalLedger, type LedgerFigures } from './legal-ledger-bench.ts';
import { moduleFailures, moduleRows, runModuleSections, type ModuleResults } from './module-sections.ts';
import { REPO_ROOT, readRss, round } from './proc.ts';
import { atLeast, below, table, type Row, type Target } from './report.ts';

/** The demo counties: their villages are the create benchmark's targets. */
const DEMO_COUNTIES = ['610423', '340321'];
const MEMORY_LIMIT_MB = 300;
/** Shaanxi: ~20k villages, the province-sized scope of ISSUE 3's speed target. */
const LEGAL_PROVINCE = '61';
/** Issue 3: the province's dashboard over 1M ledger entries; a quick run uses fewer. */
const LEDGER_ENTRIES = 1_000_000;
const LEDGER_ENTRIES_QUICK = 20_000;
const LEGAL_COVERAGE_P95_MS = 100;

interface Failure {
  error: string;
}

interface Results {
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; date: string };
  run: {
    quick: boolean;
    scope: string;
    connections: number;
    rounds: number;
    durationSeconds: number;
    warmupSeconds: number;
    seconds: number;
  };
  import: { sqlite: ImportFigures | Failure; postgres: ImportFigures | Failure | { skipped: string } };
  scopedGet: HttpFigures['scopedGet'] | Failure;
  auditedCreate: HttpFigures['auditedCreate'] | Failure;
  memory: (MemoryFigures & { bareServerRss: HttpFigures['harnessRss']['bare'] }) | Failure;
  legalCoverage: LegalFigures | Failure;
  legalLedger: LedgerFigures | Failure;
  modules: ModuleResults;
  harness: { loadGeneratorRss: ReturnType<typeof readRss>; appServerRss: HttpFigures['harnessRss']['app'] | null };
  targets: Target[];
  /** `npm run test:faults -- --record` (scripts/test-faults.mjs) writes it; a bench run keeps it as it was. */
  reliability?: unknown;
}

const isFailure = (value: object): value is Failure => 'error' in value;
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-'));
  const dataDir = path.join(tmpRoot, 'data');
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
  const scope = options.only.length === 0 ? 'national' : `only ${options.only.join(',')}`;
  console.error(
    `rg bench: ${scope}, ${options.connections} connections, ${options.rounds} round(s) of ${options.duration} s per side (+${options.warmup} s warm-up), temp ${tmpRoot}`,
  );

  let sqlite: SqliteImport | Failure;
  let postgres: Results['import']['postgres'];
  let http: HttpFigures | Failure = { error: 'not run: the SQLite import failed' };
  let memory: MemoryFigures | Failure = { error: 'not run: the SQLite import failed' };
  let legal: LegalFigures | Failure = { error: 'not run: the SQLite import failed' };
  let ledger: LedgerFigures | Failure = { error: 'not run: the SQLite import or the coverage benchmark failed' };
  try {
    console.error('1. region import on SQLite …');
    sqlite = await benchSqliteImport(dataDir, options.only, DEMO_COUNTIES).catch((err: unknown) => ({ error: message(err) }));

    if (options.skipPostgres) postgres = { skipped: '--no-postgres' };
    else if (!pgUrl) postgres = { skipped: 'BENCH_DATABASE_URL (or TEST_DATABASE_URL) not set' };
    else {
      console.error('1b. region import on PostgreSQL …');
      postgres = await benchPostgresImport(pgUrl, path.join(tmpRoot, 'pg-data'), options.only).catch((err: unknown) => ({
        error: message(err),
      }));
    }

    if (!isFailure(sqlite)) {
      const imported = sqlite;
      console.error('2–3. HTTP benchmarks …');
      http = await benchHttp({
        dataDir,
        tmpRoot,
        villages: imported.villages,
        counties: DEMO_COUNTIES,
        regionsDdl: imported.regionsDdl,
        connections: options.connections,
        duration: options.duration,
        warmup: options.warmup,
        rounds: options.rounds,
      }).catch((err: unknown) => ({ error: message(err) }));
      console.error('4. server memory …');
      memory = await benchMemory(dataDir).catch((err: unknown) => ({ error: message(err) }));
      console.error('5. legal coverage for a province …');
      const province = options.only.length === 0 ? LEGAL_PROVINCE : (options.only[0] ?? '').slice(0, 2);
      legal = await benchLegalCoverage(dataDir, province).catch((err: unknown) => ({ error: message(err) }));
      if (!isFailure(legal)) {
        console.error('6. legal ledger: dashboard, compliance, dossier, entry create …');
        ledger = await benchLegalLedger({
          dataDir,
          tmpRoot,
          province,
          entries: options.quick ? LEDGER_ENTRIES_QUICK : LEDGER_ENTRIES,
          connections: options.connections,
          duration: options.duration,
          warmup: options.warmup,
        }).catch((err: unknown) => ({ error: message(err) }));
      }
    }
  } finally {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
  const modules = await runModuleSections(options);

  const results: Results = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      date: new Date().toISOString(),
    },
    run: {
      quick: options.quick,
      scope,
      connections: options.connections,
      rounds: options.rounds,
      durationSeconds: options.duration,
      warmupSeconds: options.warmup,
      seconds: round((performance.now() - started) / 1000, 1),
    },
    import: { sqlite: isFailure(sqlite) ? sqlite : sqlite.figures, postgres },
    scopedGet: isFailure(http) ? http : http.scopedGet,
    auditedCreate: isFailure(http) ? http : http.auditedCreate,
    memory: isFailure(memory) ? memory : { ...memory, bareServerRss: isFailure(http) ? null : http.harnessRss.bare },
    legalCoverage: legal,
    legalLedger: ledger,
    modules,
    harness: { loadGeneratorRss: readRss(process.pid), appServerRss: isFailure(http) ? null : http.harnessRss.app },
    targets: [],
  };
  const { targets, rows } = summarize(results);
  results.targets = targets;

  const out = path.resolve(REPO_ROOT, options.out ?? path.join('bench/results', options.quick ? 'quick.json' : 'latest.json'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (fs.existsSync(out)) {
    const previous = JSON.parse(fs.readFileSync(out, 'utf8')) as { reliability?: unknown };
    if (previous.reliability !== undefined) results.reliability = previous.reliability;
  }
  fs.writeFileSync(`${out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(`${out}.tmp`, out);
  console.log(JSON.stringify(results, null, 2));
  console.log('');
  console.log(table(rows));
  console.log(
    `\nwritten to ${path.relative(process.cwd(), out) || out}${options.quick ? '  (quick run: figures are not the national ones)' : ''}`,
  );

  const failures = [
    results.import.sqlite,
    results.import.postgres,
    results.scopedGet,
    results.auditedCreate,
    results.memory,
    results.legalCoverage,
    results.legalLedger,
  ]
    .filter(isFailure)
    .concat(moduleFailures(results.modules));
  for (const f of failures) console.error(`error: ${f.error}`);
  return failures.length > 0 ? 1 : 0;
}

function summarize(r: Results): { targets: Target[]; rows: Row[] } {
  const targets: Target[] = [];
  const rows: Row[] = [];
  const yes = (t: Target) => (t.met ? 'yes' : 'NO');
  const fail = (name: string, f: Failure) =>
    rows.push({ name, platform: `error: ${f.error.split('\n')[0]?.slice(0, 60) ?? ''}`, bare: '', ratio: '', target: '', met: '' });

  const importRow = (label: string, f: ImportFigures | Failure | { skipped: string }, limit: number) => {
    if ('skipped' in f) return rows.push({ name: label, platform: `skipped: ${f.skipped}`, bare: '', ratio: '', target: '', met: '' });
    if (isFailure(f)) return fail(label, f);
    const t = below(`${label} (${f.scope}), parse + store`, f.totalSeconds, limit, 's');
    targets.push(t);
    return rows.push({
      name: `${label} (${f.rows} rows)`,
      platform: `${f.totalSeconds} s (parse ${f.parseSeconds} + store ${f.storeSeconds}), ${f.rowsPerSecond}/s`,
      bare: `${f.bare.seconds} s, ${f.bare.rowsPerSecond}/s`,
      ratio: `${f.totalToBare}x (store ${f.storeToBare}x)`,
      target: t.target,
      met: yes(t),
    });
  };
  importRow('import SQLite', r.import.sqlite, 15);
  importRow('import PostgreSQL', r.import.postgres, 30);

  const load = (label: string, f: HttpFigures['scopedGet'] | HttpFigures['auditedCreate'] | Failure, min: number) => {
    if (isFailure(f)) return fail(label, f);
    const t = atLeast(`${label}: platform requests/s ÷ bare requests/s`, f.ratio, min, '');
    targets.push(t);
    return rows.push({
      name: label,
      platform: `${f.app.requestsPerSecond} req/s, p99 ${f.app.p99Ms} ms${f.app.non2xx || f.app.errors ? ` (${f.app.non2xx} non-2xx, ${f.app.errors} errors)` : ''}`,
      bare: `${f.bare.requestsPerSecond} req/s, p99 ${f.bare.p99Ms} ms`,
      ratio: `${Math.round(f.ratio * 100)}%`,
      target: `>= ${Math.round(min * 100)}% of bare`,
      met: yes(t),
    });
  };
  load('scoped GET (town children)', r.scopedGet, 0.4);
  load('audited create (group)', r.auditedCreate, 0.5);

  if (isFailure(r.memory)) fail('server memory (RSS)', r.memory);
  else {
    const rss = r.memory.afterRequests?.rssMb ?? Number.NaN;
    const t = below(
      `server RSS after start + ${r.memory.requestsServed} requests (${r.memory.regionsInDatabase} regions in the database)`,
      rss,
      MEMORY_LIMIT_MB,
      'MB',
    );
    targets.push(t);
    const bare = r.memory.bareServerRss;
    rows.push({
      name: 'server memory (RSS)',
      platform: `${rss} MB (peak ${r.memory.afterRequests?.peakRssMb ?? '?'} MB)`,
      bare: bare ? `${bare.rssMb} MB (bare server)` : '',
      ratio: bare ? `${round(rss / bare.rssMb, 2)}x` : '',
      target: t.target,
      met: yes(t),
    });
  }
  if (isFailure(r.legalCoverage)) fail('legal coverage (province)', r.legalCoverage);
  else {
    const f = r.legalCoverage;
    const t = below(
      `legal coverage p95 for province ${f.province} (${f.villages} villages, ${f.covered} covered)`,
      f.coverage.p95Ms,
      LEGAL_COVERAGE_P95_MS,
      'ms',
    );
    targets.push(t);
    rows.push({
      name: `legal coverage (${f.villages} villages)`,
      platform: `p50 ${f.coverage.p50Ms} ms, p95 ${f.coverage.p95Ms} ms; uncovered page p95 ${f.uncoveredPage.p95Ms} ms`,
      bare: '',
      ratio: '',
      target: t.target,
      met: yes(t),
    });
  }
  ledgerRows(r.legalLedger, targets, rows);
  moduleRows(r.modules, targets, rows);
  return { targets, rows };
}

/** Issue 3's ledger targets: dashboard p95 < 100 ms, one dossier < 1 s, a county's batch < 60 s, create ≥ 50% of bare. */
function ledgerRows(f: LedgerFigures | Failure, targets: Target[], rows: Row[]): void {
  if (isFailure(f)) {
    rows.push({
      name: 'legal ledger',
      platform: `error: ${f.error.split('\n')[0]?.slice(0, 60) ?? ''}`,
      bare: '',
      ratio: '',
      target: '',
      met: '',
    });
    return;
  }
  const yes = (t: Target) => (t.met ? 'yes' : 'NO');
  const dashboard = below(`legal dashboard p95 for province ${f.province} (${f.entries} ledger entries)`, f.dashboard.p95Ms, 100, 'ms');
  const dossier = below(`one village's dossier (${f.dossier.entries} entries)`, f.dossier.ms, 1000, 'ms');
  const batch = below(`dossier batch for county ${f.batch.county} (${f.batch.villages} villages)`, f.batch.seconds, 60, 's');
  const create = atLeast('ledger entry create: platform requests/s ÷ bare requests/s', f.create.ratio, 0.5, '');
  targets.push(dashboard, dossier, batch, create);
  rows.push(
    {
      name: `legal dashboard (${f.entries} entries)`,
      platform: `p50 ${f.dashboard.p50Ms} ms, p95 ${f.dashboard.p95Ms} ms; compliance p95 ${f.compliance.p95Ms} ms`,
      bare: '',
      ratio: '',
      target: dashboard.target,
      met: yes(dashboard),
    },
    {
      name: `village dossier (${f.dossier.entries} entries)`,
      platform: `${f.dossier.ms} ms`,
      bare: '',
      ratio: '',
      target: dossier.target,
      met: yes(dossier),
    },
    {
      name: `dossier batch (${f.batch.villages} villages)`,
      platform: `${f.batch.seconds} s, ${Math.round(f.batch.zipBytes / 1024)} KB`,
      bare: '',
      ratio: '',
      target: batch.target,
      met: yes(batch),
    },
    {
      name: 'ledger entry create',
      platform: `${f.create.app.requestsPerSecond} req/s, p99 ${f.create.app.p99Ms} ms`,
      bare: `${f.create.bare.requestsPerSecond} req/s, p99 ${f.create.bare.p99Ms} ms`,
      ratio: `${Math.round(f.create.ratio * 100)}%`,
      target: '>= 50% of bare',
      met: yes(create),
    },
  );
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
