import type {
  CommitteeCreate,
  CommitteeDto,
  CommitteeLevel,
  CommitteeListDto,
  CommitteeListQuery,
  CommitteeUpdate,
} from '@rg/domain/mediation/committee.schema';
import type { RegionLevel } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { newId } from '../../core/db/ids.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import { committeePolicy, type CommitteeAccess } from './committee.policy.ts';
import * as repo from './mediation.committees.repository.ts';
import { Places } from './mediation.places.ts';
import type { MediationCommitteeTable } from './mediation.tables.ts';

/** Which region level each committee level sits at (specialised ones at county or town). */
const LEVELS_OF: Record<CommitteeLevel, readonly RegionLevel[]> = {
  county: ['county'],
  town: ['town'],
  village: ['village'],
  specialised: ['county', 'town'],
};

/** 人民调解委员会 (P1.4(4) 双建: a committee in every town and village, specialised ones where needed). */
export class CommitteesService {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  async listCommittees(rc: RequestContext, query: CommitteeListQuery): Promise<CommitteeListDto> {
    const actor = signedIn(rc.actor);
    const listed = { regionCode: query.regionCode ?? listScope(actor) };
    enforce(committeePolicy, actor, 'read', listed);
    const { rows, total } = await repo.listCommittees(this.ctx.db, listed.regionCode, query);
    return {
      items: await this.committeeDtos(actor, rows),
      total,
      page: query.page,
      pageSize: query.pageSize,
      abilities: abilitiesOf(committeePolicy, actor, listed, ['create', 'configure']),
    };
  }

  private async committeeDtos(actor: Actor, rows: MediationCommitteeTable[]): Promise<CommitteeDto[]> {
    if (rows.length === 0) return [];
    const [refs, counts] = await Promise.all([
      this.places.refs(rows.map((r) => r.region_code)),
      repo.mediatorCounts(
        this.ctx.db,
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      region: refs.get(r.region_code) ?? { code: r.region_code, name: r.region_code, path: r.region_code },
      level: r.level as CommitteeLevel,
      name: r.name,
      field: r.field,
      establishedOn: r.established_on,
      status: r.status,
      mediators: counts.get(r.id)?.n ?? 0,
      fullTime: counts.get(r.id)?.ft ?? 0,
      version: r.version,
      abilities: abilitiesOf(committeePolicy, actor, { regionCode: r.region_code }, ['update']),
    }));
  }

  /** A committee the actor may `access` (committeePolicy); outside their region 404 like a missing one. */
  private async loadCommittee(actor: Actor, id: string, access: CommitteeAccess): Promise<MediationCommitteeTable> {
    const row = await loadInScope(actor, repo.findCommittee(this.ctx.db, id), (r) => r.region_code, 'mediation.read');
    enforce(committeePolicy, actor, access, { regionCode: row.region_code });
    return row;
  }

  async getCommittee(rc: RequestContext, id: string): Promise<CommitteeDto> {
    const actor = signedIn(rc.actor);
    const [dto] = await this.committeeDtos(actor, [await this.loadCommittee(actor, id, 'read')]);
    if (!dto) throw notFound();
    return dto;
  }

  async createCommittee(rc: RequestContext, input: CommitteeCreate): Promise<CommitteeDto> {
    enforce(committeePolicy, rc.actor, 'create', { regionCode: input.regionCode });
    const region = await this.places.existing(input.regionCode, 'regionCode');
    if (!LEVELS_OF[input.level].includes(region.level)) throw invalid({ level: 'mediation.committee.levelMismatch' });
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertCommittee(tx, {
        id,
        region_code: input.regionCode,
        level: input.level,
        name: input.name,
        field: input.field ?? null,
        established_on: input.establishedOn ?? null,
        status: 'active',
        created_at: now,
        updated_at: now,
        version: 1,
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.committee_create',
        objectType: 'mediation_committee',
        objectId: id,
        objectRegion: input.regionCode,
        detail: { after: input },
      });
    });
    return this.getCommittee(rc, id);
  }

  async updateCommittee(rc: RequestContext, id: string, input: CommitteeUpdate): Promise<CommitteeDto> {
    const row = await this.loadCommittee(signedIn(rc.actor), id, 'update');
    const changes: Partial<MediationCommitteeTable> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.field !== undefined ? { field: input.field } : {}),
      ...(input.establishedOn !== undefined ? { established_on: input.establishedOn } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.updateCommittee(tx, id, input.version, changes, this.ctx.clock.now().toISOString()))) throw conflict();
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.committee_update',
        objectType: 'mediation_committee',
        objectId: id,
        objectRegion: row.region_code,
        detail: { before: { name: row.name, status: row.status }, after: input },
      });
    });
    return this.getCommittee(rc, id);
  }
}
