import {
  TOWN_FULL_TIME_REQUIRED,
  VILLAGE_FULL_TIME_REQUIRED,
  type CommitteeCreate,
  type CommitteeDto,
  type CommitteeLevel,
  type CommitteeListQuery,
  type CommitteeStatus,
  type CommitteeUpdate,
  type Employment,
  type MediatorCreate,
  type MediatorDto,
  type MediatorListQuery,
  type MediatorStatus,
  type MediatorUpdate,
  type RevealField,
  type StaffingDto,
  type StaffingGapDto,
  type TrainingCreate,
  type TrainingDto,
} from '@rg/domain/mediation/committee.schema';
import type { Page } from '@rg/domain/mediation/common.schema';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import type { RegionLevel } from '@rg/domain/regions/region-code';
import { sql } from 'kysely';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { containsText } from '../../core/db/contains.ts';
import { withinScope } from '../../core/db/scope.ts';
import { toXlsx } from '../../core/export/xlsx.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import type { MediationCommitteeTable, MediationMediatorTable } from './mediation.tables.ts';
import { Places } from './mediation.places.ts';
import { newId } from '../../core/db/ids.ts';

/** Which region level each committee level sits at (specialised ones at county or town). */
const LEVELS_OF: Record<CommitteeLevel, readonly RegionLevel[]> = {
  county: ['county'],
  town: ['town'],
  village: ['village'],
  specialised: ['county', 'town'],
};
const GAP_LIMIT = 200;
const EXPORT_LIMIT = 20_000;

/** 调解组织与调解员 (P1.4(4) 双建, P3.3(三)1 staffing rule). */
export class CommitteesService {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  // ---------- committees ----------
  async listCommittees(rc: RequestContext, query: CommitteeListQuery): Promise<Page<CommitteeDto>> {
    const actor = authorize(rc.actor, 'mediation.read');
    if (query.regionCode) authorize(actor, 'mediation.read', { regionCode: query.regionCode });
    let base = this.ctx.db
      .selectFrom('mediation_committees as c')
      .where((eb) => withinScope(eb, 'c.region_code', query.regionCode ?? listScope(actor)));
    if (query.level) base = base.where('c.level', '=', query.level);
    if (query.q) {
      const q = query.q;
      base = base.where((eb) => containsText(eb, ['c.name'], q));
    }
    const rows = await base
      .selectAll('c')
      .orderBy('c.region_code')
      .orderBy('c.level')
      .orderBy('c.name')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: await this.committeeDtos(rows), total: Number(count.n), page: query.page, pageSize: query.pageSize };
  }

  private async committeeDtos(rows: MediationCommitteeTable[]): Promise<CommitteeDto[]> {
    if (rows.length === 0) return [];
    const refs = await this.places.refs(rows.map((r) => r.region_code));
    const counts = await this.ctx.db
      .selectFrom('mediation_mediators')
      .select((eb) => [
        'committee_id',
        eb.fn.countAll<number>().as('n'),
        sql<number>`sum(case when employment = 'full_time' then 1 else 0 end)`.as('ft'),
      ])
      .where(
        'committee_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('status', '=', 'active')
      .groupBy('committee_id')
      .execute();
    const byId = new Map(counts.map((c) => [c.committee_id, c]));
    return rows.map((r) => ({
      id: r.id,
      region: refs.get(r.region_code) ?? { code: r.region_code, name: r.region_code, path: r.region_code },
      level: r.level as CommitteeLevel,
      name: r.name,
      field: r.field,
      establishedOn: r.established_on,
      status: r.status as CommitteeStatus,
      mediators: Number(byId.get(r.id)?.n ?? 0),
      fullTime: Number(byId.get(r.id)?.ft ?? 0),
      version: r.version,
    }));
  }

  private async loadCommittee(
    actor: Actor,
    id: string,
    permission: 'mediation.read' | 'mediation.manage',
  ): Promise<MediationCommitteeTable> {
    const row = await this.ctx.db.selectFrom('mediation_committees').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    authorize(actor, permission, { regionCode: row.region_code });
    return row;
  }

  async getCommittee(rc: RequestContext, id: string): Promise<CommitteeDto> {
    const actor = authorize(rc.actor, 'mediation.read');
    const [dto] = await this.committeeDtos([await this.loadCommittee(actor, id, 'mediation.read')]);
    if (!dto) throw notFound();
    return dto;
  }

  async createCommittee(rc: RequestContext, input: CommitteeCreate): Promise<CommitteeDto> {
    authorize(rc.actor, 'mediation.manage', { regionCode: input.regionCode });
    const region = await this.places.existing(input.regionCode, 'regionCode');
    if (!LEVELS_OF[input.level].includes(region.level)) throw invalid({ level: 'mediation.committee.levelMismatch' });
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('mediation_committees')
        .values({
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
        })
        .execute();
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
    const actor = authorize(rc.actor, 'mediation.manage');
    const row = await this.loadCommittee(actor, id, 'mediation.manage');
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const result = await tx
        .updateTable('mediation_committees')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.field !== undefined ? { field: input.field } : {}),
          ...(input.establishedOn !== undefined ? { established_on: input.establishedOn } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          updated_at: now,
          version: input.version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict();
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

  // ---------- mediators ----------
  private mediatorDto(
    actor: Actor,
    row: MediationMediatorTable & { committee_name: string; hours_tenths: number | null },
    refs: Map<string, { code: string; name: string; path: string }>,
  ): MediatorDto {
    const target = { regionCode: row.region_code };
    return {
      id: row.id,
      committeeId: row.committee_id,
      committeeName: row.committee_name,
      committeeLevel: row.committee_level as CommitteeLevel,
      region: refs.get(row.region_code) ?? { code: row.region_code, name: row.region_code, path: row.region_code },
      name: row.name,
      gender: row.gender === 'female' ? 'female' : 'male',
      phone: maskMobile(this.ctx.cipher.decrypt(row.phone_enc)),
      idNumber: row.id_number_enc ? maskIdCard(this.ctx.cipher.decrypt(row.id_number_enc)) : null,
      employment: row.employment as Employment,
      status: row.status as MediatorStatus,
      trainingHours: Number(row.hours_tenths ?? 0) / 10,
      version: row.version,
      abilities: { update: can(actor, 'mediation.manage', target), reveal: can(actor, 'personal.reveal', target) },
    };
  }

  private mediatorQuery() {
    return this.ctx.db
      .selectFrom('mediation_mediators as m')
      .innerJoin('mediation_committees as c', 'c.id', 'm.committee_id')
      .selectAll('m')
      .select((eb) => [
        'c.name as committee_name',
        eb
          .selectFrom('mediation_trainings as t')
          .whereRef('t.mediator_id', '=', 'm.id')
          .select(sql<number>`sum(t.hours_tenths)`.as('h'))
          .as('hours_tenths'),
      ]);
  }

  async listMediators(rc: RequestContext, query: MediatorListQuery): Promise<Page<MediatorDto>> {
    const actor = authorize(rc.actor, 'mediation.read');
    if (query.regionCode) authorize(actor, 'mediation.read', { regionCode: query.regionCode });
    let base = this.mediatorQuery().where((eb) => withinScope(eb, 'm.region_code', query.regionCode ?? listScope(actor)));
    if (query.committeeId) base = base.where('m.committee_id', '=', query.committeeId);
    if (query.employment) base = base.where('m.employment', '=', query.employment);
    if (query.status) base = base.where('m.status', '=', query.status);
    if (query.q) {
      const q = query.q;
      base = base.where((eb) => containsText(eb, ['m.name'], q));
    }
    const rows = await base
      .orderBy('m.region_code')
      .orderBy('m.name')
      .orderBy('m.id')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .execute();
    const count = await base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const refs = await this.places.refs(rows.map((r) => r.region_code));
    return { items: rows.map((r) => this.mediatorDto(actor, r, refs)), total: Number(count.n), page: query.page, pageSize: query.pageSize };
  }

  private async loadMediator(actor: Actor, id: string, permission: 'mediation.read' | 'mediation.manage') {
    const row = await this.mediatorQuery().where('m.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    authorize(actor, permission, { regionCode: row.region_code });
    return row;
  }

  async getMediator(rc: RequestContext, id: string): Promise<MediatorDto & { trainings: TrainingDto[] }> {
    const actor = authorize(rc.actor, 'mediation.read');
    const row = await this.loadMediator(actor, id, 'mediation.read');
    const trainings = await this.ctx.db
      .selectFrom('mediation_trainings')
      .selectAll()
      .where('mediator_id', '=', id)
      .orderBy('trained_on', 'desc')
      .execute();
    return {
      ...this.mediatorDto(actor, row, await this.places.refs([row.region_code])),
      trainings: trainings.map((t) => ({
        id: t.id,
        trainedOn: t.trained_on,
        title: t.title,
        hours: t.hours_tenths / 10,
        organiser: t.organiser,
      })),
    };
  }

  private personal(input: { phone?: string; idNumber?: string | null }): Partial<MediationMediatorTable> {
    const { cipher } = this.ctx;
    return {
      ...(input.phone !== undefined ? { phone_enc: cipher.encrypt(input.phone), phone_hash: cipher.lookupHash(input.phone) } : {}),
      ...(input.idNumber !== undefined
        ? {
            id_number_enc: input.idNumber ? cipher.encrypt(input.idNumber) : null,
            id_number_hash: input.idNumber ? cipher.lookupHash(input.idNumber) : null,
          }
        : {}),
    };
  }

  private async idTaken(hash: string | null | undefined, exceptId?: string): Promise<boolean> {
    if (!hash) return false;
    let q = this.ctx.db.selectFrom('mediation_mediators').select('id').where('id_number_hash', '=', hash);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async createMediator(rc: RequestContext, input: MediatorCreate): Promise<MediatorDto> {
    const actor = authorize(rc.actor, 'mediation.manage');
    const committee = await this.ctx.db
      .selectFrom('mediation_committees')
      .selectAll()
      .where('id', '=', input.committeeId)
      .executeTakeFirst();
    if (!committee || !can(actor, 'mediation.manage', { regionCode: committee.region_code }))
      throw invalid({ committeeId: 'mediation.committee.required' });
    if (committee.status !== 'active') throw invalid({ committeeId: 'mediation.committee.dissolved' });
    const personal = this.personal(input);
    if (await this.idTaken(personal.id_number_hash)) throw invalid({ idNumber: 'mediation.mediator.idTaken' });
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('mediation_mediators')
        .values({
          id,
          committee_id: committee.id,
          region_code: committee.region_code,
          committee_level: committee.level,
          name: input.name,
          gender: input.gender,
          phone_enc: '',
          phone_hash: '',
          id_number_enc: null,
          id_number_hash: null,
          ...personal,
          employment: input.employment,
          status: 'active',
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.mediator_create',
        objectType: 'mediation_mediator',
        objectId: id,
        objectRegion: committee.region_code,
        detail: { after: input },
      });
    });
    return this.getMediator(rc, id);
  }

  async updateMediator(rc: RequestContext, id: string, input: MediatorUpdate): Promise<MediatorDto> {
    const actor = authorize(rc.actor, 'mediation.manage');
    const row = await this.loadMediator(actor, id, 'mediation.manage');
    const personal = this.personal(input);
    if (await this.idTaken(personal.id_number_hash, id)) throw invalid({ idNumber: 'mediation.mediator.idTaken' });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const result = await tx
        .updateTable('mediation_mediators')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.gender !== undefined ? { gender: input.gender } : {}),
          ...(input.employment !== undefined ? { employment: input.employment } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...personal,
          updated_at: now,
          version: input.version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict();
      const { version: _v, ...after } = input;
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.mediator_update',
        objectType: 'mediation_mediator',
        objectId: id,
        objectRegion: row.region_code,
        detail: { before: { employment: row.employment, status: row.status }, after },
      });
    });
    return this.getMediator(rc, id);
  }

  async addTraining(rc: RequestContext, id: string, input: TrainingCreate): Promise<MediatorDto & { trainings: TrainingDto[] }> {
    const actor = authorize(rc.actor, 'mediation.manage');
    const row = await this.loadMediator(actor, id, 'mediation.manage');
    const trainingId = newId();
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('mediation_trainings')
        .values({
          id: trainingId,
          mediator_id: id,
          trained_on: input.trainedOn,
          title: input.title,
          hours_tenths: Math.round(input.hours * 10),
          organiser: input.organiser ?? null,
          created_at: this.ctx.clock.now().toISOString(),
        })
        .execute();
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.training_add',
        objectType: 'mediation_mediator',
        objectId: id,
        objectRegion: row.region_code,
        detail: input,
      });
    });
    return this.getMediator(rc, id);
  }

  /** The full phone or ID number; needs `personal.reveal` inside the actor's region, audited (SECURITY.md 13). */
  async reveal(rc: RequestContext, id: string, field: RevealField): Promise<{ value: string }> {
    const actor = authorize(rc.actor, 'personal.reveal');
    const row = await this.loadMediator(actor, id, 'mediation.read');
    authorize(actor, 'personal.reveal', { regionCode: row.region_code });
    const stored = field === 'phone' ? row.phone_enc : row.id_number_enc;
    if (!stored) throw notFound();
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'mediation.reveal',
      objectType: 'mediation_mediator',
      objectId: id,
      objectRegion: row.region_code,
      detail: { field },
    });
    return { value: this.ctx.cipher.decrypt(stored) };
  }

  // ---------- staffing (P3.3(三)1) ----------
  private async placesWithFullTime(scope: string, level: 'town' | 'village') {
    const rows = await this.ctx.db
      .selectFrom('regions as r')
      .select((eb) => [
        'r.code',
        'r.name',
        eb
          .selectFrom('mediation_mediators as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.region_code', '=', 'r.code')
          .where('m.committee_level', '=', level)
          .where('m.status', '=', 'active')
          .where('m.employment', '=', 'full_time')
          .as('full_time'),
        eb
          .selectFrom('mediation_committees as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.region_code', '=', 'r.code')
          .where('c.level', '=', level)
          .where('c.status', '=', 'active')
          .as('committees'),
      ])
      .where('r.level', '=', level)
      .where((eb) => withinScope(eb, 'r.code', scope))
      .orderBy('r.code')
      .execute();
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      fullTime: Number(r.full_time ?? 0),
      hasCommittee: Number(r.committees ?? 0) > 0,
    }));
  }

  private async computeStaffing(
    rc: RequestContext,
    regionCode: string | undefined,
    permission: 'mediation.read' | 'mediation.export',
    limit: number,
  ): Promise<StaffingDto> {
    const actor = authorize(rc.actor, permission);
    const code = regionCode ?? listScope(actor);
    authorize(actor, permission, { regionCode: code });
    const region = await this.places.existing(code, 'regionCode');
    const [towns, villages] = await Promise.all([this.placesWithFullTime(code, 'town'), this.placesWithFullTime(code, 'village')]);
    const shortTowns = towns.filter((t) => t.fullTime < TOWN_FULL_TIME_REQUIRED);
    const shortVillages = villages.filter((v) => v.fullTime < VILLAGE_FULL_TIME_REQUIRED);
    const shortList = [
      ...shortTowns.map((t) => ({ ...t, level: 'town' as const, required: TOWN_FULL_TIME_REQUIRED })),
      ...shortVillages.map((v) => ({ ...v, level: 'village' as const, required: VILLAGE_FULL_TIME_REQUIRED })),
    ].slice(0, limit);
    const refs = await this.places.refs(shortList.map((g) => g.code));
    const gaps: StaffingGapDto[] = shortList.map((g) => ({ ...g, path: refs.get(g.code)?.path ?? g.name }));
    return {
      region: { code, name: region.name },
      towns: { total: towns.length, compliant: towns.length - shortTowns.length, short: shortTowns.length },
      villages: { total: villages.length, compliant: villages.length - shortVillages.length, short: shortVillages.length },
      gaps,
      totalShort: shortTowns.length + shortVillages.length,
    };
  }

  staffing(rc: RequestContext, regionCode: string | undefined): Promise<StaffingDto> {
    return this.computeStaffing(rc, regionCode, 'mediation.read', GAP_LIMIT);
  }

  /** The short list as .xlsx (permission-checked, audited: SECURITY.md 15). */
  async exportStaffingGaps(rc: RequestContext, regionCode: string | undefined): Promise<Buffer> {
    const dto = await this.computeStaffing(rc, regionCode, 'mediation.export', EXPORT_LIMIT);
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.mediation_staffing',
      objectType: 'region',
      objectRegion: dto.region.code,
      detail: { rows: dto.gaps.length },
    });
    return toXlsx(
      '调解员配备未达标',
      [
        { header: '区划代码', value: (g) => g.code },
        { header: '乡镇或村（社区）', width: 30, value: (g) => g.path },
        { header: '层级', value: (g) => (g.level === 'town' ? '乡镇（街道）' : '村（社区）') },
        { header: '已配专职调解员', value: (g) => g.fullTime },
        { header: '应配专职调解员', value: (g) => g.required },
        { header: '缺少', value: (g) => g.required - g.fullTime },
        { header: '已建调委会', value: (g) => (g.hasCommittee ? '是' : '否') },
      ],
      dto.gaps,
    );
  }
}
