import type { PartiesUpdate, PartyEdit, PartyInput } from '@rg/domain/mediation/case.schema';
import type { RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { PersonalDataCipher } from '../../core/crypto/personal-data.ts';
import { newId } from '../../core/db/ids.ts';
import { conflict, invalid } from '../../core/http/errors.ts';
import { loadCase } from './mediation.case-reads.ts';
import * as repo from './mediation.cases.repository.ts';
import type { MediationPartyTable } from './mediation.tables.ts';

type Sensitive = Pick<MediationPartyTable, 'id_number_enc' | 'id_number_hash' | 'phone_enc' | 'phone_hash'>;

/** An ID number or phone as stored: encrypted, with the keyed hash that finds it (SECURITY.md 13). */
function sealed(cipher: PersonalDataCipher, value: string | null | undefined): { enc: string | null; hash: string | null } {
  return value ? { enc: cipher.encrypt(value), hash: cipher.lookupHash(value) } : { enc: null, hash: null };
}

function sensitive(cipher: PersonalDataCipher, p: Pick<PartyInput, 'idNumber' | 'phone'>, kept?: Sensitive): Sensitive {
  const id = p.idNumber === undefined && kept ? { enc: kept.id_number_enc, hash: kept.id_number_hash } : sealed(cipher, p.idNumber);
  const phone = p.phone === undefined && kept ? { enc: kept.phone_enc, hash: kept.phone_hash } : sealed(cipher, p.phone);
  return { id_number_enc: id.enc, id_number_hash: id.hash, phone_enc: phone.enc, phone_hash: phone.hash };
}

/** The rows of a new case's parties, in the order given. */
export function partyRows(cipher: PersonalDataCipher, caseId: string, parties: readonly PartyInput[]): MediationPartyTable[] {
  return parties.map((p, seq) => ({
    id: newId(),
    case_id: caseId,
    seq,
    kind: p.kind,
    role: p.role,
    name: p.name,
    ...sensitive(cipher, p),
    address: p.address ?? null,
  }));
}

/** 修改当事人: names, roles, addresses, and new ID numbers or phones, as one audited change of the case. */
export class MediationParties {
  constructor(private readonly ctx: AppContext) {}

  async update(rc: RequestContext, caseId: string, input: PartiesUpdate): Promise<void> {
    // Parties may be corrected until the mediation has an outcome (casePolicy `editParties`).
    const row = await loadCase(this.ctx.db, signedIn(rc.actor), caseId, 'editParties');
    const existing = new Map(((await repo.partiesOf(this.ctx.db, [caseId])).get(caseId) ?? []).map((p) => [p.id, p]));
    const rows = input.parties.map((p, seq) => this.row(caseId, seq, p, existing));
    const names = (list: readonly { role: string; name: string }[]) =>
      list.map((p) => `${p.role === 'applicant' ? '申请人' : '被申请人'}：${p.name}`);
    await this.ctx.db.transaction().execute(async (tx) => {
      // The case's version moves with its parties, so a stale editor answers 409 and nothing is replaced.
      const current = { id: caseId, version: input.version, status: row.status };
      if (!(await repo.updateCase(tx, current, {}, this.ctx.clock.now().toISOString()))) throw conflict();
      await repo.replaceParties(tx, caseId, rows);
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.case_parties_update',
        objectType: 'mediation_case',
        objectId: caseId,
        objectRegion: row.region_code,
        detail: {
          caseNo: row.case_no,
          before: names([...existing.values()]),
          after: names(rows),
          // Which personal fields changed, never their values.
          newIdNumbers: input.parties.filter((p) => p.idNumber !== undefined).length,
          newPhones: input.parties.filter((p) => p.phone !== undefined).length,
        },
      });
    });
  }

  /** A kept party keeps its id and, unless replaced, its sealed ID number and phone. */
  private row(caseId: string, seq: number, p: PartyEdit, existing: Map<string, MediationPartyTable>): MediationPartyTable {
    const kept = p.id ? existing.get(p.id) : undefined;
    if (p.id && !kept) throw invalid({ [`parties.${seq}.id`]: 'mediation.party.notFound' });
    // An ID number is checked against the kind of party: changing the kind needs the number again.
    if (kept && kept.kind !== p.kind && kept.id_number_enc && p.idNumber === undefined)
      throw invalid({ [`parties.${seq}.idNumber`]: 'mediation.party.idNumber.reenter' });
    return {
      id: kept?.id ?? newId(),
      case_id: caseId,
      seq,
      kind: p.kind,
      role: p.role,
      name: p.name,
      ...sensitive(this.ctx.cipher, p, kept),
      address: p.address ?? null,
    };
  }
}
