import type { DesignationDetailDto } from '@rg/domain/programs/evaluation.schema';
import type { RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { newId } from '../../core/db/ids.ts';
import { AppError, conflict } from '../../core/http/errors.ts';
import { DesignationDetails, reportSubject } from './designation-details.service.ts';
import { evaluationPolicy } from './evaluation.policy.ts';
import * as repo from './evaluations.repository.ts';
import { plainText, sanitizeRichText } from './programs.richtext.ts';

/** 年度总结 (P2.4(4)): designated units report yearly to the programme's first review level, which accepts or returns. */
export class DesignationReports {
  private readonly details: DesignationDetails;

  constructor(private readonly ctx: AppContext) {
    this.details = new DesignationDetails(ctx);
  }

  /** 报送年度总结: one per year; a returned one may be sent again, any other state is a 409. */
  async submitReport(rc: RequestContext, designationId: string, year: number, content: string): Promise<DesignationDetailDto> {
    const { designation, program, subject } = await this.details.load(signedIn(rc.actor), designationId);
    const actor = enforce(evaluationPolicy, rc.actor, 'report', subject);
    const html = sanitizeRichText(content);
    if (plainText(html) === '') throw new AppError('validation', 'error.validation', { content: 'programs.report.empty' });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const existing = await repo.findReportOfYear(tx, designationId, year);
      let id = existing?.id ?? newId();
      if (existing && existing.status !== 'returned') throw new AppError('conflict', 'programs.report.exists', undefined, { year });
      if (existing) {
        const updated = await repo.updateReport(tx, existing.id, existing.version, {
          content: html,
          status: 'submitted',
          submitted_at: now,
          submitted_by: actor.userId,
          reviewed_at: null,
        });
        if (!updated) throw conflict();
      } else {
        id = newId();
        await repo.insertReport(tx, {
          id,
          designation_id: designationId,
          unit_code: designation.unit_code,
          year,
          content: html,
          status: 'submitted',
          reviewer_region: this.details.reviewerOf(program, designation.unit_code),
          review_comment: null,
          submitted_at: now,
          submitted_by: actor.userId,
          reviewed_at: null,
          version: 1,
        });
      }
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.report_submit',
        objectType: 'program_report',
        objectId: id,
        objectRegion: designation.unit_code,
        detail: { designationId, year },
      });
    });
    return this.details.detail(rc, designationId);
  }

  /** 审核年度总结 by the reviewer level; only a submitted report can be decided (else 409). */
  async reviewReport(rc: RequestContext, reportId: string, decision: 'accept' | 'return', comment: string): Promise<DesignationDetailDto> {
    const report = await loadInScope(signedIn(rc.actor), repo.findReport(this.ctx.db, reportId), (r) => r.unit_code, 'programs.review');
    enforce(evaluationPolicy, rc.actor, 'reviewReport', reportSubject(report));
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const decided = await repo.updateReport(tx, reportId, report.version, {
        status: decision === 'accept' ? 'accepted' : 'returned',
        review_comment: comment || null,
        reviewed_at: now,
      });
      if (!decided) throw conflict();
      await this.ctx.audit.append(tx, rc, {
        action: `programs.report_${decision}`,
        objectType: 'program_report',
        objectId: reportId,
        objectRegion: report.unit_code,
        detail: { year: report.year, comment },
      });
    });
    return this.details.detail(rc, report.designation_id);
  }
}
