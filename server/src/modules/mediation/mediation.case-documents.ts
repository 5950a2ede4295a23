import type { PartyKind, PartyRole } from '@rg/domain/mediation/case.schema';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, can } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, invalid, notFound } from '../../core/http/errors.ts';
import { agreementDocx } from './mediation.agreement-docx.ts';
import type { CaseReads } from './mediation.case-reads.ts';
import * as repo from './mediation.cases.repository.ts';
import { Places } from './mediation.places.ts';
import type { MediationCaseTable, MediationPartyTable } from './mediation.tables.ts';

/** What leaves a case with personal data in it: a revealed party field, the agreement, a party for legal aid. */
export class CaseDocuments {
  private readonly places: Places;

  constructor(
    private readonly ctx: AppContext,
    private readonly reads: CaseReads,
  ) {
    this.places = new Places(ctx);
  }

  /** A party's full ID number or phone, for holders of `personal.reveal` in the case's region; audited. */
  async revealParty(rc: RequestContext, caseId: string, partyId: string, field: 'phone' | 'idNumber'): Promise<{ value: string }> {
    const actor = authorize(rc.actor, 'personal.reveal');
    const row = await this.reads.load(actor, caseId, 'mediation.read');
    authorize(actor, 'personal.reveal', { regionCode: row.region_code });
    const party = await repo.partyOf(this.ctx.db, caseId, partyId);
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
    const row = await this.reads.load(actor, id, 'mediation.read');
    if (!row.agreed_on) throw new AppError('conflict', 'mediation.agreement.none');
    const full = can(actor, 'personal.reveal', { regionCode: row.region_code });
    const parties = (await repo.partiesOf(this.ctx.db, [id])).get(id) ?? [];
    const { committee, mediator } = await repo.committeeAndMediator(this.ctx.db, row);
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
    const row = await this.reads.load(actor, caseId, 'mediation.read');
    if (row.outcome !== 'failed') throw invalid({ caseId: 'mediation.aid.notFailed' });
    const party = await repo.partyOf(this.ctx.db, caseId, partyId);
    if (!party) throw invalid({ partyId: 'mediation.aid.party.required' });
    return { row, party };
  }
}
