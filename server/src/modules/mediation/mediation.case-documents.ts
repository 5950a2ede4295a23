import { maskFreeText } from '@rg/domain/personal/free-text';
import { unsealFreeText } from '../../core/crypto/free-text.ts';
import type { CaseTextField, PartyKind, PartyRole } from '@rg/domain/mediation/case.schema';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import { revealFreeText, revealSealed } from '../../core/audit/reveal.ts';
import type { AppContext } from '../../core/context.ts';
import { invalid, notFound } from '../../core/http/errors.ts';
import { agreementDocx } from './mediation.agreement-docx.ts';
import { casePolicy, caseSubject } from './case.policy.ts';
import { loadCase } from './mediation.case-reads.ts';
import * as repo from './mediation.cases.repository.ts';
import { Places } from './mediation.places.ts';
import type { MediationCaseTable, MediationPartyTable } from './mediation.tables.ts';

/** What leaves a case with personal data in it: a revealed party field, the agreement, a party for legal aid. */
export class CaseDocuments {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  /** A party's full ID number or phone, for holders of `personal.reveal` in the case's region; audited. */
  async revealParty(rc: RequestContext, caseId: string, partyId: string, field: 'phone' | 'idNumber'): Promise<{ value: string }> {
    const row = await loadCase(this.ctx.db, signedIn(rc.actor), caseId, 'reveal');
    const party = await repo.partyOf(this.ctx.db, caseId, partyId);
    const sealed = field === 'phone' ? party?.phone_enc : party?.id_number_enc;
    if (!party || !sealed) throw notFound();
    const value = await revealSealed(this.ctx, rc, {
      action: 'mediation.reveal',
      objectType: 'mediation_party',
      objectId: partyId,
      regionCode: row.region_code,
      sealed,
      detail: { caseNo: row.case_no, field },
    });
    return { value };
  }

  /** A text of the case with the numbers typed into it in full, for holders of `personal.reveal`; audited (SECURITY.md 30). */
  async revealText(rc: RequestContext, caseId: string, field: CaseTextField): Promise<{ value: string }> {
    const row = await loadCase(this.ctx.db, signedIn(rc.actor), caseId, 'reveal');
    const text = {
      description: row.description,
      referralNote: row.referral_note,
      agreementTerms: row.agreement_terms,
      confirmationNote: row.confirmation_note,
      performanceNote: row.performance_note,
      failureReason: row.failure_reason,
      visitNote: row.visit_note,
    }[field];
    if (text === null) throw notFound();
    const value = await revealFreeText(this.ctx, rc, {
      action: 'mediation.reveal',
      objectType: 'mediation_case',
      objectId: caseId,
      regionCode: row.region_code,
      text,
      detail: { caseNo: row.case_no, field },
    });
    return { value: value ?? '' };
  }

  /**
   * 调解协议书 (.docx). Full ID numbers and phones only for holders of `personal.reveal`, and then the
   * download is audited as a reveal; everyone else gets the masked values.
   */
  async agreementDocument(rc: RequestContext, id: string): Promise<{ fileName: string; body: Buffer }> {
    const actor = signedIn(rc.actor);
    const row = await loadCase(this.ctx.db, actor, id, 'agreement');
    const full = casePolicy(actor, 'reveal', caseSubject(row)).ok;
    const parties = (await repo.partiesOf(this.ctx.db, [id])).get(id) ?? [];
    const { committee, mediator } = await repo.committeeAndMediator(this.ctx.db, row);
    const place = await this.places.ref(row.region_code);
    const { cipher } = this.ctx;
    const shown = (text: string) => (full ? unsealFreeText(cipher, text) : maskFreeText(text));
    const body = await agreementDocx({
      caseNo: row.case_no,
      committeeName: committee?.name ?? `${place.name}人民调解委员会`,
      // The signed agreement carries the numbers in its texts in full for whoever may reveal them (audited below
      // as a full download), masked for everyone else (SECURITY.md 30).
      facts: shown(row.description),
      terms: shown(row.agreement_terms ?? ''),
      performanceDeadline: row.performance_deadline,
      mediatorName: mediator?.name ?? null,
      // Set with the agreement, which the policy has required.
      agreedOn: row.agreed_on ?? '',
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
    const row = await loadCase(this.ctx.db, actor, caseId, 'read');
    const aid = casePolicy(actor, 'aid', caseSubject(row));
    // A case that did not fail is a wrong choice in the aid form: 400 naming the field, not a 409.
    if (!aid.ok && aid.status === 'conflict') throw invalid({ caseId: 'mediation.aid.notFailed' });
    enforce(casePolicy, actor, 'aid', caseSubject(row));
    const party = await repo.partyOf(this.ctx.db, caseId, partyId);
    if (!party) throw invalid({ partyId: 'mediation.aid.party.required' });
    return { row, party };
  }
}
