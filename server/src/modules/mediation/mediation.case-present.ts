import type { CaseListItemDto, MyApplicationDto, PartyDto, PartyKind, PartyRole } from '@rg/domain/mediation/case.schema';
import { isOverdue } from '@rg/domain/mediation/case-workflow';
import type { PlaceRef } from '@rg/domain/mediation/common.schema';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import type { PersonalDataCipher } from '../../core/crypto/personal-data.ts';
import type { MediationCaseTable, MediationPartyTable } from './mediation.tables.ts';

/** A case as a list shows it; `today` decides whether it is overdue. */
export function caseListItem(
  row: MediationCaseTable,
  parties: readonly MediationPartyTable[],
  refs: Map<string, PlaceRef>,
  today: string,
): CaseListItemDto {
  return {
    id: row.id,
    caseNo: row.case_no,
    region: refs.get(row.region_code) ?? { code: row.region_code, name: row.region_code, path: row.region_code },
    caseType: row.case_type,
    source: row.source,
    online: row.online === 1,
    summary: row.description.slice(0, 60),
    partyNames: parties.map((p) => p.name).join('、'),
    riskLevel: row.risk_level,
    criminalRisk: row.criminal_risk === 1,
    status: row.status,
    registeredOn: row.registered_on,
    dueOn: row.due_on,
    overdue: isOverdue(row.due_on, row.concluded_on, today),
    outcome: row.outcome,
  };
}

/** A party with the ID number and phone masked: the full values only through an audited reveal. */
export function partyDto(cipher: PersonalDataCipher, p: MediationPartyTable): PartyDto {
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

/** A villager's view of their own application (no one else's data). */
export function myApplicationDto(row: MediationCaseTable): MyApplicationDto {
  return {
    id: row.id,
    caseNo: row.case_no,
    caseType: row.case_type,
    summary: row.description.slice(0, 60),
    status: row.status,
    registeredOn: row.registered_on,
    outcome: row.outcome,
  };
}
