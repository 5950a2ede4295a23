import { maskFreeText } from '@rg/domain/personal/free-text';
import {
  CASE_SOURCE_LABELS,
  CASE_TYPE_LABELS,
  FAILURE_ROUTE_LABELS,
  REFERRER_LABELS,
  RISK_LEVEL_LABELS,
  RISK_REASON_LABELS,
  type RiskReason,
} from '@rg/domain/mediation/case.schema';
import { CASE_STATUS_LABELS, isOverdue, PERFORMANCE_LABELS } from '@rg/domain/mediation/case-workflow';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import type { RequestContext } from '../../core/access/actor.ts';
import { listScope, signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { sealFreeText } from '../../core/crypto/free-text.ts';
import { toXlsx, type ExportColumn } from '../../core/export/xlsx.ts';
import { invalid } from '../../core/http/errors.ts';
import { caseCollection, casePolicy } from './case.policy.ts';
import { chinaToday } from './mediation.cases.ts';
import * as repo from './mediation.cases.repository.ts';
import { json, Places } from './mediation.places.ts';
import type { MediationPartyTable } from './mediation.tables.ts';

/** One workbook holds at most this many cases; a wider export is refused with a hint to narrow it. */
export const CASE_EXPORT_LIMIT = 20_000;

type ExportRow = Awaited<ReturnType<typeof repo.casesForExport>>[number] & { path: string; parties: MediationPartyTable[] };

const ROLE_LABELS: Record<string, string> = { applicant: '申请人', respondent: '被申请人' };

/**
 * 人民调解案件登记台账 (P3.3(三)1): the cases a list filter finds, one row each, as the justice office keeps
 * them on paper. Party names are shown as in the list; ID numbers and phones only masked, whatever the
 * actor may reveal on screen (issue 4 "privacy": an export is a copy that leaves the system). Audited.
 */
export class CaseLedgerExport {
  private readonly places: Places;

  constructor(private readonly ctx: AppContext) {
    this.places = new Places(ctx);
  }

  async workbook(rc: RequestContext, query: repo.CaseFilters): Promise<Buffer> {
    const actor = signedIn(rc.actor);
    const scope = query.regionCode ?? listScope(actor);
    enforce(casePolicy, actor, 'export', caseCollection(scope));
    const today = chinaToday(this.ctx.clock.now());
    const q = query.q && sealFreeText(this.ctx.cipher, query.q); // as the list: a number finds its sealed text
    const cases = await repo.casesForExport(this.ctx.db, listScope(actor), { ...query, q }, today, CASE_EXPORT_LIMIT + 1);
    if (cases.length > CASE_EXPORT_LIMIT) throw invalid({ regionCode: 'mediation.export.tooMany' });
    const [parties, refs] = await Promise.all([
      repo.partiesOf(
        this.ctx.db,
        cases.map((c) => c.id),
      ),
      this.places.refs(cases.map((c) => c.region_code)),
    ]);
    const rows: ExportRow[] = cases.map((c) => ({
      ...c,
      path: refs.get(c.region_code)?.path ?? c.region_code,
      parties: parties.get(c.id) ?? [],
    }));
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.mediation_cases',
      objectType: 'region',
      objectRegion: scope,
      detail: { filters: query, rows: rows.length },
    });
    return toXlsx('人民调解案件登记台账', this.columns(today), rows);
  }

  private columns(today: string): ExportColumn<ExportRow>[] {
    const { cipher } = this.ctx;
    const partyList = (r: ExportRow) => r.parties.map((p) => `${ROLE_LABELS[p.role] ?? p.role}：${p.name}`).join('；');
    const sealedList = (r: ExportRow, pick: (p: MediationPartyTable) => string | null, mask: (v: string) => string) =>
      r.parties
        .flatMap((p) => {
          const enc = pick(p);
          return enc ? [`${p.name} ${mask(cipher.decrypt(enc))}`] : [];
        })
        .join('；');
    return [
      { header: '案件编号', width: 30, value: (r) => r.case_no },
      { header: '所在地', width: 30, value: (r) => r.path },
      { header: '调解组织', width: 24, value: (r) => r.committee_name },
      { header: '调解员', value: (r) => r.mediator_name },
      { header: '纠纷类型', value: (r) => CASE_TYPE_LABELS[r.case_type] },
      { header: '案件来源', value: (r) => CASE_SOURCE_LABELS[r.source] },
      { header: '移送单位', value: (r) => (r.referrer ? REFERRER_LABELS[r.referrer] : null) },
      { header: '当事人', width: 30, value: partyList },
      { header: '身份证号码（脱敏）', width: 34, value: (r) => sealedList(r, (p) => p.id_number_enc, maskIdCard) },
      { header: '联系电话（脱敏）', width: 30, value: (r) => sealedList(r, (p) => p.phone_enc, maskMobile) },
      { header: '纠纷简要情况', width: 40, value: (r) => maskFreeText(r.description) }, // SECURITY.md 30
      { header: '涉及金额（元）', value: (r) => (r.amount_fen === null ? null : Number(r.amount_fen) / 100) },
      { header: '涉及人数', width: 10, value: (r) => r.people_count },
      { header: '风险等级', width: 10, value: (r) => RISK_LEVEL_LABELS[r.risk_level] },
      {
        header: '风险因素',
        width: 24,
        value: (r) =>
          json
            .parse<RiskReason[]>(r.risk_reasons, [])
            .map((k) => RISK_REASON_LABELS[k] ?? k)
            .join('、'),
      },
      { header: '可能民转刑', width: 12, value: (r) => (r.criminal_risk === 1 ? '是' : '否') },
      { header: '登记日期', width: 12, value: (r) => r.registered_on },
      { header: '办理期限', width: 12, value: (r) => r.due_on },
      { header: '是否超期', width: 10, value: (r) => (isOverdue(r.due_on, r.concluded_on, today) ? '是' : '否') },
      { header: '状态', width: 10, value: (r) => CASE_STATUS_LABELS[r.status] },
      {
        header: '调解结果',
        width: 12,
        value: (r) => (r.outcome === 'agreement' ? '达成协议' : r.outcome === 'failed' ? '调解不成' : null),
      },
      { header: '达成协议日期', width: 12, value: (r) => r.agreed_on },
      {
        header: '协议履行情况',
        width: 12,
        value: (r) => (r.performance ? PERFORMANCE_LABELS[r.performance] : null),
      },
      {
        header: '调解不成去向',
        width: 28,
        value: (r) => (r.failure_route ? `${FAILURE_ROUTE_LABELS[r.failure_route]}：${r.failure_destination ?? ''}` : null),
      },
      { header: '回访日期', width: 12, value: (r) => r.visited_on },
      { header: '结案日期', width: 12, value: (r) => r.closed_on },
    ];
  }
}
