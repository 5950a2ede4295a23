import type { ComplianceDto, ComplianceQuery, NormCreate, NormDto, NormPeriod, ServiceType, ServiceWindow } from '@rg/domain/legal/service.schema';
import { ancestorsOf, isWithin } from '@rg/domain/regions/region-code';
import { sql } from 'kysely';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { withinScope } from '../../core/db/scope.ts';
import { invalid, notFound } from '../../core/http/errors.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { RegionsService } from '../regions/regions.service.ts';
import type { LegalNormTable } from './legal.tables.ts';
import { newId } from '../../core/db/ids.ts';

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

type NormRow = Omit<LegalNormTable, 'created_at'>;

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
      id: r.id, regionCode: r.region_code, regionName: paths.get(r.region_code) ?? r.region_code, name: r.name,
      window: r.service_window as ServiceWindow | null, serviceType: r.service_type as ServiceType | null, period: r.period as NormPeriod, minCount: Number(r.min_count),
    }));
  }

  /** Norms that apply inside `scope`: set on it, on one of its ancestors, or on a place within it. */
  private async applicable(scope: string): Promise<NormRow[]> {
    return this.ctx.db
      .selectFrom('legal_norms')
      .select(['id', 'region_code', 'name', 'service_window', 'service_type', 'period', 'min_count'])
      .where((eb) => eb.or([eb('region_code', 'in', [...ancestorsOf(scope), scope]), withinScope(eb, 'region_code', scope)]))
      .orderBy('period')
      .orderBy('region_code')
      .execute();
  }

  async list(rc: RequestContext, regionCode: string | undefined): Promise<{ items: NormDto[] }> {
    const actor = authorize(rc.actor, 'legal.read');
    const scope = regionCode ?? listScope(actor);
    authorize(actor, 'legal.read', { regionCode: scope });
    return { items: await this.toDtos(await this.applicable(scope)) };
  }

  async create(rc: RequestContext, input: NormCreate): Promise<NormDto> {
    authorize(rc.actor, 'legal.manage', { regionCode: input.regionCode });
    if (!(await findRegion(this.ctx.db, input.regionCode))) throw invalid({ regionCode: 'region.notFound' });
    const row: NormRow & { created_at: string } = {
      id: newId(), region_code: input.regionCode, name: input.name, service_window: input.window ?? null, service_type: input.serviceType ?? null,
      period: input.period, min_count: input.minCount, created_at: this.ctx.clock.now().toISOString(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('legal_norms').values(row).execute();
      await this.ctx.audit.append(tx, rc, { action: 'legal.norm_create', objectType: 'legal_norm', objectId: row.id, objectRegion: row.region_code, detail: { ...input } });
    });
    const [dto] = await this.toDtos([row]);
    return dto as NormDto;
  }

  async remove(rc: RequestContext, id: string): Promise<void> {
    const actor = authorize(rc.actor, 'legal.manage');
    const row = await this.ctx.db.selectFrom('legal_norms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    authorize(actor, 'legal.manage', { regionCode: row.region_code });
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('legal_norms').where('id', '=', id).execute();
      await this.ctx.audit.append(tx, rc, { action: 'legal.norm_delete', objectType: 'legal_norm', objectId: id, objectRegion: row.region_code, detail: { name: row.name } });
    });
  }

  /**
   * Services per village in the months, of the norm's window or type (any when it names neither),
   * from the village-month rows; a norm naming both a window and a type reads the detailed counts.
   */
  private async doneByVillage(scope: string, months: string[], norm: NormRow): Promise<Map<string, number>> {
    if (norm.service_window && norm.service_type) {
      const rows = await this.ctx.db
        .selectFrom('legal_service_counts')
        .select(['region_code', (eb) => eb.fn.sum<number>('count').as('n')])
        .where('month', 'in', months)
        .where((eb) => withinScope(eb, 'region_code', scope))
        .where(sql<boolean>`length(region_code) = 12`)
        .where('service_window', '=', norm.service_window)
        .where('service_type', '=', norm.service_type)
        .groupBy('region_code')
        .execute();
      return new Map(rows.map((r) => [r.region_code, Number(r.n)]));
    }
    const column = norm.service_window ? `w_${norm.service_window as ServiceWindow}` as const : norm.service_type ? `t_${norm.service_type as ServiceType}` as const : 'total';
    const rows = await this.ctx.db
      .selectFrom('legal_village_months')
      .select(['village_code', (eb) => eb.fn.sum<number>(column).as('n')])
      .where('month', 'in', months)
      .where((eb) => withinScope(eb, 'village_code', scope))
      .groupBy('village_code')
      .execute();
    return new Map(rows.map((r) => [r.village_code, Number(r.n)]));
  }

  async compliance(rc: RequestContext, query: ComplianceQuery): Promise<ComplianceDto> {
    const actor = authorize(rc.actor, 'legal.read');
    const scope = query.regionCode ?? listScope(actor);
    authorize(actor, 'legal.read', { regionCode: scope });
    const { kind, months } = monthsOf(query.period);
    const norms = (await this.applicable(scope)).filter((n) => n.period === kind);
    const served = await this.ctx.db
      .selectFrom('legal_assignments')
      .select(['village_code', 'advisor_id'])
      .where('end_date', 'is', null)
      .where((eb) => withinScope(eb, 'village_code', scope))
      .orderBy('village_code')
      .execute();
    const done = await Promise.all(norms.map((n) => this.doneByVillage(scope, months, n)));
    // A province has some 20,000 served villages: each is judged with plain lookups, and the full
    // per-norm detail is built only for the page shown.
    const perNorm = (code: string) => norms.flatMap((n, i) => (isWithin(code, n.region_code) ? [{ normId: n.id, done: done[i]?.get(code) ?? 0, required: Number(n.min_count) }] : []));
    const isBehind = (code: string) => norms.some((n, i) => isWithin(code, n.region_code) && (done[i]?.get(code) ?? 0) < Number(n.min_count));
    const villages = served.map((s) => ({ villageCode: s.village_code, advisorId: s.advisor_id, behind: isBehind(s.village_code) }));
    const perAdvisor = new Map<string, { villages: number; behind: number }>();
    for (const v of villages) {
      const entry = perAdvisor.get(v.advisorId) ?? { villages: 0, behind: 0 };
      entry.villages += 1;
      entry.behind += v.behind ? 1 : 0;
      perAdvisor.set(v.advisorId, entry);
    }
    // `served` is in code order and the sort is stable, so villages behind come first, each part by code
    // (a locale comparison of 20,000 codes cost a province's report about 15 ms).
    const listed = villages.filter((v) => query.behindOnly !== 'true' || v.behind).sort((a, b) => Number(b.behind) - Number(a.behind));
    const page = listed.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const [paths, names] = await Promise.all([this.regions.pathsOf(page.map((v) => v.villageCode)), this.advisorNames([...perAdvisor.keys()])]);
    const behind = villages.filter((v) => v.behind).length;
    const advisors = [...perAdvisor].map(([advisorId, counts]) => ({ advisorId, advisorName: names.get(advisorId) ?? '', ...counts }));
    return {
      period: query.period, norms: await this.toDtos(norms), villages: villages.length, behind, rate: villages.length === 0 ? 0 : (villages.length - behind) / villages.length,
      advisors: advisors.sort((a, b) => b.behind - a.behind || a.advisorName.localeCompare(b.advisorName)).slice(0, 100),
      items: page.map((v) => ({ ...v, advisorName: names.get(v.advisorId) ?? '', norms: perNorm(v.villageCode), villagePath: paths.get(v.villageCode) ?? v.villageCode })),
      total: listed.length, page: query.page, pageSize: query.pageSize,
    };
  }

  /** The roster names of advisors, a few thousand ids at a time. */
  private async advisorNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await this.ctx.db.selectFrom('legal_advisors').select(['id', 'name']).where('id', 'in', ids.slice(i, i + 5000)).execute();
      for (const r of rows) names.set(r.id, r.name);
    }
    return names;
  }
}
