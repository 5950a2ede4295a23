import { levelOf, type RegionLevel } from '@rg/domain/regions/region-code';
import type { PlaceRef } from '@rg/domain/mediation/common.schema';
import type { AppContext } from '../../core/context.ts';
import { invalid } from '../../core/http/errors.ts';
import { findRegion, findRegions, RegionsService } from '../regions/regions.facade.ts';

/** Region names and paths for the module's answers; regions are reference data we read, never write. */
export class Places {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
  }

  async refs(codes: readonly string[]): Promise<Map<string, PlaceRef>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const [rows, paths] = await Promise.all([findRegions(this.ctx.db, unique), this.regions.pathsOf(unique)]);
    const names = new Map(rows.map((r) => [r.code, r.name]));
    return new Map(unique.map((code) => [code, { code, name: names.get(code) ?? code, path: paths.get(code) ?? names.get(code) ?? code }]));
  }

  async ref(code: string): Promise<PlaceRef> {
    return (await this.refs([code])).get(code) ?? { code, name: code, path: code };
  }

  /** The region must exist; answers 400 naming `field` otherwise. */
  async existing(
    code: string,
    field: string,
    levels?: readonly RegionLevel[],
  ): Promise<{ code: string; name: string; level: RegionLevel }> {
    const row = await findRegion(this.ctx.db, code);
    if (!row) throw invalid({ [field]: 'region.notFound' });
    const level = levelOf(code);
    if (levels && !levels.includes(level)) throw invalid({ [field]: 'mediation.region.notPlace' });
    return { code, name: row.name, level };
  }
}

export const json = {
  parse<T>(text: string | null | undefined, fallback: T): T {
    if (!text) return fallback;
    try {
      return JSON.parse(text) as T;
    } catch {
      return fallback;
    }
  },
};
