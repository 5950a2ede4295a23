import type {
  AttachmentDto,
  ConsultationAnswer,
  ConsultationCreate,
  ConsultationDto,
  ConsultationListQuery,
} from '@rg/domain/legal/service.schema';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, can, listScope } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import { consultationPolicy, type ConsultationSubject } from './consultation.policy.ts';
import type { LegalConsultationTable } from './legal.tables.ts';
import type { AppContext } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import { findRegion, RegionsService } from '../regions/regions.facade.ts';
import { legalFiles } from './legal.attachments.ts';
import { LegalLedger } from './legal.ledger.ts';
import * as repo from './legal.repository.ts';
import { newId } from '../../core/db/ids.ts';

/** Time an advisor is taken to spend on an online answer when they do not say (minutes). */
const DEFAULT_ANSWER_MINUTES = 15;

function consultations(db: DbOrTx) {
  return db
    .selectFrom('legal_consultations as c')
    .innerJoin('users as u', 'u.id', 'c.asked_by')
    .leftJoin('legal_advisors as a', 'a.id', 'c.advisor_id')
    .selectAll('c')
    .select(['u.display_name as asker_name', 'a.name as advisor_name']);
}
type ConsultationRow = Awaited<ReturnType<ReturnType<typeof consultations>['executeTakeFirstOrThrow']>>;

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
      await tx
        .insertInto('legal_consultations')
        .values({
          id,
          village_code: village.code,
          asked_by: actor.userId,
          question: input.question,
          asked_at: this.ctx.clock.now().toISOString(),
          answer: null,
          answered_at: null,
          advisor_id: current?.advisor_id ?? null,
          service_id: null,
        })
        .execute();
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

  private async one(actor: Actor, id: string): Promise<ConsultationDto> {
    const row = await consultations(this.ctx.db).where('c.id', '=', id).executeTakeFirstOrThrow();
    const own = await this.ledger.advisorOf(actor);
    const [dto] = await this.toDtos(actor, [row], own?.id ?? null);
    return dto as ConsultationDto;
  }

  /** 一张照片: the villager adds a picture to their own question (JPG or PNG). */
  async addPicture(rc: RequestContext, id: string, file: { name: string; declaredType: string; data: Buffer }): Promise<AttachmentDto> {
    const actor = authorize(rc.actor, 'legal.ask');
    const row = await this.ctx.db.selectFrom('legal_consultations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    enforce(consultationPolicy(null), actor, 'addPicture', subjectOf(row));
    return this.ctx.db.transaction().execute(async (tx) => {
      const dto = await legalFiles.store(tx, {
        ownerId: id,
        fileName: file.name,
        declaredType: file.declaredType,
        data: file.data,
        userId: actor.userId,
        now: this.ctx.clock.now().toISOString(),
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'legal.consultation_picture',
        objectType: 'legal_consultation',
        objectId: id,
        objectRegion: row.village_code,
        detail: { size: dto.size },
      });
      return dto;
    });
  }

  /** The villager's own questions with their answers. */
  async mine(rc: RequestContext): Promise<{ items: ConsultationDto[] }> {
    const actor = authorize(rc.actor, 'legal.ask');
    const rows = await consultations(this.ctx.db).where('c.asked_by', '=', actor.userId).orderBy('c.asked_at', 'desc').limit(50).execute();
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
    let base = consultations(this.ctx.db).where((eb) =>
      withinScope(eb, 'c.village_code', query.regionCode ?? (official ? listScope(actor) : actor.homeRegion)),
    );
    if (!official) base = base.where('c.advisor_id', '=', own?.id ?? '');
    if (query.status === 'open') base = base.where('c.answered_at', 'is', null);
    if (query.status === 'answered') base = base.where('c.answered_at', 'is not', null);
    if (query.status === 'overdue') base = base.where('c.answered_at', 'is', null).where('c.asked_at', '<', this.overdueBefore());
    const rows = await base
      .orderBy('c.asked_at', 'desc')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .execute();
    const count = await base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      items: await this.toDtos(actor, rows, own?.id ?? null),
      total: Number(count.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The advisor answers: the answer reaches the villager and the service enters the ledger (网络). */
  async answer(rc: RequestContext, id: string, input: ConsultationAnswer): Promise<ConsultationDto> {
    const actor = authorize(rc.actor, 'legal.record');
    const own = await this.ledger.advisorOf(actor);
    const row = await consultations(this.ctx.db).where('c.id', '=', id).executeTakeFirst();
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
      const updated = await tx
        .updateTable('legal_consultations')
        .set({ answer: input.answer, answered_at: now, service_id: serviceId })
        .where('id', '=', id)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw conflict('legal.consultation.answered');
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
  async openFor(advisorId: string): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('legal_consultations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('advisor_id', '=', advisorId)
      .where('answered_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async overdueIn(scope: string): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('legal_consultations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => withinScope(eb, 'village_code', scope))
      .where('answered_at', 'is', null)
      .where('asked_at', '<', this.overdueBefore())
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A picture of a question, for the villager who asked, the advisor, and the justice office. */
  async readPicture(
    rc: RequestContext,
    id: string,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const actor = rc.actor;
    if (!actor) throw notFound();
    const row = await this.ctx.db
      .selectFrom('legal_consultations')
      .select(['asked_by', 'advisor_id', 'village_code', 'answered_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    const own = await this.ledger.advisorOf(actor);
    enforce(consultationPolicy(own?.id ?? null), actor, 'see', subjectOf(row));
    const file = await legalFiles.find(this.ctx.db, attachmentId);
    if (!file || file.owner_id !== id) throw notFound();
    return { fileName: file.file_name, contentType: file.content_type, data: Buffer.from(file.data) };
  }
}
