import type {
  agreeSchema,
  CaseCreate,
  CaseDto,
  closeSchema,
  confirmSchema,
  failSchema,
  followUpSchema,
  performanceSchema,
  reopenSchema,
  RiskReason,
  sessionSchema,
  startSchema,
  visitSchema,
} from '@rg/domain/mediation/case.schema';
import { addDays, checkTransition, daysBetween, type CaseFacts, type Outcome, type Performance } from '@rg/domain/mediation/case-workflow';
import { isWithin } from '@rg/domain/regions/region-code';
import { chinaDate } from '@rg/domain/time/china-time';
import type { z } from 'zod';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { newId } from '../../core/db/ids.ts';
import type { Tx } from '../../core/db/schema.ts';
import { conflict, invalid } from '../../core/http/errors.ts';
import type { CaseIntake } from './mediation.case-intake.ts';
import { loadCase, type CaseReads } from './mediation.case-reads.ts';
import * as repo from './mediation.cases.repository.ts';
import { json, Places } from './mediation.places.ts';
import { effectiveSettings } from './mediation.settings.ts';
import { addToStats, type StatCounter } from './mediation.stats-store.ts';
import type { MediationCaseTable } from './mediation.tables.ts';

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

function facts(row: MediationCaseTable, mediatorGiven: boolean): CaseFacts {
  return {
    status: row.status,
    mediatorAssigned: mediatorGiven || row.mediator_id !== null,
    sessions: row.session_count,
    outcome: row.outcome,
    confirmed: row.confirmed_on !== null,
    performance: row.performance,
    visited: row.visited_on !== null,
  };
}

/**
 * The ten steps of a case (DOMAIN.md "Mediation case", case-workflow.ts): five transitions of its
 * status and five recordings of evidence. Each is one transaction with its audit entry, its statistics
 * delta and its domain event; a stale read answers 409 and changes nothing.
 */
export class CaseSteps {
  private readonly places: Places;

  constructor(
    private readonly ctx: AppContext,
    private readonly reads: CaseReads,
    private readonly intake: CaseIntake,
  ) {
    this.places = new Places(ctx);
  }

  private today(): string {
    return chinaDate(this.ctx.clock.now());
  }

  /** A business date must lie between registration and today; 400 naming the field otherwise. */
  private checkDate(row: MediationCaseTable, field: string, date: string): void {
    if (date < row.registered_on) throw invalid({ [field]: 'mediation.date.beforeRegistered' });
    if (date > this.today()) throw invalid({ [field]: 'mediation.date.future' });
  }

  /** Writes `changes` only if the case is still in the state and version we read (else 409, nothing changed). */
  private async update(tx: Tx, row: MediationCaseTable, changes: Partial<MediationCaseTable>): Promise<void> {
    if (!(await repo.updateCase(tx, row, changes, this.ctx.clock.now().toISOString()))) throw conflict();
  }

  async transition(rc: RequestContext, id: string, step: TransitionBody): Promise<CaseDto> {
    const actor = signedIn(rc.actor);
    const row = await loadCase(this.ctx.db, actor, id, step.action);
    const check = checkTransition(step.action, facts(row, step.action === 'start' && !!step.body.mediatorId));
    // casePolicy has decided the status (409); what the workflow may still refuse is missing evidence (400).
    if (!check.ok)
      throw invalid(Object.fromEntries((check.reason === 'evidence' ? check.missing : []).map((m) => [m, `mediation.evidence.${m}`])));
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
          const mediator = await repo.mediatorPlace(this.ctx.db, step.body.mediatorId);
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
          payload: {
            caseType: row.case_type,
            outcome: step.action === 'agree' ? 'agreement' : 'failed',
            riskLevel: row.risk_level,
            overdue: delta.overdue_concluded === 1,
            registeredOn: row.registered_on,
          },
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
    return this.reads.get(rc, id);
  }

  async record(rc: RequestContext, id: string, step: RecordBody): Promise<CaseDto> {
    const actor = signedIn(rc.actor);
    const row = await loadCase(this.ctx.db, actor, id, step.recording);
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
          await repo.insertSession(tx, {
            id: newId(),
            case_id: id,
            held_on: step.body.heldOn,
            participants: step.body.participants,
            notes: step.body.notes,
            recorded_by: actor.displayName,
            created_at: this.ctx.clock.now().toISOString(),
          });
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
        const before = row.performance;
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
      case 'reopen':
        return this.reads.get(rc, await this.reopen(rc, actor, row, step.body, audit));
    }
    return this.reads.get(rc, id);
  }

  /** 重新受理: a new case with the original's facts and sealed parties; the original points at it. */
  private async reopen(
    rc: RequestContext,
    actor: Actor,
    row: MediationCaseTable,
    body: Body<typeof reopenSchema>,
    audit: (tx: Tx, extra: Record<string, unknown>) => Promise<unknown>,
  ): Promise<string> {
    this.checkDate(row, 'reopenedOn', body.reopenedOn);
    const place = await this.places.ref(row.region_code);
    const parties = (await repo.partiesOf(this.ctx.db, [row.id])).get(row.id) ?? [];
    const settings = await effectiveSettings(this.ctx.db, row.region_code);
    return this.ctx.db.transaction().execute(async (tx) => {
      const input: CaseCreate = {
        regionCode: row.region_code,
        committeeId: row.committee_id,
        source: 'initiative',
        caseType: row.case_type,
        description: `【重新受理，原案${row.case_no}】${body.reason}\n${row.description}`.slice(0, 2000),
        amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
        peopleCount: row.people_count,
        riskLevel: row.risk_level,
        riskReasons: json.parse<RiskReason[]>(row.risk_reasons, []),
        criminalRisk: row.criminal_risk === 1,
        registeredOn: body.reopenedOn,
        parties: [],
      };
      const created = await this.intake.insert(tx, rc, actor, {
        input,
        placeName: place.name,
        committeeId: row.committee_id,
        online: false,
        reopenedFrom: row.id,
        partyRows: parties,
        settings,
      });
      await this.update(tx, row, { reopened_as: created.id });
      await audit(tx, { reopenedAs: created.id });
      return created.id;
    });
  }
}
