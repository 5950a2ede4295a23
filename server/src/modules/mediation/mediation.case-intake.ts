import type { CaseCreate, MyApplicationDto, OnlineApplication } from '@rg/domain/mediation/case.schema';
import { dueDate } from '@rg/domain/mediation/case-workflow';
import { isWithin, levelOf, parentOf } from '@rg/domain/regions/region-code';
import { chinaDate } from '@rg/domain/time/china-time';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { newId } from '../../core/db/ids.ts';
import type { Tx } from '../../core/db/schema.ts';
import { invalid, notFound } from '../../core/http/errors.ts';
import { caseCollection, casePolicy } from './case.policy.ts';
import { committeePolicy } from './committee.policy.ts';
import * as repo from './mediation.cases.repository.ts';
import { myApplicationDto } from './mediation.case-present.ts';
import { partyRows } from './mediation.parties.ts';
import { Places } from './mediation.places.ts';
import { effectiveSettings } from './mediation.settings.ts';
import { addToStats } from './mediation.stats-store.ts';
import type { MediationPartyTable } from './mediation.tables.ts';

/** What a new case needs besides its input: where it is registered and what it continues. */
export interface NewCase {
  input: CaseCreate;
  placeName: string;
  committeeId: string | null;
  online: boolean;
  reopenedFrom: string | null;
  /** A reopened case copies the original's sealed parties; a new one seals `input.parties`. */
  partyRows: MediationPartyTable[] | null;
  /** The place's effective settings (overdue days). */
  settings: { overdueDays: number };
}

/**
 * 受理登记 (P1.4(4), P3.3(三)1): a case registered by an official or mediator, or applied for online by
 * a villager. The hot write path: one transaction with its reads (decision 64), prepared statements,
 * the statistics delta through `ctx.counters`, the audit entry and the domain event.
 */
export class CaseIntake {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  private today(): string {
    return chinaDate(this.ctx.clock.now());
  }

  async register(rc: RequestContext, input: CaseCreate): Promise<{ id: string; caseNo: string }> {
    const actor = enforce(casePolicy, rc.actor, 'create', caseCollection(input.regionCode));
    if (input.registeredOn > this.today()) throw invalid({ registeredOn: 'mediation.date.future' });
    return this.ctx.db.transaction().execute(async (tx) => {
      // Read inside the write transaction: on SQLite the writer's page cache is warm, while the
      // read-only connection's is dropped by every commit (decision 64).
      const place = await repo.placeForIntake(tx, input.regionCode);
      if (!place) throw invalid({ regionCode: 'region.notFound' });
      if (place.level !== 'town' && place.level !== 'village') throw invalid({ regionCode: 'mediation.region.notPlace' });
      let committeeId = input.committeeId ?? null;
      if (committeeId) {
        const committee = await repo.committeePlace(tx, committeeId);
        if (
          !committee ||
          !isWithin(input.regionCode, committee.region_code) ||
          !committeePolicy(actor, 'read', { regionCode: committee.region_code }).ok
        )
          throw invalid({ committeeId: 'mediation.committee.required' });
        if (committee.status !== 'active') throw invalid({ committeeId: 'mediation.committee.dissolved' });
      } else {
        // The place's own committee takes the case unless another is named.
        committeeId = place.committee_id ?? null;
      }
      if (input.screeningId) {
        const screening = await repo.screeningVillage(tx, input.screeningId);
        // The reporting village must lie in the case's town (a town committee may take a village's dispute).
        if (!screening || !isWithin(screening.village_code, input.regionCode.slice(0, 9)))
          throw invalid({ screeningId: 'mediation.screening.notFound' });
      }
      const settings = await effectiveSettings(tx, input.regionCode);
      return this.insert(tx, rc, actor, {
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
    const actor = signedIn(rc.actor);
    enforce(casePolicy, actor, 'apply', caseCollection(actor.homeRegion));
    // A villager registered in a 村民小组 applies to their village's committee.
    const home = levelOf(actor.homeRegion) === 'group' ? (parentOf(actor.homeRegion) ?? actor.homeRegion) : actor.homeRegion;
    const place = await this.places.existing(home, 'regionCode', ['village']);
    const own = await repo.activeCommitteeAt(this.ctx.db, place.code);
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
      this.insert(tx, rc, actor, {
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
    return myApplicationDto(row);
  }

  /** One of the villager's own applications, as `applyOnline` answered it (an idempotent retry's answer). */
  async myApplication(rc: RequestContext, id: string): Promise<MyApplicationDto> {
    const actor = signedIn(rc.actor);
    const row = await repo.findCase(this.ctx.db, id);
    if (!row || row.created_by !== actor.userId || !row.online) throw notFound();
    return myApplicationDto(row);
  }

  async myApplications(rc: RequestContext): Promise<{ items: MyApplicationDto[] }> {
    const actor = signedIn(rc.actor);
    enforce(casePolicy, actor, 'apply', caseCollection(actor.homeRegion));
    // Ownership: a villager sees only the applications they made themselves.
    const rows = await repo.onlineCasesBy(this.ctx.db, actor.userId, 50);
    return { items: rows.map(myApplicationDto) };
  }

  /** Numbers, writes and announces a new case inside `tx` (intake, online application, reopening). */
  async insert(tx: Tx, rc: RequestContext, actor: Actor, args: NewCase): Promise<{ id: string; caseNo: string }> {
    const { input } = args;
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    const year = input.registeredOn.slice(0, 4);
    const n = await repo.nextNumber(tx, `${input.regionCode}-${year}`);
    const caseNo = `（${year}）${args.placeName}调字第${String(n).padStart(3, '0')}号`;
    const month = input.registeredOn.slice(0, 7);
    const parties = args.partyRows?.map((p) => ({ ...p, id: newId(), case_id: id })) ?? partyRows(this.ctx.cipher, id, input.parties);
    await repo.insertCase(
      tx,
      {
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
        due_on: dueDate(input.registeredOn, args.settings.overdueDays),
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
      },
      parties,
    );
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
}
