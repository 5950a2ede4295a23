import { CASE_TYPES, type CaseType } from '@rg/domain/mediation/case.schema';
import { rate } from '@rg/domain/mediation/common.schema';
import type { StatsDto, StatsFigures } from '@rg/domain/mediation/stats.schema';
import { isNation, levelOf, REGION_LEVELS, type RegionLevel } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { chinaToday } from './mediation.cases.ts';
import { caseCollection, casePolicy } from './case.policy.ts';
import { Places } from './mediation.places.ts';
import * as repo from './mediation.statistics.repository.ts';
import { statsWorkbook } from './mediation.stats-export.ts';
import { STAT_COUNTERS, type StatCounter } from './mediation.stats-store.ts';

type Counters = Record<StatCounter, number>;
interface Live {
  openHighRisk: number;
  openCriminalRisk: number;
  overdueOpen: number;
}

const zero = (): Counters => Object.fromEntries(STAT_COUNTERS.map((c) => [c, 0])) as Counters;

function childLevel(level: RegionLevel): Exclude<RegionLevel, 'nation'> {
  if (level === 'village' || level === 'group') return 'village';
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] as Exclude<RegionLevel, 'nation'>;
}

function figures(c: Counters, live: Live): StatsFigures {
  const concluded = c.success + c.failed;
  const perf = c.performed + c.partly + c.not_performed;
  const overdue = c.overdue_concluded + live.overdueOpen;
  return {
    registered: c.registered,
    success: c.success,
    failed: c.failed,
    successRate: rate(c.success, concluded),
    closed: c.closed,
    performance: { performed: c.performed, partly: c.partly, not: c.not_performed, rate: rate(c.performed, perf) },
    overdue,
    overdueRate: rate(overdue, c.registered),
    openHighRisk: live.openHighRisk,
    openCriminalRisk: live.openCriminalRisk,
    avgDurationDays: concluded === 0 ? 0 : Math.round((c.duration_days / concluded) * 10) / 10,
  };
}

/**
 * 调解统计. Counters come from `mediation_stats` (kept in the write transactions, one row per place,
 * month and type at every level), so a province reads its own ≤144 rows and its cities' rows; the
 * figures that depend on today (open high-risk, open and overdue) are counted live from the partial
 * index of unresolved cases.
 */
export class StatisticsService {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  async stats(rc: RequestContext, regionCode: string | undefined, year: number): Promise<StatsDto> {
    const actor = signedIn(rc.actor);
    const code = regionCode ?? listScope(actor);
    enforce(casePolicy, actor, 'read', caseCollection(code));
    const region = isNation(code) ? { code, name: '全国', level: 'nation' as RegionLevel } : await this.places.existing(code, 'regionCode');
    const level = levelOf(code);
    const child = childLevel(level);
    const today = chinaToday(this.ctx.clock.now());
    const db = this.ctx.db;
    const [own, children, live] = await Promise.all([
      repo.ownCounters(db, code, level, year),
      level === 'village' ? Promise.resolve([]) : repo.childCounters(db, code, child, year),
      repo.liveFigures(db, code, child, year, today),
    ]);
    const liveBy = new Map(
      live.map((l) => [
        l.child,
        { openHighRisk: Number(l.high ?? 0), openCriminalRisk: Number(l.criminal ?? 0), overdueOpen: Number(l.overdue ?? 0) },
      ]),
    );
    const liveTotal: Live = { openHighRisk: 0, openCriminalRisk: 0, overdueOpen: 0 };
    for (const l of liveBy.values()) {
      liveTotal.openHighRisk += l.openHighRisk;
      liveTotal.openCriminalRisk += l.openCriminalRisk;
      liveTotal.overdueOpen += l.overdueOpen;
    }
    const total = zero();
    const byType = new Map<string, Counters>();
    const byMonth = new Map<string, Counters>();
    for (const row of own) {
      const t = byType.get(row.case_type) ?? zero();
      const m = byMonth.get(row.month) ?? zero();
      for (const c of STAT_COUNTERS) {
        const v = Number(row[c] ?? 0);
        total[c] += v;
        t[c] += v;
        m[c] += v;
      }
      byType.set(row.case_type, t);
      byMonth.set(row.month, m);
    }
    const refs = await this.places.refs(children.map((c) => c.region_code));
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    return {
      region: { code, name: region.name, level },
      year,
      totals: figures(total, liveTotal),
      byType: CASE_TYPES.map((caseType: CaseType) => {
        const c = byType.get(caseType) ?? zero();
        return { caseType, registered: c.registered, success: c.success, failed: c.failed };
      }),
      byMonth: months.map((month) => {
        const c = byMonth.get(month) ?? zero();
        return { month, registered: c.registered, success: c.success, failed: c.failed };
      }),
      children: children.map((row) => {
        const c = zero();
        for (const k of STAT_COUNTERS) c[k] = Number(row[k] ?? 0);
        return {
          code: row.region_code,
          name: refs.get(row.region_code)?.name ?? row.region_code,
          level: child,
          ...figures(c, liveBy.get(row.region_code) ?? { openHighRisk: 0, openCriminalRisk: 0, overdueOpen: 0 }),
        };
      }),
      abilities: abilitiesOf(casePolicy, actor, caseCollection(code), ['export']),
    };
  }

  /** The same figures as a workbook (调解统计表); audited like every export. */
  async exportStats(rc: RequestContext, regionCode: string | undefined, year: number): Promise<Buffer> {
    const actor = signedIn(rc.actor);
    const code = regionCode ?? listScope(actor);
    enforce(casePolicy, actor, 'export', caseCollection(code));
    const dto = await this.stats(rc, code, year);
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.mediation_stats',
      objectType: 'region',
      objectRegion: code,
      detail: { year, children: dto.children.length },
    });
    return statsWorkbook(dto);
  }
}
