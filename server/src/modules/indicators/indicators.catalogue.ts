import { EVENT_INDICATORS, REPORTED_INDICATORS, type Comparison } from '@rg/domain/indicators/catalogue';
import type { IndicatorDto, TargetCreate, TargetDto } from '@rg/domain/indicators/indicators.schema';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { invalid } from '../../core/http/errors.ts';
import type { ComputedIndicator } from '../../core/module.ts';
import { findRegion, findRegions } from '../regions/regions.facade.ts';
import { newId } from '../../core/db/ids.ts';
import * as targets from './targets.repository.ts';

/** A catalogue entry with, for function indicators, the registering module's function. */
export interface CatalogueEntry extends IndicatorDto {
  computed?: ComputedIndicator;
}

/**
 * 指标目录: the reported and event-counted indicators defined in domain/, plus the computed ones
 * other modules register in their manifests (`indicators`). Built once at start; targets live in
 * the database.
 */
export class IndicatorCatalogue {
  readonly entries: readonly CatalogueEntry[];
  private readonly byCode: Map<string, CatalogueEntry>;

  constructor(private readonly ctx: AppContext) {
    const registered = ctx.modules
      .flatMap((m) => m.indicators ?? [])
      .map((c): CatalogueEntry => ({
        code: c.code,
        name: c.name,
        definition: c.definition,
        unit: c.unit,
        kind: 'computed',
        source: 'function',
        clause: c.clause,
        computed: c,
      }));
    this.entries = [...REPORTED_INDICATORS, ...registered, ...EVENT_INDICATORS];
    this.byCode = new Map(this.entries.map((e) => [e.code, e]));
  }

  get(code: string): CatalogueEntry | undefined {
    return this.byCode.get(code);
  }

  list(rc: RequestContext): IndicatorDto[] {
    authorize(rc.actor, 'indicators.read');
    return this.entries.map(({ computed: _computed, ...dto }) => dto);
  }

  /**
   * The target that applies to a region: the one set for the nearest region at or above it (by
   * code: the region's own, its county's, …, the nation's), for no particular programme.
   */
  async effectiveTargets(db: DbOrTx, regionCode: string): Promise<Map<string, TargetDto>> {
    const chain = [...ancestorsOf(regionCode), regionCode];
    const rows = await targets.generalTargetsAt(db, chain);
    const best = new Map<string, TargetDto>();
    for (const row of rows) {
      const current = best.get(row.indicator_code);
      if (current && current.regionCode.length >= row.region_code.length) continue;
      best.set(row.indicator_code, this.toDto(row, ''));
    }
    return best;
  }

  private toDto(
    row: {
      id: string;
      indicator_code: string;
      region_code: string;
      program_code: string | null;
      comparison: string;
      value: number;
      due_date: string;
    },
    regionName: string,
  ): TargetDto {
    return {
      id: row.id,
      indicatorCode: row.indicator_code,
      regionCode: row.region_code,
      regionName,
      programCode: row.program_code,
      comparison: row.comparison as Comparison,
      value: Number(row.value),
      dueDate: row.due_date,
    };
  }

  /** Targets visible to the actor: those set for their region's ancestors (inherited) and within it. */
  async listTargets(rc: RequestContext): Promise<TargetDto[]> {
    const actor = authorize(rc.actor, 'indicators.read');
    const scope = listScope(actor);
    const rows = await targets.targetsAtOrWithin(this.ctx.db, [...ancestorsOf(scope), scope], scope, 1000);
    const names = new Map((await findRegions(this.ctx.db, [...new Set(rows.map((r) => r.region_code))])).map((r) => [r.code, r.name]));
    return rows.map((r) => this.toDto(r, names.get(r.region_code) ?? (r.region_code === '00' ? '全国' : r.region_code)));
  }

  async createTarget(rc: RequestContext, input: TargetCreate): Promise<TargetDto> {
    authorize(rc.actor, 'indicators.manage', { regionCode: input.regionCode });
    const indicator = this.get(input.indicatorCode);
    if (!indicator) throw invalid({ indicatorCode: 'indicators.indicator.unknown' });
    if (indicator.unit === 'percent' && input.value > 100) throw invalid({ value: 'indicators.target.percentRange' });
    const region = await findRegion(this.ctx.db, input.regionCode);
    if (!region) throw invalid({ regionCode: 'region.notFound' });
    const row = {
      id: newId(),
      indicator_code: input.indicatorCode,
      region_code: input.regionCode,
      program_code: input.programCode ?? null,
      comparison: input.comparison,
      value: input.value,
      due_date: input.dueDate,
      created_at: this.ctx.clock.now().toISOString(),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      await targets.insertTarget(tx, row);
      await this.ctx.audit.append(tx, rc, {
        action: 'indicators.target_create',
        objectType: 'indicator_target',
        objectId: row.id,
        objectRegion: input.regionCode,
        detail: { after: input },
      });
    });
    return this.toDto(row, region.name);
  }
}
