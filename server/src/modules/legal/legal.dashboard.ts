import {
  SERVICE_TYPES,
  SERVICE_WINDOWS,
  type LegalDashboardDto,
  type ServiceType,
  type ServiceWindow,
} from '@rg/domain/legal/service.schema';
import { chinaMonth } from '@rg/domain/time/china-time';
import type { RegionLevel } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { LegalConsultations } from './legal.consultations.ts';
import { LegalCoverage } from './legal.coverage.ts';
import { LegalNorms } from './legal.norms.ts';
import * as counts from './legal.dashboard.repository.ts';

const zeroWindows = (): Record<ServiceWindow, number> => ({ onsite: 0, hotline: 0, online: 0 });

/**
 * 司法局看板 (issue 3 Deliver 7): for any region and year, services by month, type and window, the
 * child regions side by side, coverage, this month's compliance and overdue questions. Services come
 * from the per-region counts the ledger keeps, so a province reads a few hundred rows.
 */
export class LegalDashboard {
  constructor(private readonly ctx: AppContext) {}

  async dashboard(rc: RequestContext, regionCode: string | undefined, year: number): Promise<LegalDashboardDto> {
    const coverage = await new LegalCoverage(this.ctx).coverage(rc, regionCode);
    const region = coverage.region;
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const own = await counts.countsOf(this.ctx.db, region.code, months);
    const byMonth = new Map(months.map((m) => [m, 0]));
    const byType = new Map<ServiceType, number>(SERVICE_TYPES.map((t) => [t, 0]));
    const byWindow = zeroWindows();
    for (const row of own) {
      const n = Number(row.count);
      byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + n);
      byType.set(row.service_type as ServiceType, (byType.get(row.service_type as ServiceType) ?? 0) + n);
      byWindow[row.service_window as ServiceWindow] += n;
    }
    const children = await this.children(region.code, region.level as RegionLevel, months);
    const now = this.ctx.clock.now();
    const period = chinaMonth(now);
    const compliance = await new LegalNorms(this.ctx).complianceSummary(rc, region.code, period);
    return {
      region,
      year,
      total: [...byMonth.values()].reduce((a, b) => a + b, 0),
      byMonth: [...byMonth].map(([month, count]) => ({ month, count })),
      byType: [...byType].map(([serviceType, count]) => ({ serviceType, count })),
      byWindow: SERVICE_WINDOWS.map((window) => ({ window, count: byWindow[window] })),
      children,
      coverage: {
        villages: coverage.villages,
        covered: coverage.covered,
        rate: coverage.rate,
        poorVillages: coverage.poor.villages,
        poorCovered: coverage.poor.covered,
      },
      compliance: { period, villages: compliance.villages, behind: compliance.behind },
      overdueQuestions: await new LegalConsultations(this.ctx).overdueIn(region.code),
    };
  }

  /** Totals per child region (per village below a town), every child listed even with no service. */
  private async children(code: string, level: RegionLevel, months: string[]): Promise<LegalDashboardDto['children']> {
    if (level === 'village' || level === 'group') return [];
    const kids = await counts.officialChildren(this.ctx.db, code);
    if (kids.length === 0) return [];
    const rows = await counts.windowTotalsOf(
      this.ctx.db,
      kids.map((k) => k.code),
      months,
    );
    const totals = new Map(kids.map((k) => [k.code, zeroWindows()]));
    for (const row of rows) {
      const entry = totals.get(row.region_code);
      if (entry) entry[row.service_window as ServiceWindow] += Number(row.n);
    }
    return kids.map((kid) => ({ code: kid.code, name: kid.name, ...this.sum(totals.get(kid.code) ?? zeroWindows()) }));
  }

  private sum(windows: Record<ServiceWindow, number>): { total: number; byWindow: Record<ServiceWindow, number> } {
    return { total: windows.onsite + windows.hotline + windows.online, byWindow: windows };
  }
}
