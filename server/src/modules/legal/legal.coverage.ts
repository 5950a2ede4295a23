import type { CoverageDto, UncoveredQuery, UncoveredVillageDto } from '@rg/domain/legal/assignment.schema';
import { codeLength, levelOf, REGION_LEVELS, type RegionLevel } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { findRegion, findRegions, RegionsService } from '../regions/regions.facade.ts';
import * as repo from './legal.repository.ts';
import { pilotCoverage } from './legal.pilots.repository.ts';
import { toXlsx } from '../../core/export/xlsx.ts';

const EXPORT_LIMIT = 10_000;

const rate = (covered: number, total: number) => (total === 0 ? 0 : covered / total);

/** The level just below `level`, where the coverage table breaks down (a village is its own row). */
function childLevel(level: RegionLevel): Exclude<RegionLevel, 'nation'> {
  if (level === 'village' || level === 'group') return 'village';
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] as Exclude<RegionLevel, 'nation'>;
}

/**
 * 覆盖情况: villages and communities with a current legal advisor, overall and for the poor villages
 * (P1.4(2): every poor village covered by the end of the year). Counted from the assignments on each
 * request — no stored figures to go stale.
 */
export class LegalCoverage {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
  }

  private async scopeOf(
    rc: RequestContext,
    permission: 'legal.read' | 'legal.export',
    regionCode: string | undefined,
  ): Promise<{ code: string; name: string; level: RegionLevel }> {
    const actor = authorize(rc.actor, permission);
    const code = regionCode ?? listScope(actor);
    authorize(actor, permission, { regionCode: code });
    const region = await findRegion(this.ctx.db, code);
    if (!region) throw notFound('region.notFound');
    return { code, name: region.name, level: levelOf(code) };
  }

  async coverage(rc: RequestContext, regionCode: string | undefined): Promise<CoverageDto> {
    const region = await this.scopeOf(rc, 'legal.read', regionCode);
    const level = childLevel(region.level);
    const rows = await repo.coverageByChild(this.ctx.db, region.code, codeLength(level));
    const names = new Map(
      (
        await findRegions(
          this.ctx.db,
          rows.map((r) => r.child),
        )
      ).map((r) => [r.code, r.name]),
    );
    const sum = (pick: (r: repo.CoverageRow) => number) => rows.reduce((acc, r) => acc + pick(r), 0);
    const villages = sum((r) => r.villages);
    const covered = sum((r) => r.covered);
    const poorVillages = sum((r) => r.poor_villages);
    const poorCovered = sum((r) => r.poor_covered);
    const pilot = await pilotCoverage(this.ctx.db, region.code);
    return {
      region,
      villages,
      covered,
      uncovered: villages - covered,
      rate: rate(covered, villages),
      poor: { villages: poorVillages, covered: poorCovered, rate: rate(poorCovered, poorVillages) },
      pilot: { ...pilot, rate: rate(pilot.covered, pilot.villages) },
      children: rows.map((r) => ({
        code: r.child,
        name: names.get(r.child) ?? r.child,
        level,
        villages: r.villages,
        covered: r.covered,
        rate: rate(r.covered, r.villages),
        poorVillages: r.poor_villages,
        poorCovered: r.poor_covered,
      })),
    };
  }

  async uncovered(rc: RequestContext, query: UncoveredQuery): Promise<{ items: UncoveredVillageDto[]; total: number }> {
    const { items, total } = await this.findUncovered(rc, query, 'legal.read', query.pageSize);
    return { items, total };
  }

  /** The whole uncovered list (up to 10,000 villages) as .xlsx; permission-checked and audited (SECURITY.md 15). */
  async exportUncovered(rc: RequestContext, query: UncoveredQuery): Promise<Buffer> {
    const { region, items, total } = await this.findUncovered(rc, { ...query, page: 1 }, 'legal.export', EXPORT_LIMIT);
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.legal_uncovered',
      objectType: 'region',
      objectRegion: region.code,
      detail: { rows: items.length, total, poorOnly: query.poorOnly === 'true' },
    });
    return toXlsx(
      '未覆盖村（社区）',
      [
        { header: '区划代码', value: (v) => v.code },
        { header: '村（社区）', width: 30, value: (v) => v.path },
        { header: '贫困村', value: (v) => (v.isPoor ? '是' : '否') },
      ],
      items,
    );
  }

  private async findUncovered(rc: RequestContext, query: UncoveredQuery, permission: 'legal.read' | 'legal.export', limit: number) {
    const region = await this.scopeOf(rc, permission, query.regionCode);
    const offset = (query.page - 1) * query.pageSize;
    const { rows, total } = await repo.uncoveredVillages(this.ctx.db, region.code, query.poorOnly === 'true', offset, limit);
    const paths = await this.regions.pathsOf(rows.map((r) => r.code));
    const items: UncoveredVillageDto[] = rows.map((r) => ({
      code: r.code,
      name: r.name,
      path: paths.get(r.code) ?? r.name,
      isPoor: r.is_poor === 1,
    }));
    return { region, items, total };
  }
}
