import { maskFreeText } from '@rg/domain/personal/free-text';
import {
  AID_STEP_NAMES,
  ASSIGNEE_KIND_LABELS,
  type AidCreate,
  type AidDto,
  type AidListDto,
  type AidListQuery,
  type AidStatus,
} from '@rg/domain/mediation/aid.schema';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import type { z } from 'zod';
import type { aidAssignSchema, aidCloseSchema, aidReviewSchema } from '@rg/domain/mediation/aid.schema';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import { revealSealed } from '../../core/audit/reveal.ts';
import type { AppContext } from '../../core/context.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import { aidPolicy, aidSubject, type AidAccess } from './aid.policy.ts';
import * as repo from './mediation.aid.repository.ts';
import type { CasesService } from './mediation.cases.ts';
import { caseNumbers } from './mediation.cases.repository.ts';
import { aidDecisionDocx } from './mediation.aid-decision-docx.ts';
import { json, Places } from './mediation.places.ts';
import { effectiveSettings } from './mediation.settings.ts';
import type { MediationAidTable } from './mediation.tables.ts';
import { newId } from '../../core/db/ids.ts';

export type AidStepBody =
  | { step: 'review'; body: z.infer<typeof aidReviewSchema> }
  | { step: 'assign'; body: z.infer<typeof aidAssignSchema> }
  | { step: 'close'; body: z.infer<typeof aidCloseSchema> };

/** 法律援助 for people in hardship (P1.4(4)); criteria from the region's settings. */
export class AidService {
  private readonly places: Places;

  constructor(
    private readonly ctx: AppContext,
    private readonly cases: CasesService,
  ) {
    this.places = new Places(ctx);
  }

  private async dtos(actor: Actor, rows: MediationAidTable[]): Promise<AidDto[]> {
    const refs = await this.places.refs(rows.map((r) => r.region_code));
    const caseNos = await caseNumbers(
      this.ctx.db,
      rows.map((r) => r.case_id).filter((c): c is string => c !== null),
    );
    return rows.map((r) => {
      const subject = aidSubject(r);
      const may = (access: AidAccess) => aidPolicy(actor, access, subject).ok;
      return {
        id: r.id,
        region: refs.get(r.region_code) ?? { code: r.region_code, name: r.region_code, path: r.region_code },
        caseId: r.case_id,
        caseNo: r.case_id ? (caseNos.get(r.case_id) ?? null) : null,
        applicantName: r.applicant_name,
        idNumber: maskIdCard(this.ctx.cipher.decrypt(r.id_number_enc)),
        phone: maskMobile(this.ctx.cipher.decrypt(r.phone_enc)),
        address: r.address,
        matter: r.matter,
        facts: r.facts,
        hardship: json.parse<string[]>(r.hardship, []),
        status: r.status,
        appliedOn: r.applied_on,
        review: r.reviewed_on ? { approved: r.approved === 1, reason: r.review_reason ?? '', reviewedOn: r.reviewed_on } : null,
        assignment:
          r.assigned_on && r.assignee_kind ? { name: r.assignee_name ?? '', kind: r.assignee_kind, assignedOn: r.assigned_on } : null,
        result: r.closed_on && r.result ? { result: r.result, note: r.result_note, closedOn: r.closed_on } : null,
        version: r.version,
        abilities: {
          manage: may('create'),
          reveal: may('reveal'),
          decision: may('decision'),
          steps: AID_STEP_NAMES.filter(may),
        },
      };
    });
  }

  async list(rc: RequestContext, query: AidListQuery): Promise<AidListDto> {
    const actor = signedIn(rc.actor);
    const listed = { regionCode: query.regionCode ?? listScope(actor), status: null, reviewed: false, submittedBy: null };
    enforce(aidPolicy, actor, 'read', listed);
    const { rows, total } = await repo.listAid(this.ctx.db, listed.regionCode, query);
    return {
      items: await this.dtos(actor, rows),
      total,
      page: query.page,
      pageSize: query.pageSize,
      abilities: abilitiesOf(aidPolicy, actor, listed, ['create']),
    };
  }

  /** An application the actor may `access` (aidPolicy); outside their region 404 like a missing one. */
  private async load(actor: Actor, id: string, access: AidAccess): Promise<MediationAidTable> {
    const row = await loadInScope(actor, repo.findAid(this.ctx.db, id), (r) => r.region_code, 'mediation.read');
    enforce(aidPolicy, actor, access, aidSubject(row));
    return row;
  }

  async get(rc: RequestContext, id: string): Promise<AidDto> {
    const actor = signedIn(rc.actor);
    const [dto] = await this.dtos(actor, [await this.load(actor, id, 'read')]);
    if (!dto) throw notFound();
    return dto;
  }

  async create(rc: RequestContext, input: AidCreate): Promise<AidDto> {
    const actor = signedIn(rc.actor);
    const { cipher } = this.ctx;
    let row: MediationAidTable;
    const now = this.ctx.clock.now().toISOString();
    const applied: AidStatus = 'applied';
    const base = {
      id: newId(),
      status: applied,
      applied_on: input.appliedOn,
      hardship: JSON.stringify(input.hardship),
      matter: input.matter,
      approved: null,
      review_reason: null,
      reviewed_on: null,
      assignee_name: null,
      assignee_kind: null,
      assigned_on: null,
      result: null,
      result_note: null,
      closed_on: null,
      submitted_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    if ('caseId' in input) {
      // 调解不成转法律援助: the party and the facts come from the case; no personal data travels.
      const { row: c, party } = await this.cases.documents.caseForAid(actor, input.caseId, input.partyId);
      if (!party.id_number_enc || !party.phone_enc || party.kind !== 'person') throw invalid({ partyId: 'mediation.aid.party.noId' });
      row = {
        ...base,
        region_code: c.region_code,
        case_id: c.id,
        applicant_name: party.name,
        id_number_enc: party.id_number_enc,
        id_number_hash: party.id_number_hash ?? '',
        phone_enc: party.phone_enc,
        phone_hash: party.phone_hash ?? '',
        address: party.address,
        facts: `${c.description}\n（调解不成：${c.failure_reason ?? ''}，已引导至${c.failure_destination ?? ''}）`.slice(0, 2000),
      };
    } else {
      enforce(aidPolicy, actor, 'create', { regionCode: input.regionCode, status: null, reviewed: false, submittedBy: null });
      await this.places.existing(input.regionCode, 'regionCode');
      row = {
        ...base,
        region_code: input.regionCode,
        case_id: null,
        applicant_name: input.applicantName,
        id_number_enc: cipher.encrypt(input.idNumber),
        id_number_hash: cipher.lookupHash(input.idNumber),
        phone_enc: cipher.encrypt(input.phone),
        phone_hash: cipher.lookupHash(input.phone),
        address: input.address ?? null,
        facts: input.facts,
      };
    }
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertAid(tx, row);
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.aid_apply',
        objectType: 'mediation_aid',
        objectId: row.id,
        objectRegion: row.region_code,
        detail: { caseId: row.case_id, applicant: row.applicant_name, matter: row.matter, hardship: input.hardship },
      });
      await this.ctx.events.publish(tx, {
        type: 'mediation.aid_applied',
        regionCode: row.region_code,
        occurredOn: row.applied_on,
        payload: { fromCase: row.case_id !== null },
      });
    });
    return this.get(rc, row.id);
  }

  async step(rc: RequestContext, id: string, step: AidStepBody): Promise<AidDto> {
    const row = await this.load(signedIn(rc.actor), id, step.step);
    let changes: Partial<MediationAidTable>;
    switch (step.step) {
      case 'review': {
        if (step.body.approve) {
          // Eligibility (经济困难审查): at least one of the hardship situations the region recognises.
          const { aidCriteria } = await effectiveSettings(this.ctx.db, row.region_code);
          const met = json.parse<string[]>(row.hardship, []).filter((h) => aidCriteria.includes(h));
          if (met.length === 0) throw invalid({ hardship: 'mediation.aid.hardship.unmet' });
        }
        changes = {
          status: step.body.approve ? 'approved' : 'rejected',
          approved: step.body.approve ? 1 : 0,
          review_reason: step.body.reason,
          reviewed_on: step.body.reviewedOn,
        };
        break;
      }
      case 'assign':
        changes = {
          status: 'assigned',
          assignee_name: step.body.assigneeName,
          assignee_kind: step.body.assigneeKind,
          assigned_on: step.body.assignedOn,
        };
        break;
      case 'close':
        changes = { status: 'closed', result: step.body.result, result_note: step.body.resultNote ?? null, closed_on: step.body.closedOn };
        break;
    }
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.updateAid(tx, row, changes, this.ctx.clock.now().toISOString()))) throw conflict();
      await this.ctx.audit.append(tx, rc, {
        action: `mediation.aid_${step.step}`,
        objectType: 'mediation_aid',
        objectId: id,
        objectRegion: row.region_code,
        detail: { from: row.status, to: changes.status, ...step.body },
      });
    });
    return this.get(rc, id);
  }

  async reveal(rc: RequestContext, id: string, field: 'phone' | 'idNumber'): Promise<{ value: string }> {
    const row = await this.load(signedIn(rc.actor), id, 'reveal');
    const value = await revealSealed(this.ctx, rc, {
      action: 'mediation.reveal',
      objectType: 'mediation_aid',
      objectId: id,
      regionCode: row.region_code,
      sealed: field === 'phone' ? row.phone_enc : row.id_number_enc,
      detail: { field },
    });
    return { value };
  }

  /**
   * The decision letter after review (给予／不予法律援助决定书). The ID number is printed in full only for
   * those who may reveal it, and each download is audited like a reveal or an export.
   */
  async decisionDocument(rc: RequestContext, id: string): Promise<{ fileName: string; body: Buffer }> {
    const actor = signedIn(rc.actor);
    const row = await this.load(actor, id, 'decision');
    const full = aidPolicy(actor, 'reveal', aidSubject(row)).ok;
    const idNumber = this.ctx.cipher.decrypt(row.id_number_enc);
    const county = await this.places.ref(row.region_code.slice(0, 6));
    const approved = row.approved === 1;
    const body = await aidDecisionDocx({
      office: `${county.name}法律援助中心`,
      applicantName: row.applicant_name,
      idNumber: full ? idNumber : maskIdCard(idNumber),
      address: row.address,
      matter: row.matter,
      hardship: json.parse<string[]>(row.hardship, []).map(maskFreeText),
      appliedOn: row.applied_on,
      approved,
      // Numbers typed into texts stay masked in the letter (SECURITY.md 30); the structured ID above is the one it needs.
      reason: maskFreeText(row.review_reason ?? ''),
      // Set by the review, which the policy has required.
      reviewedOn: row.reviewed_on ?? '',
      assignee:
        approved && row.assignee_name
          ? { kindLabel: row.assignee_kind ? ASSIGNEE_KIND_LABELS[row.assignee_kind] : '', name: row.assignee_name }
          : null,
    });
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: full ? 'mediation.aid_decision_full' : 'export.mediation_aid_decision',
      objectType: 'mediation_aid',
      objectId: id,
      objectRegion: row.region_code,
      detail: { approved, personalData: full ? 'full' : 'masked' },
    });
    return { fileName: `${approved ? '给予' : '不予'}法律援助决定书（${row.applicant_name}）.docx`, body };
  }
}
