/**
 * The module benchmarks of issues 4–6 as sections of `npm run bench`: how each is sized for the run
 * (quick, default, national) and which targets its figures are held to. Each section runs in its
 * own temporary database, so one failing leaves the others' figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './args.ts';
import { benchIndicators, type IndicatorsFigures } from './indicators-bench.ts';
import { benchMediation, type MediationFigures } from './mediation-bench.ts';
import { benchPrograms, type ProgramsFigures } from './programs-bench.ts';
import { atLeast, below, type Row, type Target } from './report.ts';

export type Failure = { error: string };
export type Skipped = { skipped: string };
export type Outcome<F> = F | Failure | Skipped;

export interface ModuleResults {
  mediation: Outcome<MediationFigures>;
  programs: Outcome<ProgramsFigures>;
  indicators: Outcome<IndicatorsFigures>;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const settle = <F>(run: () => Promise<F>): Promise<F | Failure> => run().catch((err: unknown) => ({ error: message(err) }));

/** Issue 4: intake vs bare, statistics over 500k cases in Shaanxi (20k cases in the quick run's province). */
export async function runModuleSections(options: BenchOptions): Promise<ModuleResults> {
  console.error('7. mediation: case intake, statistics …');
  const mediation = await settle(() =>
    benchMediation({
      province: options.quick ? (options.only[0] ?? '61').slice(0, 2) : '61',
      cases: options.quick ? 20_000 : 500_000,
      duration: options.duration,
      warmup: options.warmup,
      connections: options.connections,
      rounds: options.rounds,
      intake: true,
    }),
  );
  console.error('8. programmes: review chain with quotas …');
  const programs = await settle(() => benchPrograms());
  let indicators: Outcome<IndicatorsFigures> = { skipped: 'national indicators need --scale national (or --quick for a smoke run)' };
  if (options.scale === 'national' || options.quick) {
    console.error(`9. indicators: ${options.quick ? 'demo counties' : 'national list, 10M records'} …`);
    const dataDir = path.join(os.tmpdir(), `rg-indicators-bench-${process.pid}`);
    indicators = await settle(() =>
      benchIndicators({
        postgresUrl: null,
        only: options.quick ? options.only : [],
        villages: null,
        records: options.quick ? 50_000 : 10_000_000,
        samples: options.quick ? 30 : 100,
        writeSeconds: options.quick ? 3 : 10,
        writeRounds: options.quick ? 1 : 2,
        dataDir,
      }),
    );
    // The national database is ~2 GB: not left behind in the temporary directory.
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { mediation, programs, indicators };
}

const isFailure = (value: object): value is Failure => 'error' in value;
const isSkipped = (value: object): value is Skipped => 'skipped' in value;
const yes = (t: Target) => (t.met ? 'yes' : 'NO');
const note = (name: string, text: string): Row => ({ name, platform: text, bare: '', ratio: '', target: '', met: '' });

export function moduleRows(r: ModuleResults, targets: Target[], rows: Row[]): void {
  const m = r.mediation;
  if (isFailure(m) || isSkipped(m))
    rows.push(note('mediation', isFailure(m) ? `error: ${m.error.split('\n')[0]?.slice(0, 60) ?? ''}` : m.skipped));
  else {
    if (m.intake) {
      const t = atLeast('mediation case intake: platform requests/s ÷ bare requests/s', m.intake.ratio, 0.5, '');
      targets.push(t);
      rows.push({
        name: 'mediation case intake',
        platform: `${m.intake.app.requestsPerSecond} req/s, p99 ${m.intake.app.p99Ms} ms`,
        bare: `${m.intake.bare.requestsPerSecond} req/s, p99 ${m.intake.bare.p99Ms} ms`,
        ratio: `${Math.round(m.intake.ratio * 100)}%`,
        target: '>= 50% of bare',
        met: yes(t),
      });
    }
    const province = m.statistics.byScope[0];
    if (province) {
      const t = below(
        `mediation statistics p95 for province ${m.province} (${m.villages} villages, ${m.statistics.cases} cases)`,
        province.p95Ms,
        150,
        'ms',
      );
      targets.push(t);
      rows.push({
        name: `mediation statistics (${m.statistics.cases} cases)`,
        platform: m.statistics.byScope.map((s) => `${s.level} p95 ${s.p95Ms} ms`).join('; '),
        bare: '',
        ratio: '',
        target: t.target,
        met: yes(t),
      });
    }
  }
  const p = r.programs;
  if (isFailure(p) || isSkipped(p))
    rows.push(note('programmes', isFailure(p) ? `error: ${p.error.split('\n')[0]?.slice(0, 60) ?? ''}` : p.skipped));
  else
    rows.push(
      note(
        `programmes (${p.applications} applications, quota ${p.quota})`,
        `approve p95 ${p.approve.p95Ms} ms (${p.approved} approved, ${p.refusedOverQuota} refused over quota); awaiting list p95 ${p.awaitingList.p95Ms} ms`,
      ),
    );
  const i = r.indicators;
  if (isFailure(i) || isSkipped(i)) {
    rows.push(note('indicators', isFailure(i) ? `error: ${i.error.split('\n')[0]?.slice(0, 60) ?? ''}` : i.skipped));
    return;
  }
  const national = below(`indicators national scorecard p95 (${i.records.total} records)`, i.scorecard.national.p95Ms, 100, 'ms');
  const province = below(`indicators province ${i.scorecard.province.code} scorecard p95`, i.scorecard.province.p95Ms, 50, 'ms');
  const faster = atLeast('plain GROUP BY time ÷ national scorecard p95', i.groupBy.timesSlowerThanNationalP95, 50, 'x');
  const rss = below('indicators server peak RSS', i.serverPeakRssMb.withRollup ?? Number.NaN, 500, 'MB');
  const fresh = atLeast('a write shows on the next scorecard request', i.freshness.fresh ? 1 : 0, 1, '');
  targets.push(national, province, faster, rss, fresh);
  rows.push(
    {
      name: `indicators scorecard (${i.regions} regions, ${i.records.total} records)`,
      platform: `national p95 ${i.scorecard.national.p95Ms} ms; province p95 ${i.scorecard.province.p95Ms} ms`,
      bare: `GROUP BY ${i.groupBy.seconds} s`,
      ratio: `${i.groupBy.timesSlowerThanNationalP95}x`,
      target: '< 100 / < 50 ms, >= 50x',
      met: `${yes(national)}/${yes(province)}/${yes(faster)}`,
    },
    note(
      'indicators freshness and write cost',
      `fresh: ${i.freshness.fresh ? 'yes' : 'NO'}; form writes ${i.writes.withRollup.requestsPerSecond}/s with roll-up, ${i.writes.withoutRollup.requestsPerSecond}/s without (${i.writes.costPercent}% cost); db ${i.databaseMb} MB; RSS ${i.serverPeakRssMb.withRollup ?? '?'} MB`,
    ),
  );
}

export function moduleFailures(r: ModuleResults): Failure[] {
  return [r.mediation, r.programs, r.indicators].filter(isFailure);
}
