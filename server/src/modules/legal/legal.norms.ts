import type {
  ComplianceDto,
  ComplianceQuery,
  NormCreate,
  NormDto,
  NormPeriod,
  ServiceType,
  ServiceWindow,
} from '@rg/domain/legal/service.schema';
import { isWithin } from '@rg/domain/regions/region-code';
import type { RawBuilder } from 'kysely';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import type { AppContext } from '../../core/context.ts';
import { invalid } from '../../core/http/errors.ts';
import { findRegion, RegionsService } from '../regions/regions.facade.ts';
import * as normsRepo from './legal.norms.repository.ts';
import type { NormRow } from './legal.norms.repository.ts';
import { newId } from '../../core/db/ids.ts';
import { judgedPage, judgedPerAdvisor, judgedVillages, type JudgedVillage } from './legal.compliance-query.ts';

/** The months a period covers and the norm period it is: 2026-11, 2026-Q4 or 2026. */
export function monthsOf(period: string): { kind: NormPeriod; months: string[] } {
  const year = period.slice(0, 4);
  const month = (n: number) => `${year}-${String(n).padStart(2, '0')}`;
  if (period.length === 4) return { kind: 'year', months: Array.from({ length: 12 }, (_, i) => month(i + 1)) };
  if (period[5] === 'Q') {
    const quarter = Number(period.slice(6));
    return { kind: 'quarter', months: [1, 2, 3].map((i) => month((quarter - 1) * 3 + i)) };
  }
  return { kind: 'month', months: [period] };
}

/**
 * 服务规范 and 履职情况 (P1.4(3)): minimums per village and period set by the county or a town, and
 * for any region and period who meets them and who is behind. Counted from the ledger's per-village
 * monthly counts, so nothing is entered twice.
 */
export class LegalNorms {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
  }

  private async toDtos(rows: NormRow[]): Promise<NormDto[]> {
    const paths = await this.regions.pathsOf(rows.map((r) => r.region_code));
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      regionName: paths.get(r.region_code) ?? r.region_code,
      name: r.name,
      window: r.service_window as ServiceWindow | null,
      serviceType: r.service_type as ServiceType | null,
      period: r.period as NormPeriod,
      minCount: Number(r.min_count),
    }));
  }

  async list(rc: RequestContext, regionCode: string | undefined): Promise<{ items: NormDto[] }> {
    const actor = authorize(rc.actor, 'legal.read');
    const scope = regionCode ?? listScope(actor);
    authorize(actor, 'legal.read', { regionCode: scope });
    return { items: await this.toDtos(await normsRepo.applicableNorms(this.ctx.db, scope)) };
  }

  async create(rc: RequestContext, input: NormCreate): Promise<NormDto> {
    authorize(rc.actor, 'legal.manage', { regionCode: input.regionCode });
    if (!(await findRegion(this.ctx.db, input.regionCode))) throw invalid({ regionCode: 'region.notFound' });
    const row: NormRow & { created_at: string } = {
      id: newId(),
      region_code: input.regionCode,
      name: input.name,
      service_window: input.window ?? null,
      service_type: input.serviceType ?? null,
      period: input.period,
      min_count: input.minCount,
      created_at: this.ctx.clock.now().toISOString(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await normsRepo.insertNorm(tx, row);
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.norm_create',
        objectType: 'legal_norm',
        objectId: row.id,
        objectRegion: row.region_code,
        detail: { ...input },
      });
    });
    const [dto] = await this.toDtos([row]);
    return dto as NormDto;
  }

  async remove(rc: RequestContext, id: string): Promise<void> {
    const actor = authorize(rc.actor, 'legal.manage');
    const row = await loadInScope(actor, normsRepo.findNorm(this.ctx.db, id), (r) => r.region_code, 'legal.manage');
    await this.ctx.db.transaction().execute(async (tx) => {
      await normsRepo.deleteNorm(tx, id);
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.norm_delete',
        objectType: 'legal_norm',
        objectId: id,
        objectRegion: row.region_code,
        detail: { name: row.name },
      });
    });
  }

  /** The norms of the period's kind that apply inside `scope`, and the months the period covers. */
  private async judged(scope: string, period: string): Promise<{ norms: NormRow[]; query: RawBuilder<JudgedVillage> }> {
    const { kind, months } = monthsOf(period);
    const norms = (await normsRepo.applicableNorms(this.ctx.db, scope)).filter((n) => n.period === kind);
    return { norms, query: judgedVillages(this.ctx.db, scope, months, norms) };
  }

  /** Served villages and those behind in a period, for the dashboard's figure. */
  async complianceSummary(rc: RequestContext, regionCode: string, period: string): Promise<{ villages: number; behind: number }> {
    authorize(rc.actor, 'legal.read', { regionCode });
    const perAdvisor = await judgedPerAdvisor(this.ctx.db, (await this.judged(regionCode, period)).query);
    return totals(perAdvisor.values());
  }

  async compliance(rc: RequestContext, query: ComplianceQuery): Promise<ComplianceDto> {
    const actor = authorize(rc.actor, 'legal.read');
    const scope = query.regionCode ?? listScope(actor);
    authorize(actor, 'legal.read', { regionCode: scope });
    const { norms, query: judged } = await this.judged(scope, query.period);
    const behindOnly = query.behindOnly === 'true';
    const [perAdvisor, page] = await Promise.all([
      judgedPerAdvisor(this.ctx.db, judged),
      judgedPage(this.ctx.db, judged, behindOnly, query.page, query.pageSize),
    ]);
    const { villages, behind } = totals(perAdvisor.values());
    const [paths, names] = await Promise.all([
      this.regions.pathsOf(page.map((v) => v.village_code)),
      normsRepo.advisorNames(this.ctx.db, [...perAdvisor.keys()]),
    ]);
    const advisors = [...perAdvisor].map(([advisorId, counts]) => ({ advisorId, advisorName: names.get(advisorId) ?? '', ...counts }));
    return {
      period: query.period,
      norms: await this.toDtos(norms),
      villages,
      behind,
      rate: villages === 0 ? 0 : (villages - behind) / villages,
      advisors: advisors.sort((a, b) => b.behind - a.behind || a.advisorName.localeCompare(b.advisorName)).slice(0, 100),
      items: page.map((v) => ({
        villageCode: v.village_code,
        advisorId: v.advisor_id,
        advisorName: names.get(v.advisor_id) ?? '',
        behind: Number(v.behind) === 1,
        // Each norm's count for this village, where the norm covers it.
        norms: norms.flatMap((n, i) =>
          isWithin(v.village_code, n.region_code) ? [{ normId: n.id, done: Number(v[`n${i}`] ?? 0), required: Number(n.min_count) }] : [],
        ),
        villagePath: paths.get(v.village_code) ?? v.village_code,
      })),
      total: behindOnly ? behind : villages,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

function totals(perAdvisor: Iterable<{ villages: number; behind: number }>): { villages: number; behind: number } {
  let villages = 0;
  let behind = 0;
  for (const a of perAdvisor) {
    villages += a.villages;
    behind += a.behind;
  }
  return { villages, behind };
}
