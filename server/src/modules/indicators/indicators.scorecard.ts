import type { ScorecardChild, ScorecardDto, ScorecardIndicator, TargetDto } from '@rg/domain/indicators/indicators.schema';
import { trailingPeriods } from '@rg/domain/indicators/period';
import { targetStatus, valueOf, type TargetStatus } from '@rg/domain/indicators/target-status';
import { ancestorsOf, levelOf, REGION_LEVELS } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { toXlsx } from '../../core/export/xlsx.ts';
import { notFound } from '../../core/http/errors.ts';
import { childRegions, findRegion } from '../regions/regions.facade.ts';
import type { CatalogueEntry, IndicatorCatalogue } from './indicators.catalogue.ts';
import { rollupSums } from './rollup.repository.ts';
import { generalTargetsAt } from './targets.repository.ts';

const TREND = 4;
const STATUS_LABEL: Record<TargetStatus, string> = { met: '达标', close: '接近', behind: '落后' };

type Sums = Map<string, { num: number; den: number }>;
const key = (region: string, indicator: string, period: string) => `${region}|${indicator}|${period}`;

/**
 * 指标看板: a region's indicators against their targets, the last four quarters, and its child
 * regions ranked — read from the roll-up (a few dozen primary-key rows at any level, the nation
 * included), plus the registered function indicators where they are quick enough.
 */
export class Scorecard {
  constructor(
    private readonly ctx: AppContext,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  /** Targets for several regions in one query: for each, the nearest one at or above it. */
  private async targetsFor(codes: readonly string[]): Promise<Map<string, Map<string, TargetDto>>> {
    const chains = new Map(codes.map((c) => [c, [...ancestorsOf(c), c]]));
    const all = [...new Set([...chains.values()].flat())];
    const rows = await generalTargetsAt(this.ctx.db, all);
    const result = new Map<string, Map<string, TargetDto>>();
    for (const [code, chain] of chains) {
      const best = new Map<string, TargetDto>();
      for (const row of rows) {
        if (!chain.includes(row.region_code)) continue;
        const current = best.get(row.indicator_code);
        if (current && current.regionCode.length >= row.region_code.length) continue;
        best.set(row.indicator_code, {
          id: row.id,
          indicatorCode: row.indicator_code,
          regionCode: row.region_code,
          regionName: '',
          programCode: null,
          comparison: row.comparison as TargetDto['comparison'],
          value: Number(row.value),
          dueDate: row.due_date,
        });
      }
      result.set(code, best);
    }
    return result;
  }

  private fastEnough(entry: CatalogueEntry, regionCode: string): boolean {
    if (!entry.computed) return true;
    return REGION_LEVELS.indexOf(levelOf(regionCode)) >= REGION_LEVELS.indexOf(entry.computed.widestLevel);
  }

  async scorecard(rc: RequestContext, regionCode: string | undefined, period: string): Promise<ScorecardDto> {
    const actor = authorize(rc.actor, 'indicators.read');
    const code = regionCode ?? listScope(actor);
    authorize(actor, 'indicators.read', { regionCode: code });
    const region = await findRegion(this.ctx.db, code);
    if (!region) throw notFound('region.notFound');
    const periods = trailingPeriods(period, TREND);
    const children = await childRegions(this.ctx.db, code);

    const sums: Sums = new Map();
    // The region's trend over four quarters, its children's current quarter only.
    const own = await rollupSums(this.ctx.db, [code], periods);
    const childRows = await rollupSums(
      this.ctx.db,
      children.map((c) => c.code),
      [period],
    );
    for (const r of [...own, ...childRows])
      sums.set(key(r.region_code, r.indicator_code, r.period), { num: Number(r.num), den: Number(r.den) });

    // Function indicators count live: the region's current value, and each child's where quick enough.
    for (const entry of this.catalogue.entries) {
      if (!entry.computed || !this.fastEnough(entry, code)) continue;
      for (const target of [code, ...children.map((c) => c.code)]) {
        const value = await entry.computed.compute(this.ctx, rc, target, period);
        if (value) sums.set(key(target, entry.code, period), value);
      }
    }

    const targets = await this.targetsFor([code, ...children.map((c) => c.code)]);
    const valueAt = (entry: CatalogueEntry, r: string, p: string) => {
      const s = sums.get(key(r, entry.code, p));
      return s ? valueOf(entry.unit, s.num, s.den) : null;
    };
    const statusAt = (entry: CatalogueEntry, r: string, value: number | null): TargetStatus | null => {
      const t = targets.get(r)?.get(entry.code);
      return t && value !== null ? targetStatus(entry.unit, t.comparison, t.value, value) : null;
    };

    const indicators: ScorecardIndicator[] = this.catalogue.entries.map((entry) => {
      const s = sums.get(key(code, entry.code, period));
      const value = valueAt(entry, code, period);
      const t = targets.get(code)?.get(entry.code);
      const { computed: _computed, ...dto } = entry;
      return {
        ...dto,
        num: s?.num ?? 0,
        den: s?.den ?? 0,
        value,
        target: t ? { comparison: t.comparison, value: t.value, dueDate: t.dueDate, regionCode: t.regionCode } : null,
        status: t ? (value === null ? null : targetStatus(entry.unit, t.comparison, t.value, value)) : null,
        trend: periods.map((p) => ({ period: p, value: valueAt(entry, code, p) })),
      };
    });

    const ranked = children.map((c) => {
      const values: Record<string, number | null> = {};
      const statuses: Record<string, TargetStatus | null> = {};
      for (const entry of this.catalogue.entries) {
        values[entry.code] = valueAt(entry, c.code, period);
        statuses[entry.code] = statusAt(entry, c.code, values[entry.code] ?? null);
      }
      const met = Object.values(statuses).filter((s) => s === 'met').length;
      return { code: c.code, name: c.name, level: c.level, values, statuses, met, rank: 0 };
    });
    const first = this.catalogue.entries[0]?.code ?? '';
    const score = (c: ScorecardChild) => [c.met, c.values[first] ?? -1] as const;
    ranked.sort((a, b) => score(b)[0] - score(a)[0] || score(b)[1] - score(a)[1] || a.code.localeCompare(b.code));
    ranked.forEach((c, i) => {
      const prev = ranked[i - 1];
      c.rank = prev && score(prev)[0] === score(c)[0] && score(prev)[1] === score(c)[1] ? prev.rank : i + 1;
    });

    return {
      region: { code, name: region.name, level: region.level, parentCode: region.parent_code },
      period,
      periods,
      indicators,
      children: ranked,
    };
  }

  /** The scorecard as .xlsx: the region's row first, then each child with its values and rank. */
  async export(rc: RequestContext, regionCode: string | undefined, period: string): Promise<{ name: string; body: Buffer }> {
    authorize(rc.actor, 'indicators.export');
    const card = await this.scorecard(rc, regionCode, period);
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.indicators_scorecard',
      objectType: 'region',
      objectRegion: card.region.code,
      detail: { period, rows: card.children.length + 1 },
    });
    const fmt = (unit: string, v: number | null | undefined) =>
      v === null || v === undefined ? null : unit === 'percent' ? Math.round(v * 10) / 10 : v;
    type Row = {
      code: string;
      name: string;
      values: Record<string, number | null>;
      statuses: Record<string, TargetStatus | null>;
      rank: number | null;
      met: number;
    };
    const rows: Row[] = [
      {
        code: card.region.code,
        name: `${card.region.name}（合计）`,
        rank: null,
        values: Object.fromEntries(card.indicators.map((i) => [i.code, i.value])),
        statuses: Object.fromEntries(card.indicators.map((i) => [i.code, i.status])),
        met: card.indicators.filter((i) => i.status === 'met').length,
      },
      ...card.children,
    ];
    const body = await toXlsx(
      `${card.region.name}${period}`,
      [
        { header: '区划代码', value: (r: Row) => r.code },
        { header: '名称', width: 24, value: (r: Row) => r.name },
        ...card.indicators.flatMap((i) => [
          { header: `${i.name}${i.unit === 'percent' ? '（%）' : ''}`, width: 20, value: (r: Row) => fmt(i.unit, r.values[i.code]) },
          ...(i.target
            ? [
                {
                  header: `${i.name}状态`,
                  width: 12,
                  value: (r: Row) => {
                    const s = r.statuses[i.code];
                    return s ? STATUS_LABEL[s] : null;
                  },
                },
              ]
            : []),
        ]),
        { header: '达标指标数', value: (r: Row) => r.met },
        { header: '排名', value: (r: Row) => r.rank },
      ],
      rows,
    );
    return { name: `指标看板-${card.region.name}-${period}.xlsx`, body };
  }
}
