import { RECORDING_NAMES, type CaseDto, type CaseListDto, type CaseListQuery, type RiskReason } from '@rg/domain/mediation/case.schema';
import { CASE_ACTIONS } from '@rg/domain/mediation/case-workflow';
import { chinaDate } from '@rg/domain/time/china-time';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { sealFreeText } from '../../core/crypto/free-text.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { caseCollection, casePolicy, caseSubject, type CaseAccess } from './case.policy.ts';
import { caseFiles } from './mediation.attachments.ts';
import { caseListItem, partyDto } from './mediation.case-present.ts';
import * as repo from './mediation.cases.repository.ts';
import { json, Places } from './mediation.places.ts';
import type { MediationCaseTable, MediationPartyTable } from './mediation.tables.ts';

/** A case the actor may `access` (casePolicy); one outside their region answers 404 like a missing one. */
export async function loadCase(db: DbOrTx, actor: Actor, id: string, access: CaseAccess): Promise<MediationCaseTable> {
  const row = await loadInScope(actor, repo.findCase(db, id), (r) => r.region_code, 'mediation.read');
  enforce(casePolicy, actor, access, caseSubject(row));
  return row;
}

/** The case list and the case file as officials, mediators and village cadres read them (parties masked). */
export class CaseReads {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  private today(): string {
    return chinaDate(this.ctx.clock.now());
  }

  async list(rc: RequestContext, query: CaseListQuery): Promise<CaseListDto> {
    const actor = signedIn(rc.actor);
    const listed = caseCollection(query.regionCode ?? listScope(actor));
    enforce(casePolicy, actor, 'read', listed);
    const today = this.today();
    // A number typed into the search finds the case whose text holds it sealed: sealing is deterministic (SECURITY.md 30).
    const q = query.q && sealFreeText(this.ctx.cipher, query.q);
    const { rows, total } = await repo.listCases(this.ctx.db, listScope(actor), { ...query, q }, today);
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
      abilities: abilitiesOf(casePolicy, actor, listed, ['create', 'export']),
    };
  }

  async get(rc: RequestContext, id: string): Promise<CaseDto> {
    const actor = signedIn(rc.actor);
    const row = await loadCase(this.ctx.db, actor, id, 'read');
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
    const subject = caseSubject(row);
    const may = (access: CaseAccess) => casePolicy(actor, access, subject).ok;
    return {
      ...caseListItem(row, parties, refs, this.today()),
      committee: committee ?? null,
      mediator: mediator ?? null,
      referrer: row.referrer,
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
      performance: row.performance,
      performanceNote: row.performance_note,
      failure:
        row.failed_on && row.failure_route
          ? {
              failedOn: row.failed_on,
              route: row.failure_route,
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
        // `handle`: the case's evidence may be added to (attachments), at any step.
        handle: may('attach'),
        reveal: may('reveal'),
        editParties: may('editParties'),
        actions: CASE_ACTIONS.filter(may),
        record: RECORDING_NAMES.filter(may),
        aid: may('aid'),
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
              cases: mine.slice(0, 5).map((r) => ({ id: r.id, caseNo: r.case_no, registeredOn: r.registered_on, status: r.status })),
            },
          ];
    });
  }
}
