import type {
  CommitteeLevel,
  Employment,
  MediatorCreate,
  MediatorDetailDto,
  MediatorDto,
  MediatorListDto,
  MediatorListQuery,
  MediatorUpdate,
  RevealField,
  TrainingCreate,
} from '@rg/domain/mediation/committee.schema';
import type { PlaceRef } from '@rg/domain/mediation/common.schema';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import { revealSealed } from '../../core/audit/reveal.ts';
import type { AppContext } from '../../core/context.ts';
import { newId } from '../../core/db/ids.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import { mediatorPolicy, type MediatorAccess } from './mediator.policy.ts';
import * as repo from './mediation.committees.repository.ts';
import { Places } from './mediation.places.ts';
import type { MediationMediatorTable } from './mediation.tables.ts';

/** 人民调解员 and their training (P3.3(三)1); phones and ID numbers sealed, masked in every answer. */
export class MediatorsService {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  private mediatorDto(actor: Actor, row: repo.MediatorRow, refs: Map<string, PlaceRef>): MediatorDto {
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
      status: row.status,
      trainingHours: Number(row.hours_tenths ?? 0) / 10,
      version: row.version,
      abilities: abilitiesOf(mediatorPolicy, actor, { regionCode: row.region_code }, ['update', 'reveal']),
    };
  }

  async listMediators(rc: RequestContext, query: MediatorListQuery): Promise<MediatorListDto> {
    const actor = signedIn(rc.actor);
    const listed = { regionCode: query.regionCode ?? listScope(actor) };
    enforce(mediatorPolicy, actor, 'read', listed);
    // Those who may take a place's cases must be in the actor's region too (a county's mediators serve its towns).
    if (query.assignableTo) enforce(mediatorPolicy, actor, 'read', { regionCode: query.assignableTo });
    const { rows, total } = await repo.listMediators(this.ctx.db, listed.regionCode, query);
    const refs = await this.places.refs(rows.map((r) => r.region_code));
    return {
      items: rows.map((r) => this.mediatorDto(actor, r, refs)),
      total,
      page: query.page,
      pageSize: query.pageSize,
      abilities: abilitiesOf(mediatorPolicy, actor, listed, ['create']),
    };
  }

  /** A mediator the actor may `access` (mediatorPolicy); outside their region 404 like a missing one. */
  private async loadMediator(actor: Actor, id: string, access: MediatorAccess): Promise<repo.MediatorRow> {
    const row = await loadInScope(actor, repo.findMediator(this.ctx.db, id), (r) => r.region_code, 'mediation.read');
    enforce(mediatorPolicy, actor, access, { regionCode: row.region_code });
    return row;
  }

  async getMediator(rc: RequestContext, id: string): Promise<MediatorDetailDto> {
    const actor = signedIn(rc.actor);
    const row = await this.loadMediator(actor, id, 'read');
    const trainings = await repo.trainingsOf(this.ctx.db, id);
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
    return hash ? repo.idNumberTaken(this.ctx.db, hash, exceptId) : false;
  }

  async createMediator(rc: RequestContext, input: MediatorCreate): Promise<MediatorDetailDto> {
    const actor = signedIn(rc.actor);
    const committee = await repo.findCommittee(this.ctx.db, input.committeeId);
    // A committee the actor may not appoint to is a wrong choice in the form (400 naming the field).
    if (!committee || !mediatorPolicy(actor, 'create', { regionCode: committee.region_code }).ok)
      throw invalid({ committeeId: 'mediation.committee.required' });
    if (committee.status !== 'active') throw invalid({ committeeId: 'mediation.committee.dissolved' });
    const personal = this.personal(input);
    if (await this.idTaken(personal.id_number_hash)) throw invalid({ idNumber: 'mediation.mediator.idTaken' });
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertMediator(tx, {
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
      });
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

  async updateMediator(rc: RequestContext, id: string, input: MediatorUpdate): Promise<MediatorDetailDto> {
    const row = await this.loadMediator(signedIn(rc.actor), id, 'update');
    const personal = this.personal(input);
    if (await this.idTaken(personal.id_number_hash, id)) throw invalid({ idNumber: 'mediation.mediator.idTaken' });
    const changes: Partial<MediationMediatorTable> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.employment !== undefined ? { employment: input.employment } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...personal,
    };
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.updateMediator(tx, id, input.version, changes, this.ctx.clock.now().toISOString()))) throw conflict();
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

  async addTraining(rc: RequestContext, id: string, input: TrainingCreate): Promise<MediatorDetailDto> {
    const row = await this.loadMediator(signedIn(rc.actor), id, 'train');
    const trainingId = newId();
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertTraining(tx, {
        id: trainingId,
        mediator_id: id,
        trained_on: input.trainedOn,
        title: input.title,
        hours_tenths: Math.round(input.hours * 10),
        organiser: input.organiser ?? null,
        created_at: this.ctx.clock.now().toISOString(),
      });
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
    const row = await this.loadMediator(signedIn(rc.actor), id, 'reveal');
    const sealed = field === 'phone' ? row.phone_enc : row.id_number_enc;
    if (!sealed) throw notFound();
    const value = await revealSealed(this.ctx, rc, {
      action: 'mediation.reveal',
      objectType: 'mediation_mediator',
      objectId: id,
      regionCode: row.region_code,
      sealed,
      detail: { field },
    });
    return { value };
  }
}
