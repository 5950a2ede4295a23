import { chinaDate } from '@rg/domain/time/china-time';
import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  agreeSchema,
  CaseCreate,
  CaseDto,
  CaseListItemDto,
  CaseListQuery,
  CaseSource,
  CaseType,
  closeSchema,
  confirmSchema,
  failSchema,
  FailureRoute,
  followUpSchema,
  MyApplicationDto,
  OnlineApplication,
  PartyDto,
  PartyKind,
  PartyRole,
  performanceSchema,
  Referrer,
  reopenSchema,
  RiskLevel,
  RiskReason,
  sessionSchema,
  startSchema,
  visitSchema,
} from '@rg/domain/mediation/case.schema';
import {
  actionsFrom,
  addDays,
  canRecord,
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  checkTransition,
  daysBetween,
  dueDate,
  isOverdue,
  RECORDINGS,
  type CaseFacts,
  type CaseStatus,
  type Outcome,
  type Performance,
  type Recording,
} from '@rg/domain/mediation/case-workflow';
import type { Page } from '@rg/domain/mediation/common.schema';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import { isWithin, levelOf, parentOf } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { insertRow, insertRows, preparedStatement } from '../../core/db/prepared.ts';
import type { Tx } from '../../core/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../core/http/errors.ts';
import { agreementDocx } from './mediation.agreement-docx.ts';
import { caseFiles } from './mediation.attachments.ts';
import * as repo from './mediation.cases.repository.ts';
import { json, Places } from './mediation.places.ts';
import { PARTY_EDIT_STATUSES, partyRows } from './mediation.parties.ts';
import { effectiveSettings } from './mediation.settings.ts';
import { addToStats, type StatCounter } from './mediation.stats-store.ts';
import type { MediationCaseTable, MediationPartyTable } from './mediation.tables.ts';
import { newId } from '../../core/db/ids.ts';

type Body<S extends z.ZodType> = z.infer<S>;
export type TransitionBody =
  | { action: 'start'; body: Body<typeof startSchema> }
  | { action: 'agree'; body: Body<typeof agreeSchema> }
  | { action: 'fail'; body: Body<typeof failSchema> }
  | { action: 'follow_up'; body: Body<typeof followUpSchema> }
  | { action: 'close'; body: Body<typeof closeSchema> };
export type RecordBody =
  | { recording: 'session'; body: Body<typeof sessionSchema> }
  | { recording: 'confirm'; body: Body<typeof confirmSchema> }
  | { recording: 'performance'; body: Body<typeof performanceSchema> }
  | { recording: 'visit'; body: Body<typeof visitSchema> }
  | { recording: 'reopen'; body: Body<typeof reopenSchema> };

const PERFORMANCE_COUNTER: Record<Performance, StatCounter> = { performed: 'performed', partly: 'partly', not: 'not_performed' };

/** Today in China (UTC+8): the business date of every step. */
export function chinaToday(now: Date): string {
  return chinaDate(now);
}

/**
 * 人民调解案件 (P1.4(4), P3.3(三)1): intake, the workflow with its evidence, the agreement document,
 * follow-up and reopening. Every write is one transaction with its audit entry, its statistics delta
 * and its domain event.
 */

/** Intake's first read: the place and its own active committee (prepared). */
const placeWithCommittee = preparedStatement<[code: string, active: string, town: string, village: string, one: number]>((db, p) =>
  db
    .selectFrom('regions as r')
    .select((eb) => [
      'r.name',
      'r.level',
      eb
        .selectFrom('mediation_committees as c')
        .select('c.id')
        .whereRef('c.region_code', '=', 'r.code')
        .where('c.status', '=', p(1))
        .where('c.level', 'in', [p(2), p(3)])
        .limit(p(4))
        .as('committee_id'),
    ])
    .where('r.code', '=', p(0)),
);
export class CasesService {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  private today(): string {
    return chinaToday(this.ctx.clock.now());
  }

  // ---------- intake ----------
  async register(rc: RequestContext, input: CaseCreate): Promise<{ id: string; caseNo: string }> {
    const actor = authorize(rc.actor, 'mediation.handle', { regionCode: input.regionCode });
    if (input.registeredOn > this.today()) throw invalid({ registeredOn: 'mediation.date.future' });
    return this.ctx.db.transaction().execute(async (tx) => {
      // Read inside the write transaction: on SQLite the writer's page cache is warm, while the
      // read-only connection's is dropped by every commit (decision 64).
      const [place] = await placeWithCommittee<{ name: string; level: string; committee_id: string | null }>(tx, [
        input.regionCode,
        'active',
        'town',
        'village',
        1,
      ]);
      if (!place) throw invalid({ regionCode: 'region.notFound' });
      if (place.level !== 'town' && place.level !== 'village') throw invalid({ regionCode: 'mediation.region.notPlace' });
      let committeeId = input.committeeId ?? null;
      if (committeeId) {
        const committee = await tx
          .selectFrom('mediation_committees')
          .select(['region_code', 'status'])
          .where('id', '=', committeeId)
          .executeTakeFirst();
        if (
          !committee ||
          !isWithin(input.regionCode, committee.region_code) ||
          !can(actor, 'mediation.read', { regionCode: committee.region_code })
        )
          throw invalid({ committeeId: 'mediation.committee.required' });
        if (committee.status !== 'active') throw invalid({ committeeId: 'mediation.committee.dissolved' });
      } else {
        // The place's own committee takes the case unless another is named.
        committeeId = place.committee_id ?? null;
      }
      if (input.screeningId) {
        const screening = await tx
          .selectFrom('mediation_screenings')
          .select('village_code')
          .where('id', '=', input.screeningId)
          .executeTakeFirst();
        // The reporting village must lie in the case's town (a town committee may take a village's dispute).
        if (!screening || !isWithin(screening.village_code, input.regionCode.slice(0, 9)))
          throw invalid({ screeningId: 'mediation.screening.notFound' });
      }
      const settings = await effectiveSettings(tx, input.regionCode);
      return this.insertCase(tx, rc, actor, {
        input,
        placeName: place.name,
        committeeId,
        online: false,
        reopenedFrom: null,
        partyRows: null,
        settings,
      });
    });
  }

  /** A villager's own request from the phone: registered at their village, the villager as applicant. */
  async applyOnline(rc: RequestContext, input: OnlineApplication): Promise<MyApplicationDto> {
    const actor = authorize(rc.actor, 'mediation.apply');
    // A villager registered in a 村民小组 applies to their village's committee.
    const home = levelOf(actor.homeRegion) === 'group' ? (parentOf(actor.homeRegion) ?? actor.homeRegion) : actor.homeRegion;
    const place = await this.places.existing(home, 'regionCode', ['village']);
    const own = await this.ctx.db
      .selectFrom('mediation_committees')
      .select('id')
      .where('region_code', '=', place.code)
      .where('status', '=', 'active')
      .executeTakeFirst();
    const caseInput: CaseCreate = {
      regionCode: place.code,
      committeeId: own?.id ?? null,
      source: 'application',
      caseType: input.caseType,
      description: input.description,
      peopleCount: input.peopleCount,
      riskLevel: 'low',
      riskReasons: [],
      criminalRisk: false,
      registeredOn: this.today(),
      parties: [
        { kind: 'person', role: 'applicant', name: actor.displayName, phone: input.phone },
        { kind: 'person', role: 'respondent', name: input.respondentName, address: input.respondentAddress ?? null },
      ],
    };
    const settings = await effectiveSettings(this.ctx.db, place.code);
    const { id } = await this.ctx.db.transaction().execute((tx) =>
      this.insertCase(tx, rc, actor, {
        input: caseInput,
        placeName: place.name,
        committeeId: own?.id ?? null,
        online: true,
        reopenedFrom: null,
        partyRows: null,
        settings,
      }),
    );
    const row = await repo.findCase(this.ctx.db, id);
    if (!row) throw notFound();
    return this.myDto(row);
  }

  private myDto(row: MediationCaseTable): MyApplicationDto {
    return {
      id: row.id,
      caseNo: row.case_no,
      caseType: row.case_type as CaseType,
      summary: row.description.slice(0, 60),
      status: row.status as CaseStatus,
      registeredOn: row.registered_on,
      outcome: row.outcome as Outcome | null,
    };
  }

  async myApplications(rc: RequestContext): Promise<{ items: MyApplicationDto[] }> {
    const actor = authorize(rc.actor, 'mediation.apply');
    // A literal 1, not a parameter: PostgreSQL's generic plan can then use the partial index of online cases.
    const rows = await this.ctx.db
      .selectFrom('mediation_cases')
      .selectAll()
      .where('created_by', '=', actor.userId)
      .where('online', '=', sql.lit(1))
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    return { items: rows.map((r) => this.myDto(r)) };
  }

  private async insertCase(
    tx: Tx,
    rc: RequestContext,
    actor: Actor,
    args: {
      input: CaseCreate;
      placeName: string;
      committeeId: string | null;
      online: boolean;
      reopenedFrom: string | null;
      partyRows: MediationPartyTable[] | null;
      /** The place's effective settings (overdue days). */
      settings: { overdueDays: number };
    },
  ): Promise<{ id: string; caseNo: string }> {
    const { input } = args;
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    const settings = args.settings;
    const year = input.registeredOn.slice(0, 4);
    const n = await repo.nextNumber(tx, `${input.regionCode}-${year}`);
    const caseNo = `（${year}）${args.placeName}调字第${String(n).padStart(3, '0')}号`;
    const month = input.registeredOn.slice(0, 7);
    await insertRow(tx, 'mediation_cases', {
      id,
      case_no: caseNo,
      region_code: input.regionCode,
      committee_id: args.committeeId,
      mediator_id: null,
      source: input.source,
      online: args.online ? 1 : 0,
      referrer: input.referrer ?? null,
      referral_note: input.referralNote ?? null,
      screening_id: input.screeningId ?? null,
      case_type: input.caseType,
      description: input.description,
      amount_fen: input.amountFen ?? null,
      people_count: input.peopleCount,
      risk_level: input.riskLevel,
      risk_reasons: JSON.stringify(input.riskReasons),
      criminal_risk: input.criminalRisk ? 1 : 0,
      status: 'registered',
      registered_on: input.registeredOn,
      month,
      due_on: dueDate(input.registeredOn, settings.overdueDays),
      concluded_on: null,
      outcome: null,
      agreed_on: null,
      agreement_terms: null,
      performance_deadline: null,
      confirmed_on: null,
      confirmation_note: null,
      performance: null,
      performance_note: null,
      failed_on: null,
      failure_route: null,
      failure_destination: null,
      failure_reason: null,
      follow_up_due: null,
      visited_on: null,
      visit_note: null,
      closed_on: null,
      reopened_from: args.reopenedFrom,
      reopened_as: null,
      session_count: 0,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    const parties = args.partyRows?.map((p) => ({ ...p, id: newId(), case_id: id })) ?? partyRows(this.ctx.cipher, id, input.parties);
    await insertRows(tx, 'mediation_parties', parties);
    await addToStats(this.ctx.counters, tx, { regionCode: input.regionCode, month, caseType: input.caseType }, { registered: 1 });
    const { parties: _p, ...facts } = input;
    await this.ctx.audit.append(tx, rc, {
      action: args.online ? 'mediation.case_apply_online' : 'mediation.case_register',
      objectType: 'mediation_case',
      objectId: id,
      objectRegion: input.regionCode,
      detail: {
        caseNo,
        ...facts,
        parties: parties.map((p) => ({ role: p.role, kind: p.kind, name: p.name })),
        reopenedFrom: args.reopenedFrom,
      },
    });
    await this.ctx.events.publish(tx, {
      type: 'mediation.case_registered',
      regionCode: input.regionCode,
      occurredOn: input.registeredOn,
      payload: {
        caseType: input.caseType,
        source: input.source,
        online: args.online,
        riskLevel: input.riskLevel,
        criminalRisk: input.criminalRisk,
      },
    });
    return { id, caseNo };
  }

  // ---------- reads ----------
  private listItem(
    row: MediationCaseTable,
    parties: MediationPartyTable[],
    refs: Map<string, { code: string; name: string; path: string }>,
  ): CaseListItemDto {
    const today = this.today();
    return {
      id: row.id,
      caseNo: row.case_no,
      region: refs.get(row.region_code) ?? { code: row.region_code, name: row.region_code, path: row.region_code },
      caseType: row.case_type as CaseType,
      source: row.source as CaseSource,
      online: row.online === 1,
      summary: row.description.slice(0, 60),
      partyNames: parties.map((p) => p.name).join('、'),
      riskLevel: row.risk_level as RiskLevel,
      criminalRisk: row.criminal_risk === 1,
      status: row.status as CaseStatus,
      registeredOn: row.registered_on,
      dueOn: row.due_on,
      overdue: isOverdue(row.due_on, row.concluded_on, today),
      outcome: row.outcome as Outcome | null,
    };
  }

  async list(rc: RequestContext, query: CaseListQuery): Promise<Page<CaseListItemDto>> {
    const actor = authorize(rc.actor, 'mediation.read');
    if (query.regionCode) authorize(actor, 'mediation.read', { regionCode: query.regionCode });
    const { rows, total } = await repo.listCases(this.ctx.db, listScope(actor), query, this.today());
    const [parties, refs] = await Promise.all([
      repo.partiesOf(
        this.ctx.db,
        rows.map((r) => r.id),
      ),
      this.places.refs(rows.map((r) => r.region_code)),
    ]);
    return { items: rows.map((r) => this.listItem(r, parties.get(r.id) ?? [], refs)), total, page: query.page, pageSize: query.pageSize };
  }

  /** A case the actor may see; one outside their region answers 404 like a missing one. */
  private async load(actor: Actor, id: string, permission: 'mediation.read' | 'mediation.handle'): Promise<MediationCaseTable> {
    const row = await repo.findCase(this.ctx.db, id);
    if (!row) throw notFound();
    authorize(actor, permission, { regionCode: row.region_code });
    return row;
  }

  private partyDto(p: MediationPartyTable): PartyDto {
    const { cipher } = this.ctx;
    return {
      id: p.id,
      kind: p.kind as PartyKind,
      role: p.role as PartyRole,
      name: p.name,
      idNumber: p.id_number_enc ? maskIdCard(cipher.decrypt(p.id_number_enc)) : null,
      phone: p.phone_enc ? maskMobile(cipher.decrypt(p.phone_enc)) : null,
      address: p.address,
    };
  }

  async get(rc: RequestContext, id: string): Promise<CaseDto> {
    const actor = authorize(rc.actor, 'mediation.read');
    const row = await this.load(actor, id, 'mediation.read');
    const [parties, sessions, refs, files] = await Promise.all([
      repo.partiesOf(this.ctx.db, [id]),
      repo.sessionsOf(this.ctx.db, id),
      this.places.refs([row.region_code]),
      caseFiles.of(this.ctx.db, [id]),
    ]);
    const partyHistory = await this.partyHistory(actor, id, parties.get(id) ?? []);
    const committee = row.committee_id
      ? await this.ctx.db.selectFrom('mediation_committees').select(['id', 'name']).where('id', '=', row.committee_id).executeTakeFirst()
      : undefined;
    const mediator = row.mediator_id
      ? await this.ctx.db.selectFrom('mediation_mediators').select(['id', 'name']).where('id', '=', row.mediator_id).executeTakeFirst()
      : undefined;
    const links = await this.ctx.db
      .selectFrom('mediation_cases')
      .select(['id', 'case_no'])
      .where('id', 'in', [row.reopened_from ?? '', row.reopened_as ?? ''])
      .execute();
    const link = (lid: string | null) => {
      const found = lid ? links.find((l) => l.id === lid) : undefined;
      return found ? { id: found.id, caseNo: found.case_no } : null;
    };
    const target = { regionCode: row.region_code };
    const handle = can(actor, 'mediation.handle', target);
    const status = row.status as CaseStatus;
    return {
      ...this.listItem(row, parties.get(id) ?? [], refs),
      committee: committee ?? null,
      mediator: mediator ?? null,
      referrer: row.referrer as Referrer | null,
      referralNote: row.referral_note,
      description: row.description,
      amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
      peopleCount: row.people_count,
      riskReasons: json.parse<RiskReason[]>(row.risk_reasons, []),
      concludedOn: row.concluded_on,
      agreement: row.agreed_on
        ? {
            agreedOn: row.agreed_on,
            terms: row.agreement_terms ?? '',
            performanceDeadline: row.performance_deadline,
            confirmedOn: row.confirmed_on,
            confirmationNote: row.confirmation_note,
          }
        : null,
      performance: row.performance as Performance | null,
      performanceNote: row.performance_note,
      failure: row.failed_on
        ? {
            failedOn: row.failed_on,
            route: row.failure_route as FailureRoute,
            destination: row.failure_destination ?? '',
            reason: row.failure_reason,
          }
        : null,
      followUp: { dueOn: row.follow_up_due, visitedOn: row.visited_on, note: row.visit_note },
      closedOn: row.closed_on,
      reopenedFrom: link(row.reopened_from),
      reopenedAs: link(row.reopened_as),
      parties: (parties.get(id) ?? []).map((p) => this.partyDto(p)),
      sessions: sessions.map((s) => ({
        id: s.id,
        heldOn: s.held_on,
        participants: s.participants,
        notes: s.notes,
        recordedBy: s.recorded_by,
      })),
      partyHistory,
      attachments: files.get(id) ?? [],
      version: row.version,
      abilities: {
        handle,
        reveal: can(actor, 'personal.reveal', target),
        editParties: handle && PARTY_EDIT_STATUSES.includes(status),
        actions: handle ? actionsFrom(status) : [],
        record: handle
          ? (Object.keys(RECORDINGS) as Recording[]).filter((r) => canRecord(r, status) && !(r === 'reopen' && row.reopened_as))
          : [],
        aid: status !== 'registered' && row.outcome === 'failed' && can(actor, 'mediation.aid', target),
      },
    };
  }

  /** 反复纠纷: each party's other cases in the viewer's region, by the keyed hash of the ID number. */
  private async partyHistory(actor: Actor, caseId: string, parties: readonly MediationPartyTable[]): Promise<CaseDto['partyHistory']> {
    const withId = parties.filter((p): p is MediationPartyTable & { id_number_hash: string } => p.id_number_hash !== null);
    const rows = await repo.casesOfPersons(
      this.ctx.db,
      listScope(actor),
      withId.map((p) => p.id_number_hash),
      caseId,
    );
    return withId.flatMap((p) => {
      const mine = rows.filter((r) => r.hash === p.id_number_hash);
      return mine.length === 0
        ? []
        : [
            {
              partyId: p.id,
              name: p.name,
              total: mine.length,
              cases: mine
                .slice(0, 5)
                .map((r) => ({ id: r.id, caseNo: r.case_no, registeredOn: r.registered_on, status: r.status as CaseStatus })),
            },
          ];
    });
  }

  // ---------- workflow ----------
  private facts(row: MediationCaseTable, mediatorGiven: boolean): CaseFacts {
    return {
      status: row.status as CaseStatus,
      mediatorAssigned: mediatorGiven || row.mediator_id !== null,
      sessions: row.session_count,
      outcome: row.outcome as Outcome | null,
      confirmed: row.confirmed_on !== null,
      performance: row.performance as Performance | null,
      visited: row.visited_on !== null,
    };
  }

  private notAllowed(row: MediationCaseTable, label: string): AppError {
    return new AppError('conflict', 'mediation.transition.notAllowed', undefined, {
      status: CASE_STATUS_LABELS[row.status as CaseStatus] ?? row.status,
      action: label,
    });
  }

  /** A business date must lie between registration and today; 400 naming the field otherwise. */
  private checkDate(row: MediationCaseTable, field: string, date: string): void {
    if (date < row.registered_on) throw invalid({ [field]: 'mediation.date.beforeRegistered' });
    if (date > this.today()) throw invalid({ [field]: 'mediation.date.future' });
  }

  /** Writes `changes` only if the case is still in the state and version we read (else 409, nothing changed). */
  private async update(tx: Tx, row: MediationCaseTable, changes: Partial<MediationCaseTable>): Promise<void> {
    const result = await tx
      .updateTable('mediation_cases')
      .set({ ...changes, updated_at: this.ctx.clock.now().toISOString(), version: row.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict();
  }

  async transition(rc: RequestContext, id: string, step: TransitionBody): Promise<CaseDto> {
    const actor = authorize(rc.actor, 'mediation.handle');
    const row = await this.load(actor, id, 'mediation.handle');
    const check = checkTransition(step.action, this.facts(row, step.action === 'start' && !!step.body.mediatorId));
    if (!check.ok) {
      if (check.reason === 'state') throw this.notAllowed(row, CASE_ACTION_LABELS[step.action]);
      throw invalid(Object.fromEntries(check.missing.map((m) => [m, `mediation.evidence.${m}`])));
    }
    const key = { regionCode: row.region_code, month: row.month, caseType: row.case_type };
    const changes: Partial<MediationCaseTable> = { status: check.to };
    const delta: Partial<Record<StatCounter, number>> = {};
    const conclude = (on: string, outcome: Outcome) => {
      changes.concluded_on = on;
      changes.outcome = outcome;
      delta[outcome === 'agreement' ? 'success' : 'failed'] = 1;
      delta.duration_days = Math.max(0, daysBetween(row.registered_on, on));
      delta.overdue_concluded = on > row.due_on ? 1 : 0;
    };
    switch (step.action) {
      case 'start': {
        if (step.body.mediatorId) {
          const mediator = await this.ctx.db
            .selectFrom('mediation_mediators')
            .select(['region_code', 'status'])
            .where('id', '=', step.body.mediatorId)
            .executeTakeFirst();
          if (!mediator || !isWithin(row.region_code, mediator.region_code))
            throw invalid({ mediatorId: 'mediation.mediator.outsideRegion' });
          if (mediator.status !== 'active') throw invalid({ mediatorId: 'mediation.mediator.notActive' });
          changes.mediator_id = step.body.mediatorId;
        }
        break;
      }
      case 'agree':
        this.checkDate(row, 'agreedOn', step.body.agreedOn);
        Object.assign(changes, {
          agreed_on: step.body.agreedOn,
          agreement_terms: step.body.terms,
          performance_deadline: step.body.performanceDeadline ?? null,
        });
        conclude(step.body.agreedOn, 'agreement');
        break;
      case 'fail':
        this.checkDate(row, 'failedOn', step.body.failedOn);
        Object.assign(changes, {
          failed_on: step.body.failedOn,
          failure_route: step.body.route,
          failure_destination: step.body.destination,
          failure_reason: step.body.reason ?? null,
        });
        conclude(step.body.failedOn, 'failed');
        break;
      case 'follow_up': {
        const settings = await effectiveSettings(this.ctx.db, row.region_code);
        changes.follow_up_due = addDays(row.concluded_on ?? this.today(), step.body.dueDays ?? settings.followUpDays);
        break;
      }
      case 'close':
        this.checkDate(row, 'closedOn', step.body.closedOn);
        changes.closed_on = step.body.closedOn;
        delta.closed = 1;
        break;
    }
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.update(tx, row, changes);
      await addToStats(this.ctx.counters, tx, key, delta);
      await this.ctx.audit.append(tx, rc, {
        action: `mediation.case_${step.action}`,
        objectType: 'mediation_case',
        objectId: id,
        objectRegion: row.region_code,
        detail: { caseNo: row.case_no, from: row.status, to: check.to, ...step.body },
      });
      if (step.action === 'agree' || step.action === 'fail') {
        await this.ctx.events.publish(tx, {
          type: 'mediation.case_concluded',
          regionCode: row.region_code,
          occurredOn: changes.concluded_on ?? this.today(),
          payload: { caseType: row.case_type, outcome: changes.outcome, riskLevel: row.risk_level, overdue: delta.overdue_concluded === 1 },
        });
      }
      if (step.action === 'close') {
        await this.ctx.events.publish(tx, {
          type: 'mediation.case_closed',
          regionCode: row.region_code,
          occurredOn: step.body.closedOn,
          payload: { caseType: row.case_type, outcome: row.outcome, riskLevel: row.risk_level },
        });
      }
    });
    return this.get(rc, id);
  }

  async record(rc: RequestContext, id: string, step: RecordBody): Promise<CaseDto> {
    const actor = authorize(rc.actor, 'mediation.handle');
    const row = await this.load(actor, id, 'mediation.handle');
    if (!canRecord(step.recording, row.status as CaseStatus) || (step.recording === 'reopen' && row.reopened_as)) {
      throw new AppError('conflict', 'mediation.record.notAllowed', undefined, {
        status: CASE_STATUS_LABELS[row.status as CaseStatus] ?? row.status,
      });
    }
    const audit = (tx: Tx, extra: Record<string, unknown> = {}) =>
      this.ctx.audit.append(tx, rc, {
        action: `mediation.case_${step.recording}`,
        objectType: 'mediation_case',
        objectId: id,
        objectRegion: row.region_code,
        detail: { caseNo: row.case_no, ...step.body, ...extra },
      });
    switch (step.recording) {
      case 'session':
        this.checkDate(row, 'heldOn', step.body.heldOn);
        await this.ctx.db.transaction().execute(async (tx) => {
          await tx
            .insertInto('mediation_sessions')
            .values({
              id: newId(),
              case_id: id,
              held_on: step.body.heldOn,
              participants: step.body.participants,
              notes: step.body.notes,
              recorded_by: actor.displayName,
              created_at: this.ctx.clock.now().toISOString(),
            })
            .execute();
          await this.update(tx, row, { session_count: row.session_count + 1 });
          await audit(tx);
        });
        break;
      case 'confirm':
        this.checkDate(row, 'confirmedOn', step.body.confirmedOn);
        await this.ctx.db.transaction().execute(async (tx) => {
          await this.update(tx, row, { confirmed_on: step.body.confirmedOn, confirmation_note: step.body.note ?? null });
          await audit(tx);
        });
        break;
      case 'performance': {
        const before = row.performance as Performance | null;
        const after = step.body.performance;
        await this.ctx.db.transaction().execute(async (tx) => {
          await this.update(tx, row, { performance: after, performance_note: step.body.note ?? null });
          if (before !== after) {
            const delta: Partial<Record<StatCounter, number>> = { [PERFORMANCE_COUNTER[after]]: 1 };
            if (before) delta[PERFORMANCE_COUNTER[before]] = -1;
            await addToStats(this.ctx.counters, tx, { regionCode: row.region_code, month: row.month, caseType: row.case_type }, delta);
          }
          await audit(tx, { before });
        });
        break;
      }
      case 'visit':
        this.checkDate(row, 'visitedOn', step.body.visitedOn);
        await this.ctx.db.transaction().execute(async (tx) => {
          await this.update(tx, row, { visited_on: step.body.visitedOn, visit_note: step.body.note });
          await audit(tx);
        });
        break;
      case 'reopen': {
        this.checkDate(row, 'reopenedOn', step.body.reopenedOn);
        const place = await this.places.ref(row.region_code);
        const parties = (await repo.partiesOf(this.ctx.db, [id])).get(id) ?? [];
        const settings = await effectiveSettings(this.ctx.db, row.region_code);
        const newId = await this.ctx.db.transaction().execute(async (tx) => {
          const input: CaseCreate = {
            regionCode: row.region_code,
            committeeId: row.committee_id,
            source: 'initiative',
            caseType: row.case_type as CaseType,
            description: `【重新受理，原案${row.case_no}】${step.body.reason}\n${row.description}`.slice(0, 2000),
            amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
            peopleCount: row.people_count,
            riskLevel: row.risk_level as RiskLevel,
            riskReasons: json.parse<RiskReason[]>(row.risk_reasons, []),
            criminalRisk: row.criminal_risk === 1,
            registeredOn: step.body.reopenedOn,
            parties: [],
          };
          const created = await this.insertCase(tx, rc, actor, {
            input,
            placeName: place.name,
            committeeId: row.committee_id,
            online: false,
            reopenedFrom: id,
            partyRows: parties,
            settings,
          });
          await this.update(tx, row, { reopened_as: created.id });
          await audit(tx, { reopenedAs: created.id });
          return created.id;
        });
        return this.get(rc, newId);
      }
    }
    return this.get(rc, id);
  }

  /** A party's full ID number or phone, for holders of `personal.reveal` in the case's region; audited. */
  async revealParty(rc: RequestContext, caseId: string, partyId: string, field: 'phone' | 'idNumber'): Promise<{ value: string }> {
    const actor = authorize(rc.actor, 'personal.reveal');
    const row = await this.load(actor, caseId, 'mediation.read');
    authorize(actor, 'personal.reveal', { regionCode: row.region_code });
    const party = await this.ctx.db
      .selectFrom('mediation_parties')
      .selectAll()
      .where('id', '=', partyId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const stored = field === 'phone' ? party?.phone_enc : party?.id_number_enc;
    if (!party || !stored) throw notFound();
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'mediation.reveal',
      objectType: 'mediation_party',
      objectId: partyId,
      objectRegion: row.region_code,
      detail: { caseNo: row.case_no, field },
    });
    return { value: this.ctx.cipher.decrypt(stored) };
  }

  /**
   * 调解协议书 (.docx). Full ID numbers and phones only for holders of `personal.reveal`, and then the
   * download is audited as a reveal; everyone else gets the masked values.
   */
  async agreementDocument(rc: RequestContext, id: string): Promise<{ fileName: string; body: Buffer }> {
    const actor = authorize(rc.actor, 'mediation.read');
    const row = await this.load(actor, id, 'mediation.read');
    if (!row.agreed_on) throw new AppError('conflict', 'mediation.agreement.none');
    const full = can(actor, 'personal.reveal', { regionCode: row.region_code });
    const parties = (await repo.partiesOf(this.ctx.db, [id])).get(id) ?? [];
    const committee = row.committee_id
      ? await this.ctx.db.selectFrom('mediation_committees').select('name').where('id', '=', row.committee_id).executeTakeFirst()
      : undefined;
    const mediator = row.mediator_id
      ? await this.ctx.db.selectFrom('mediation_mediators').select('name').where('id', '=', row.mediator_id).executeTakeFirst()
      : undefined;
    const place = await this.places.ref(row.region_code);
    const { cipher } = this.ctx;
    const body = await agreementDocx({
      caseNo: row.case_no,
      committeeName: committee?.name ?? `${place.name}人民调解委员会`,
      facts: row.description,
      terms: row.agreement_terms ?? '',
      performanceDeadline: row.performance_deadline,
      mediatorName: mediator?.name ?? null,
      agreedOn: row.agreed_on,
      parties: parties.map((p) => {
        const idNumber = p.id_number_enc ? cipher.decrypt(p.id_number_enc) : null;
        const phone = p.phone_enc ? cipher.decrypt(p.phone_enc) : null;
        return {
          role: p.role as PartyRole,
          kind: p.kind as PartyKind,
          name: p.name,
          address: p.address,
          idNumber: idNumber && (full ? idNumber : maskIdCard(idNumber)),
          phone: phone && (full ? phone : maskMobile(phone)),
        };
      }),
    });
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: full ? 'mediation.agreement_download_full' : 'export.mediation_agreement',
      objectType: 'mediation_case',
      objectId: id,
      objectRegion: row.region_code,
      detail: { caseNo: row.case_no, personalData: full ? 'full' : 'masked' },
    });
    return { fileName: `人民调解协议书${row.case_no}.docx`, body };
  }

  /** For legal aid started from a failed case: the case and one party, read within the actor's scope. */
  async caseForAid(actor: Actor, caseId: string, partyId: string): Promise<{ row: MediationCaseTable; party: MediationPartyTable }> {
    const row = await this.load(actor, caseId, 'mediation.read');
    if (row.outcome !== 'failed') throw invalid({ caseId: 'mediation.aid.notFailed' });
    const party = await this.ctx.db
      .selectFrom('mediation_parties')
      .selectAll()
      .where('id', '=', partyId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!party) throw invalid({ partyId: 'mediation.aid.party.required' });
    return { row, party };
  }
}
