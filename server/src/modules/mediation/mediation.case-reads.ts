import type { CaseDto, CaseListItemDto, CaseListQuery, FailureRoute, Referrer, RiskReason } from '@rg/domain/mediation/case.schema';
import { actionsFrom, canRecord, RECORDINGS, type CaseStatus, type Performance, type Recording } from '@rg/domain/mediation/case-workflow';
import type { Page } from '@rg/domain/mediation/common.schema';
import { chinaDate } from '@rg/domain/time/china-time';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { caseFiles } from './mediation.attachments.ts';
import { caseListItem, partyDto } from './mediation.case-present.ts';
import * as repo from './mediation.cases.repository.ts';
import { PARTY_EDIT_STATUSES } from './mediation.parties.ts';
import { json, Places } from './mediation.places.ts';
import type { MediationCaseTable, MediationPartyTable } from './mediation.tables.ts';

/** The case list and the case file as officials, mediators and village cadres read them (parties masked). */
export class CaseReads {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  private today(): string {
    return chinaDate(this.ctx.clock.now());
  }

  async list(rc: RequestContext, query: CaseListQuery): Promise<Page<CaseListItemDto>> {
    const actor = authorize(rc.actor, 'mediation.read');
    if (query.regionCode) authorize(actor, 'mediation.read', { regionCode: query.regionCode });
    const today = this.today();
    const { rows, total } = await repo.listCases(this.ctx.db, listScope(actor), query, today);
    const [parties, refs] = await Promise.all([
      repo.partiesOf(
        this.ctx.db,
        rows.map((r) => r.id),
      ),
      this.places.refs(rows.map((r) => r.region_code)),
    ]);
    return {
      items: rows.map((r) => caseListItem(r, parties.get(r.id) ?? [], refs, today)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A case the actor may see; one outside their region answers 404 like a missing one. */
  async load(actor: Actor, id: string, permission: 'mediation.read' | 'mediation.handle'): Promise<MediationCaseTable> {
    const row = await repo.findCase(this.ctx.db, id);
    if (!row) throw notFound();
    authorize(actor, permission, { regionCode: row.region_code });
    return row;
  }

  async get(rc: RequestContext, id: string): Promise<CaseDto> {
    const actor = authorize(rc.actor, 'mediation.read');
    const row = await this.load(actor, id, 'mediation.read');
    const [partiesById, sessions, refs, files] = await Promise.all([
      repo.partiesOf(this.ctx.db, [id]),
      repo.sessionsOf(this.ctx.db, id),
      this.places.refs([row.region_code]),
      caseFiles.of(this.ctx.db, [id]),
    ]);
    const parties = partiesById.get(id) ?? [];
    const partyHistory = await this.partyHistory(actor, id, parties);
    const { committee, mediator } = await repo.committeeAndMediator(this.ctx.db, row);
    const links = await repo.caseNumbers(
      this.ctx.db,
      [row.reopened_from, row.reopened_as].filter((l): l is string => l !== null),
    );
    const link = (lid: string | null) => {
      const caseNo = lid ? links.get(lid) : undefined;
      return lid && caseNo ? { id: lid, caseNo } : null;
    };
    const target = { regionCode: row.region_code };
    const handle = can(actor, 'mediation.handle', target);
    const status = row.status as CaseStatus;
    return {
      ...caseListItem(row, parties, refs, this.today()),
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
      parties: parties.map((p) => partyDto(this.ctx.cipher, p)),
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
}
