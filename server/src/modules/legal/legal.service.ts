import type {
  AdvisorCategory,
  AdvisorCreate,
  AdvisorDetailDto,
  AdvisorDto,
  AdvisorListDto,
  AdvisorListQuery,
  AdvisorStatus,
  AdvisorUpdate,
} from '@rg/domain/legal/advisor.schema';
import type { AssignmentCreate, AssignmentDto, AssignmentListQuery } from '@rg/domain/legal/assignment.schema';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import { isWithin } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import { advisorPolicy, type AdvisorAction, type AdvisorSubject } from './advisor.policy.ts';
import { assignmentPolicy, type AssignmentSubject } from './assignment.policy.ts';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import type { LegalAdvisorTable } from './legal.tables.ts';
import { AppError, conflict, invalid, notFound } from '../../core/http/errors.ts';
import { findRegion, RegionsService } from '../regions/regions.facade.ts';
import * as repo from './legal.repository.ts';
import { legalFiles } from './legal.attachments.ts';
import type { AttachmentDto } from '@rg/domain/legal/service.schema';
import { findUserById, rolesOf } from '../access/access.facade.ts';
import { newId } from '../../core/db/ids.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { revealSealed } from '../../core/audit/reveal.ts';
import { storeAudited } from '../../core/files/store-audited.ts';
import { readAudited } from '../../core/files/read-audited.ts';

const ADVISOR_ABILITIES = ['update', 'reveal', 'assign'] as const;
const ASSIGNMENT_ABILITIES = ['handover', 'end'] as const;

const advisorSubject = (row: repo.AdvisorRow): AdvisorSubject => ({ regionCode: row.region_code, status: row.status });
const assignmentSubject = (row: repo.AssignmentRow): AssignmentSubject => ({ regionCode: row.village_code, ended: row.end_date !== null });

/** 法律顾问名册与驻村安排 (P1.4(2)): the justice bureau's roster and who serves which village. */
export class LegalService {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
  }

  private toDto(actor: Actor, row: repo.AdvisorRow, villages: { code: string; name: string }[]): AdvisorDto {
    return {
      id: row.id,
      regionCode: row.region_code,
      regionName: row.region_name,
      name: row.name,
      gender: row.gender === 'female' ? 'female' : 'male',
      phone: maskMobile(this.ctx.cipher.decrypt(row.phone_enc)),
      idNumber: maskIdCard(this.ctx.cipher.decrypt(row.id_number_enc)),
      category: row.category as AdvisorCategory,
      employerName: row.employer_name,
      employerUscc: row.employer_uscc,
      licenceNo: row.licence_no,
      contractStart: row.contract_start,
      contractEnd: row.contract_end,
      contractFeeFen: row.contract_fee_fen === null ? null : Number(row.contract_fee_fen),
      status: row.status as AdvisorStatus,
      userId: row.user_id,
      currentVillages: villages,
      version: row.version,
      abilities: abilitiesOf(advisorPolicy, actor, advisorSubject(row), ADVISOR_ABILITIES),
    };
  }

  /** A page of the roster, and whether the actor may add advisors in the listed region. */
  async listAdvisors(rc: RequestContext, query: AdvisorListQuery): Promise<AdvisorListDto> {
    const actor = authorize(rc.actor, 'legal.read');
    const scope = listScope(actor);
    const { rows, total } = await repo.listAdvisors(this.ctx.db, scope, query);
    const villages = await repo.currentVillagesOf(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => this.toDto(actor, r, villages.get(r.id) ?? [])),
      total,
      page: query.page,
      pageSize: query.pageSize,
      abilities: abilitiesOf(advisorPolicy, actor, { regionCode: scope, status: null }, ['create']),
    };
  }

  /** An advisor the actor may see and act on as `action` asks; one outside their region answers 404 like a missing one. */
  private async loadAdvisor(actor: Actor, id: string, action: AdvisorAction): Promise<repo.AdvisorRow> {
    const row = await loadInScope(actor, repo.findAdvisor(this.ctx.db, id), (r) => r.region_code, 'legal.read');
    enforce(advisorPolicy, actor, action, advisorSubject(row));
    return row;
  }

  async getAdvisor(rc: RequestContext, id: string): Promise<AdvisorDetailDto> {
    const actor = authorize(rc.actor, 'legal.read');
    const row = await this.loadAdvisor(actor, id, 'read');
    const villages = await repo.currentVillagesOf(this.ctx.db, [id]);
    const history = await repo.assignmentsOfAdvisor(this.ctx.db, id);
    const contractFiles = (await legalFiles.of(this.ctx.db, [id])).get(id) ?? [];
    return { ...this.toDto(actor, row, villages.get(id) ?? []), assignments: await this.assignmentDtos(actor, history), contractFiles };
  }

  /** 服务合同 (政府购买服务): the signed contract as a PDF or a photo, kept with the roster entry. */
  async attachContract(rc: RequestContext, id: string, file: { name: string; declaredType: string; data: Buffer }): Promise<AttachmentDto> {
    const actor = authorize(rc.actor, 'legal.manage');
    const row = await this.loadAdvisor(actor, id, 'update');
    return storeAudited(this.ctx, rc, actor, { ownerId: id, file, store: legalFiles.store }, (dto) => ({
      action: 'legal.advisor_contract',
      objectType: 'legal_advisor',
      objectId: id,
      objectRegion: row.region_code,
      detail: { file: dto.fileName, size: dto.size },
    }));
  }

  async contractFile(rc: RequestContext, id: string, fileId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const actor = authorize(rc.actor, 'legal.read');
    const row = await this.loadAdvisor(actor, id, 'read');
    return readAudited(this.ctx, rc, legalFiles, fileId, { type: 'legal_advisor', id, region: row.region_code });
  }

  private personalColumns(input: {
    phone?: string;
    idNumber?: string;
  }): Partial<Pick<LegalAdvisorTable, 'phone_enc' | 'phone_hash' | 'id_number_enc' | 'id_number_hash'>> {
    const { cipher } = this.ctx;
    return {
      ...(input.phone !== undefined ? { phone_enc: cipher.encrypt(input.phone), phone_hash: cipher.lookupHash(input.phone) } : {}),
      ...(input.idNumber !== undefined
        ? { id_number_enc: cipher.encrypt(input.idNumber), id_number_hash: cipher.lookupHash(input.idNumber) }
        : {}),
    };
  }

  async createAdvisor(rc: RequestContext, input: AdvisorCreate): Promise<AdvisorDto> {
    const actor = enforce(advisorPolicy, rc.actor, 'create', { regionCode: input.regionCode, status: null });
    if (!(await findRegion(this.ctx.db, input.regionCode))) throw invalid({ regionCode: 'region.notFound' });
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      // One person is registered once (by the keyed hash of the ID number, never the number itself).
      if (await repo.idNumberTaken(tx, this.ctx.cipher.lookupHash(input.idNumber))) throw invalid({ idNumber: 'legal.idNumber.taken' });
      return this.insertAdvisor(tx, rc, actor, input);
    });
    return this.getAdvisor(rc, id);
  }

  /** Inserts one checked advisor with its audit entry, inside the caller's transaction. */
  async insertAdvisor(tx: Tx, rc: RequestContext, actor: Actor, input: AdvisorCreate): Promise<string> {
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await repo.insertAdvisor(tx, {
      id,
      region_code: input.regionCode,
      name: input.name,
      gender: input.gender,
      phone_enc: '',
      phone_hash: '',
      id_number_enc: '',
      id_number_hash: '',
      ...this.personalColumns(input),
      category: input.category,
      employer_name: input.employerName ?? null,
      employer_uscc: input.employerUscc ?? null,
      licence_no: input.licenceNo ?? null,
      contract_start: input.contractStart ?? null,
      contract_end: input.contractEnd ?? null,
      contract_fee_fen: input.contractFeeFen ?? null,
      status: 'active',
      user_id: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await this.ctx.audit.append(tx, rc, {
      action: 'legal.advisor_create',
      objectType: 'legal_advisor',
      objectId: id,
      objectRegion: input.regionCode,
      detail: { after: input, by: actor.username },
    });
    return id;
  }

  async updateAdvisor(rc: RequestContext, id: string, input: AdvisorUpdate): Promise<AdvisorDto> {
    const actor = authorize(rc.actor, 'legal.manage');
    const row = await this.loadAdvisor(actor, id, 'update');
    const start = input.contractStart !== undefined ? input.contractStart : row.contract_start;
    const end = input.contractEnd !== undefined ? input.contractEnd : row.contract_end;
    if (start && end && start > end) throw invalid({ contractEnd: 'legal.contract.period' });
    const changes: Partial<LegalAdvisorTable> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.employerName !== undefined ? { employer_name: input.employerName } : {}),
      ...(input.employerUscc !== undefined ? { employer_uscc: input.employerUscc } : {}),
      ...(input.licenceNo !== undefined ? { licence_no: input.licenceNo } : {}),
      ...(input.contractStart !== undefined ? { contract_start: input.contractStart } : {}),
      ...(input.contractEnd !== undefined ? { contract_end: input.contractEnd } : {}),
      ...(input.contractFeeFen !== undefined ? { contract_fee_fen: input.contractFeeFen } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.userId !== undefined ? { user_id: await this.checkedAccount(input.userId, row.region_code) } : {}),
      ...this.personalColumns({ phone: input.phone, idNumber: input.idNumber }),
    };
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      if (changes.id_number_hash && (await repo.idNumberTaken(tx, changes.id_number_hash, id)))
        throw invalid({ idNumber: 'legal.idNumber.taken' });
      if (!(await repo.updateAdvisorVersioned(tx, id, input.version, changes, now))) throw conflict();
      const { version: _version, ...after } = input;
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.advisor_update',
        objectType: 'legal_advisor',
        objectId: id,
        objectRegion: row.region_code,
        detail: { before: { name: row.name, category: row.category, status: row.status }, after },
      });
    });
    return this.getAdvisor(rc, id);
  }

  /**
   * 关联账号: the advisor's own login, so they record services on their phone. It must be an
   * account with the role 村法律顾问 inside the advisor's roster region; one account per advisor.
   */
  private async checkedAccount(userId: string | null, regionCode: string): Promise<string | null> {
    if (userId === null) return null;
    const user = await findUserById(this.ctx.db, userId);
    if (!user || !isWithin(user.region_code, regionCode)) throw invalid({ userId: 'legal.advisor.account.outsideRegion' });
    const roles = (await rolesOf(this.ctx.db, [userId])).get(userId) ?? [];
    if (!roles.includes('legal_advisor')) throw invalid({ userId: 'legal.advisor.account.notAdvisor' });
    if (await repo.accountLinked(this.ctx.db, userId)) throw invalid({ userId: 'legal.advisor.account.taken' });
    return userId;
  }

  /** The full phone or ID number, for holders of the reveal permission; audited (SECURITY.md 13). */
  async reveal(rc: RequestContext, id: string, field: 'phone' | 'idNumber'): Promise<{ value: string }> {
    const actor = authorize(rc.actor, 'personal.reveal');
    const row = await this.loadAdvisor(actor, id, 'reveal');
    const value = await revealSealed(this.ctx, rc, {
      action: 'legal.reveal',
      objectType: 'legal_advisor',
      objectId: id,
      regionCode: row.region_code,
      sealed: field === 'phone' ? row.phone_enc : row.id_number_enc,
      detail: { field },
    });
    return { value };
  }

  async assignmentDtos(actor: Actor, rows: repo.AssignmentRow[]): Promise<AssignmentDto[]> {
    const paths = await this.regions.pathsOf(rows.map((r) => r.village_code));
    return rows.map((r) => ({
      id: r.id,
      advisorId: r.advisor_id,
      advisorName: r.advisor_name,
      villageCode: r.village_code,
      villageName: r.village_name,
      villagePath: paths.get(r.village_code) ?? r.village_name,
      startDate: r.start_date,
      endDate: r.end_date,
      endReason: r.end_reason,
      current: r.end_date === null,
      abilities: abilitiesOf(assignmentPolicy, actor, assignmentSubject(r), ASSIGNMENT_ABILITIES),
    }));
  }

  async listAssignments(rc: RequestContext, query: AssignmentListQuery): Promise<{ items: AssignmentDto[]; total: number }> {
    const actor = authorize(rc.actor, 'legal.read');
    if (query.regionCode) authorize(actor, 'legal.read', { regionCode: query.regionCode });
    const { rows, total } = await repo.listAssignments(this.ctx.db, listScope(actor), query);
    return { items: await this.assignmentDtos(actor, rows), total };
  }

  /**
   * Checks that `advisorId` may serve `villageCode`: both visible to the actor, the place a village or
   * community inside the advisor's roster region, the advisor on duty.
   */
  private async checkServes(actor: Actor, advisorId: string, villageCode: string): Promise<void> {
    enforce(assignmentPolicy, actor, 'create', { regionCode: villageCode, ended: false });
    const advisor = await this.loadAdvisor(actor, advisorId, 'update');
    // The advisor is a choice in the form: the policy's refusal (off duty) is that field's error.
    if (!advisorPolicy(actor, 'assign', advisorSubject(advisor)).ok) throw invalid({ advisorId: 'legal.advisor.notActive' });
    const village = await findRegion(this.ctx.db, villageCode);
    if (!village) throw notFound('region.notFound');
    if (village.level !== 'village') throw invalid({ villageCode: 'legal.village.notVillage' });
    if (!isWithin(villageCode, advisor.region_code)) throw invalid({ villageCode: 'legal.advisor.outsideRegion' });
  }

  private async insertAssignment(rc: RequestContext, advisorId: string, villageCode: string, startDate: string, tx: Tx): Promise<string> {
    const id = newId();
    await repo.insertAssignment(tx, {
      id,
      advisor_id: advisorId,
      village_code: villageCode,
      start_date: startDate,
      end_date: null,
      end_reason: null,
      created_at: this.ctx.clock.now().toISOString(),
    });
    // Questions still waiting in the village go to the advisor who serves it now.
    await repo.routeOpenQuestions(tx, villageCode, advisorId);
    await this.ctx.audit.append(tx, rc, {
      action: 'legal.assign',
      objectType: 'legal_assignment',
      objectId: id,
      objectRegion: villageCode,
      detail: { advisorId, startDate },
    });
    return id;
  }

  private async assignmentDto(actor: Actor, id: string): Promise<AssignmentDto> {
    const row = await repo.findAssignment(this.ctx.db, id);
    if (!row) throw notFound();
    const [dto] = await this.assignmentDtos(actor, [row]);
    if (!dto) throw notFound();
    return dto;
  }

  /** A village has at most one current advisor: a second one is refused with 409 (use 交接). */
  async assign(rc: RequestContext, input: AssignmentCreate): Promise<AssignmentDto> {
    const actor = enforce(assignmentPolicy, rc.actor, 'create', { regionCode: input.villageCode, ended: false });
    await this.checkServes(actor, input.advisorId, input.villageCode);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      if (await repo.currentAssignmentOf(tx, input.villageCode)) throw new AppError('conflict', 'legal.assignment.villageTaken');
      return this.insertAssignment(rc, input.advisorId, input.villageCode, input.startDate, tx);
    });
    return this.assignmentDto(actor, id);
  }

  /** A current assignment the actor may hand over or end (the policy's 404 / 403 / 409). */
  private async loadCurrent(actor: Actor, id: string, action: 'handover' | 'end'): Promise<repo.AssignmentRow> {
    const row = await loadInScope(actor, repo.findAssignment(this.ctx.db, id), (r) => r.village_code, 'legal.manage');
    enforce(assignmentPolicy, actor, action, assignmentSubject(row));
    return row;
  }

  /** 交接: the old assignment ends the day the new advisor starts; both stay in the history. */
  async handover(rc: RequestContext, id: string, advisorId: string, date: string): Promise<AssignmentDto> {
    const actor = authorize(rc.actor, 'legal.manage');
    const current = await this.loadCurrent(actor, id, 'handover');
    if (current.advisor_id === advisorId) throw invalid({ advisorId: 'legal.assignment.sameAdvisor' });
    if (date < current.start_date) throw invalid({ date: 'legal.assignment.dateBeforeStart' });
    await this.checkServes(actor, advisorId, current.village_code);
    const newId = await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.endAssignment(tx, id, date, '交接'))) throw new AppError('conflict', 'legal.assignment.ended');
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.assignment_end',
        objectType: 'legal_assignment',
        objectId: id,
        objectRegion: current.village_code,
        detail: { date, reason: '交接' },
      });
      return this.insertAssignment(rc, advisorId, current.village_code, date, tx);
    });
    return this.assignmentDto(actor, newId);
  }

  async endAssignment(rc: RequestContext, id: string, date: string, reason: string | undefined): Promise<AssignmentDto> {
    const actor = authorize(rc.actor, 'legal.manage');
    const current = await this.loadCurrent(actor, id, 'end');
    if (date < current.start_date) throw invalid({ date: 'legal.assignment.dateBeforeStart' });
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.endAssignment(tx, id, date, reason ?? null))) throw new AppError('conflict', 'legal.assignment.ended');
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.assignment_end',
        objectType: 'legal_assignment',
        objectId: id,
        objectRegion: current.village_code,
        detail: { date, reason },
      });
    });
    return this.assignmentDto(actor, id);
  }
}
