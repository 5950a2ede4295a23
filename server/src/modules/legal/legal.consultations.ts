import type {
  AttachmentDto,
  ConsultationAnswer,
  ConsultationCreate,
  ConsultationDto,
  ConsultationListQuery,
} from '@rg/domain/legal/service.schema';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, can, listScope, signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import { consultationPolicy, type ConsultationSubject } from './consultation.policy.ts';
import type { LegalConsultationTable } from './legal.tables.ts';
import type { AppContext } from '../../core/context.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import { findRegion, RegionsService } from '../regions/regions.facade.ts';
import { legalFiles } from './legal.attachments.ts';
import { LegalLedger } from './legal.ledger.ts';
import * as repo from './legal.repository.ts';
import * as consultationsRepo from './legal.consultations.repository.ts';
import type { ConsultationRow } from './legal.consultations.repository.ts';
import { newId } from '../../core/db/ids.ts';
import { storeAudited } from '../../core/files/store-audited.ts';
import { readAudited } from '../../core/files/read-audited.ts';

/** Time an advisor is taken to spend on an online answer when they do not say (minutes). */
const DEFAULT_ANSWER_MINUTES = 15;

function subjectOf(row: Pick<LegalConsultationTable, 'village_code' | 'advisor_id' | 'asked_by' | 'answered_at'>): ConsultationSubject {
  return { regionCode: row.village_code, advisorId: row.advisor_id, askedBy: row.asked_by, answered: row.answered_at !== null };
}

/**
 * 网络窗口 (P1.4(1)): a villager asks on the phone page, the question waits in the village's current
 * advisor's todo list, and the answer goes back to the villager and into the ledger (window 网络).
 * A question unanswered after `legalAnswerHours` is flagged to the town's justice office.
 */
export class LegalConsultations {
  private readonly regions: RegionsService;
  private readonly ledger: LegalLedger;

  constructor(private readonly ctx: AppContext) {
    this.regions = new RegionsService(ctx);
    this.ledger = new LegalLedger(ctx);
  }

  private overdueBefore(): string {
    return new Date(this.ctx.clock.now().getTime() - this.ctx.config.legalAnswerHours * 3600_000).toISOString();
  }

  private async toDtos(actor: Actor, rows: ConsultationRow[], ownAdvisorId: string | null): Promise<ConsultationDto[]> {
    const policy = consultationPolicy(ownAdvisorId);
    const paths = await this.regions.pathsOf(rows.map((r) => r.village_code));
    const pictures = await legalFiles.of(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    const limit = this.overdueBefore();
    return rows.map((r) => ({
      id: r.id,
      villageCode: r.village_code,
      villagePath: paths.get(r.village_code) ?? r.village_code,
      askerName: r.asker_name,
      question: r.question,
      askedAt: r.asked_at,
      answer: r.answer,
      answeredAt: r.answered_at,
      responseMinutes: r.answered_at ? Math.round((Date.parse(r.answered_at) - Date.parse(r.asked_at)) / 60_000) : null,
      overdue: r.answered_at === null && r.asked_at < limit,
      advisorName: r.advisor_name,
      pictures: pictures.get(r.id) ?? [],
      abilities: { answer: policy(actor, 'answer', subjectOf(r)).ok },
    }));
  }

  /** A villager asks about their own village; it goes to the village's current advisor, if any. */
  async ask(rc: RequestContext, input: ConsultationCreate): Promise<ConsultationDto> {
    const actor = authorize(rc.actor, 'legal.ask');
    const village = await findRegion(this.ctx.db, actor.homeRegion);
    if (!village || village.level !== 'village') throw invalid({ question: 'legal.village.notVillage' });
    const current = await repo.currentAssignmentOf(this.ctx.db, village.code);
    const id = newId();
    await this.ctx.db.transaction().execute(async (tx) => {
      await consultationsRepo.insertConsultation(tx, {
        id,
        village_code: village.code,
        asked_by: actor.userId,
        question: input.question,
        asked_at: this.ctx.clock.now().toISOString(),
        answer: null,
        answered_at: null,
        advisor_id: current?.advisor_id ?? null,
        service_id: null,
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.consultation_ask',
        objectType: 'legal_consultation',
        objectId: id,
        objectRegion: village.code,
        detail: { advisorId: current?.advisor_id ?? null },
      });
    });
    return this.one(actor, id);
  }

  /** A question as `ask` or `answer` answered it, for an idempotent retry after a crash (issue 15 finding 1). */
  async again(rc: RequestContext, id: string): Promise<ConsultationDto> {
    const actor = signedIn(rc.actor);
    const row = await consultationsRepo.findConsultationRow(this.ctx.db, id);
    if (!row) throw notFound();
    // The asker sees their question; anyone else needs the advisor's or the office's permission.
    if (row.asked_by !== actor.userId) authorize(actor, 'legal.record');
    return this.one(actor, id);
  }

  private async one(actor: Actor, id: string): Promise<ConsultationDto> {
    const row = await consultationsRepo.findConsultation(this.ctx.db, id);
    if (!row) throw notFound();
    const own = await this.ledger.advisorOf(actor);
    const [dto] = await this.toDtos(actor, [row], own?.id ?? null);
    return dto as ConsultationDto;
  }

  /** 一张照片: the villager adds a picture to their own question (JPG or PNG). */
  async addPicture(rc: RequestContext, id: string, file: { name: string; declaredType: string; data: Buffer }): Promise<AttachmentDto> {
    const actor = authorize(rc.actor, 'legal.ask');
    const row = await consultationsRepo.findConsultationRow(this.ctx.db, id);
    if (!row) throw notFound();
    enforce(consultationPolicy(null), actor, 'addPicture', subjectOf(row));
    return storeAudited(this.ctx, rc, actor, { ownerId: id, file, store: legalFiles.store }, (dto) => ({
      action: 'legal.consultation_picture',
      objectType: 'legal_consultation',
      objectId: id,
      objectRegion: row.village_code,
      detail: { size: dto.size },
    }));
  }

  /** The villager's own questions with their answers. */
  async mine(rc: RequestContext): Promise<{ items: ConsultationDto[] }> {
    const actor = authorize(rc.actor, 'legal.ask');
    const rows = await consultationsRepo.consultationsAskedBy(this.ctx.db, actor.userId, 50);
    return { items: await this.toDtos(actor, rows, null) };
  }

  /** The advisor's questions (their villages), or the justice office's for its region. */
  async list(
    rc: RequestContext,
    query: ConsultationListQuery,
  ): Promise<{ items: ConsultationDto[]; total: number; page: number; pageSize: number }> {
    const actor = authorize(rc.actor, 'legal.record');
    const own = await this.ledger.advisorOf(actor);
    const official = can(actor, 'legal.read');
    if (query.regionCode) authorize(actor, 'legal.record', { regionCode: query.regionCode });
    const { rows, total } = await consultationsRepo.listConsultations(
      this.ctx.db,
      {
        scope: query.regionCode ?? (official ? listScope(actor) : actor.homeRegion),
        // Someone who is neither the office nor on the roster lists nobody's questions.
        advisorId: official ? null : (own?.id ?? ''),
        status: query.status,
        overdueBefore: this.overdueBefore(),
      },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    );
    return {
      items: await this.toDtos(actor, rows, own?.id ?? null),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The advisor answers: the answer reaches the villager and the service enters the ledger (网络). */
  async answer(rc: RequestContext, id: string, input: ConsultationAnswer): Promise<ConsultationDto> {
    const actor = authorize(rc.actor, 'legal.record');
    const own = await this.ledger.advisorOf(actor);
    const row = await consultationsRepo.findConsultation(this.ctx.db, id);
    if (!row || !own) throw notFound();
    enforce(consultationPolicy(own.id), actor, 'answer', subjectOf(row));
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const { id: serviceId } = await this.ledger.insert(tx, rc, actor, {
        villageCode: row.village_code,
        advisorId: own.id,
        window: 'online',
        servedAt: now,
        serviceType: 'consultation',
        subjectKind: 'person',
        subjectName: row.asker_name,
        content: row.question,
        result: input.answer,
        durationMinutes: input.durationMinutes ?? DEFAULT_ANSWER_MINUTES,
      });
      if (!(await consultationsRepo.markAnswered(tx, id, { answer: input.answer, answeredAt: now, serviceId })))
        throw conflict('legal.consultation.answered');
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.consultation_answer',
        objectType: 'legal_consultation',
        objectId: id,
        objectRegion: row.village_code,
        detail: { serviceId },
      });
    });
    return this.one(actor, id);
  }

  /** Counts for the todo list: open questions of an advisor, overdue ones of a region. */
  openFor(advisorId: string): Promise<number> {
    return consultationsRepo.countOpenFor(this.ctx.db, advisorId);
  }

  overdueIn(scope: string): Promise<number> {
    return consultationsRepo.countOverdueIn(this.ctx.db, scope, this.overdueBefore());
  }

  /** A picture of a question, for the villager who asked, the advisor, and the justice office. */
  async readPicture(
    rc: RequestContext,
    id: string,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const actor = rc.actor;
    if (!actor) throw notFound();
    const row = await consultationsRepo.findConsultationRow(this.ctx.db, id);
    if (!row) throw notFound();
    const own = await this.ledger.advisorOf(actor);
    enforce(consultationPolicy(own?.id ?? null), actor, 'see', subjectOf(row));
    return readAudited(this.ctx, rc, legalFiles, attachmentId, { type: 'legal_consultation', id, region: row.village_code });
  }
}
