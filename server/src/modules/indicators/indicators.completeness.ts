import { REPORTING_COUNTERS } from '@rg/domain/indicators/catalogue';
import type { CompletenessDto, CompletenessRow } from '@rg/domain/indicators/indicators.schema';
import { dueDateOf } from '@rg/domain/indicators/period';
import { codeLength, levelOf, REGION_LEVELS, type RegionLevel } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { childRegions, findRegion, villagesPerPrefix } from '../regions/regions.facade.ts';
import type { PeriodLocks } from './indicators.period-locks.ts';
import { isClosable, periodLockPolicy } from './period-lock.policy.ts';
import { rollupSums } from './rollup.repository.ts';

const EXPECTED_TTL_MS = 5 * 60_000;

/** 填报完成情况: how many of a region's villages sent their quarter's form, on time, and were approved. */
export class ReportCompleteness {
  /** Villages per region change only with a region import: counted once per five minutes. */
  private readonly expectedCache = new Map<string, { at: number; rows: Map<string, number> }>();

  constructor(
    private readonly ctx: AppContext,
    private readonly locks: PeriodLocks,
  ) {}

  /** Villages per child region (by code), counted from the regions table and kept five minutes. */
  private async expectedByChild(regionCode: string, level: RegionLevel): Promise<Map<string, number>> {
    const cached = this.expectedCache.get(regionCode);
    if (cached && Date.now() - cached.at < EXPECTED_TTL_MS) return cached.rows;
    const childLength =
      level === 'town' || level === 'village'
        ? codeLength('village')
        : codeLength(REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] as Exclude<RegionLevel, 'nation'>);
    const map = await villagesPerPrefix(this.ctx.db, regionCode, childLength);
    this.expectedCache.set(regionCode, { at: Date.now(), rows: map });
    return map;
  }

  /** 填报完成情况: expected (villages), submitted, on time and approved, for the region and each child. */
  async completeness(rc: RequestContext, regionCode: string | undefined, period: string): Promise<CompletenessDto> {
    const actor = authorize(rc.actor, 'indicators.read');
    const code = regionCode ?? listScope(actor);
    authorize(actor, 'indicators.read', { regionCode: code });
    const region = await findRegion(this.ctx.db, code);
    if (!region) throw notFound('region.notFound');
    const level = levelOf(code);
    const expected = await this.expectedByChild(code, level);
    const children = level === 'village' ? [] : await childRegions(this.ctx.db, code);
    const codes = [code, ...children.map((c) => c.code)];
    const rows = await rollupSums(this.ctx.db, codes, [period], Object.values(REPORTING_COUNTERS));
    const counter = (c: string, k: string) => Number(rows.find((r) => r.region_code === c && r.indicator_code === k)?.num ?? 0);
    const rowOf = (c: string, name: string, exp: number): CompletenessRow => ({
      code: c,
      name,
      expected: exp,
      submitted: counter(c, REPORTING_COUNTERS.submitted),
      onTime: counter(c, REPORTING_COUNTERS.onTime),
      approved: counter(c, REPORTING_COUNTERS.approved),
    });
    const total = level === 'village' ? 1 : [...expected.values()].reduce((a, b) => a + b, 0);
    const locked = await this.locks.isLocked(this.ctx.db, code, period);
    return {
      ...rowOf(code, region.name, total),
      period,
      dueDate: dueDateOf(period),
      locked,
      abilities: { lock: isClosable(code) && periodLockPolicy(actor, 'lock', { regionCode: code, locked }).ok },
      children: children.map((c) => rowOf(c.code, c.name, expected.get(c.code) ?? (level === 'town' ? 1 : 0))),
    };
  }
}
