import { ancestorsOf, codeLength, isWithin } from '@rg/domain/regions/region-code';
import type {
  RegionDetailDto,
  RegionDto,
  RegionPageDto,
  RegionSearchHit,
  VillageAttributes,
  VillagerGroupCreate,
} from '@rg/domain/regions/region.schema';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, invalid, notFound } from '../../core/http/errors.ts';
import { regionNames } from './regions.names.ts';
import * as repo from './regions.repository.ts';

/** 行政区划 use cases: browse, search and the village attributes kept locally. */
export class RegionsService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * A region is readable when it lies in the actor's region, or is one of its ancestors (a
   * village cadre sees the name of their town and county, not their siblings).
   */
  private async readable(rc: RequestContext, code: string): Promise<{ actor: Actor; row: repo.RegionRow }> {
    const actor = authorize(rc.actor, 'region.read');
    const isAncestor = ancestorsOf(actor.homeRegion).includes(code);
    if (!isAncestor) authorize(actor, 'region.read', { regionCode: code });
    const row = await repo.findRegion(this.ctx.db, code);
    if (!row) throw notFound('region.notFound');
    return { actor, row };
  }

  async get(rc: RequestContext, code: string): Promise<RegionDetailDto> {
    const { actor, row } = await this.readable(rc, code);
    const ancestorRows = await repo.findRegions(this.ctx.db, ancestorsOf(code));
    const byCode = new Map(ancestorRows.map((r) => [r.code, r]));
    const ancestors = ancestorsOf(code)
      .map((c) => byCode.get(c))
      .filter((r): r is repo.RegionRow => r !== undefined)
      .map((r) => ({ ...repo.toRegionDto(r, true), abilities: { open: isWithin(r.code, actor.homeRegion) } }));
    return { ...repo.toRegionDto(row, await repo.hasChildren(this.ctx.db, code)), ancestors };
  }

  async children(rc: RequestContext, code: string, page: number, pageSize: number): Promise<RegionPageDto> {
    const actor = authorize(rc.actor, 'region.read');
    if (!isWithin(code, actor.homeRegion)) {
      // Above the actor's region only the path down to it is shown, never the siblings.
      const home = [...ancestorsOf(actor.homeRegion), actor.homeRegion];
      if (!home.includes(code)) throw notFound('region.notFound');
      const next = home[home.indexOf(code) + 1];
      const row = next ? await repo.findRegion(this.ctx.db, next) : undefined;
      return { items: row ? [repo.toRegionDto(row, true)] : [], total: row ? 1 : 0 };
    }
    const { rows, total } = await repo.listChildren(this.ctx.db, this.ctx.reads, code, (page - 1) * pageSize, pageSize);
    return { items: rows.map((r) => repo.toRegionDto(r, r.has_children === 1)), total };
  }

  /** Search by Chinese name inside the actor's current scope, each hit with its path (王桥镇屈家村). */
  async search(rc: RequestContext, q: string, limit: number): Promise<{ items: RegionSearchHit[] }> {
    const actor = authorize(rc.actor, 'region.read');
    const rows = await repo.searchByName(this.ctx.db, listScope(actor), q, limit);
    const paths = await this.pathsOf(rows.map((r) => r.code));
    return { items: rows.map((r) => ({ ...repo.toRegionDto(r, r.level !== 'group'), path: paths.get(r.code) ?? r.name })) };
  }

  /**
   * How people name places: from the county down, 泾阳县王桥镇屈家村. For other modules' lists; the
   * caller has already checked that the actor may see these places.
   */
  async pathsOf(codes: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(codes.flatMap((c) => [...ancestorsOf(c), c]).filter((c) => c.length >= codeLength('county')));
    const names = await regionNames(this.ctx, [...wanted]);
    return new Map(
      codes.map((code) => [
        code,
        [...ancestorsOf(code), code]
          .filter((c) => names.has(c))
          .map((c) => names.get(c))
          .join(''),
      ]),
    );
  }

  async updateVillage(rc: RequestContext, code: string, input: VillageAttributes): Promise<RegionDto> {
    const actor = authorize(rc.actor, 'region.manage', { regionCode: code });
    const row = await repo.findRegion(this.ctx.db, code);
    if (!row) throw notFound('region.notFound');
    if (row.level !== 'village') throw invalid({ code: 'region.notVillage' });
    const changes = {
      ...(input.isPoor !== undefined ? { is_poor: input.isPoor ? 1 : 0 } : {}),
      ...(input.population !== undefined ? { population: input.population } : {}),
      ...(input.households !== undefined ? { households: input.households } : {}),
    };
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.updateVillageAttributes(tx, code, changes, now);
      await this.ctx.audit.append(tx, rc, {
        action: 'region.update',
        objectType: 'region',
        objectId: code,
        objectRegion: code,
        detail: {
          before: { isPoor: row.is_poor === 1, population: row.population, households: row.households },
          after: input,
          by: actor.username,
        },
      });
    });
    return this.get(rc, code).then(({ ancestors: _ancestors, ...dto }) => dto);
  }

  /** 村民小组: numbered 001–999 under the village, as the local extension of the national codes. */
  async createGroup(rc: RequestContext, villageCode: string, input: VillagerGroupCreate): Promise<RegionDto> {
    authorize(rc.actor, 'region.manage', { regionCode: villageCode });
    const village = await repo.findRegion(this.ctx.db, villageCode);
    if (!village) throw notFound('region.notFound');
    if (village.level !== 'village') throw invalid({ code: 'region.notVillage' });
    const now = this.ctx.clock.now().toISOString();
    return this.ctx.db.transaction().execute(async (tx) => {
      // Lock the village row first, so concurrent creations on PostgreSQL number their groups in turn.
      await repo.lockRegion(tx, villageCode);
      const { lastCode: last, nameTaken } = await repo.childNumbering(tx, villageCode, input.name);
      if (nameTaken) throw invalid({ name: 'group.name.taken' });
      const next = last ? Number(last.slice(-3)) + 1 : 1;
      if (next > 999) throw new AppError('conflict', 'group.full');
      const code = `${villageCode}${String(next).padStart(3, '0')}`;
      const row: repo.RegionRow = {
        code,
        parent_code: villageCode,
        level: 'group',
        official_name: input.name,
        name: input.name,
        kind: null,
        is_poor: 0,
        population: null,
        households: null,
        is_local: 1,
        updated_at: now,
      };
      await repo.insertRegion(tx, row);
      await this.ctx.audit.append(tx, rc, {
        action: 'region.group_create',
        objectType: 'region',
        objectId: code,
        objectRegion: code,
        detail: { name: input.name },
      });
      return repo.toRegionDto(row, false);
    });
  }
}
