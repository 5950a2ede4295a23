import type {
  Criterion,
  DesignationDetailDto,
  EvaluationCreate,
  EvaluationDto,
  ReportDto,
  TemplateDto,
  TemplatePut,
} from '@rg/domain/programs/evaluation.schema';
import type { ReviewLevel } from '@rg/domain/programs/catalog';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, conflict, notFound } from '../../core/http/errors.ts';
import { todayOf } from './programs.dates.ts';
import { DesignationsService } from './designations.service.ts';
import { evaluationPolicy, type EvaluationSubject } from './evaluation.policy.ts';
import { plainText, sanitizeRichText } from './programs.richtext.ts';
import * as designations from './designations.repository.ts';
import * as repo from './evaluations.repository.ts';
import * as programs from './programs.repository.ts';
import { parseJson, ProgramsService } from './programs.service.ts';
import type { ProgramEvaluationTable, ProgramReportTable } from './programs.tables.ts';
import { newId } from '../../core/db/ids.ts';

/** A yearly report as the policy sees it (its designation is live: a revoked one takes no new report). */
function reportSubject(row: ProgramReportTable): EvaluationSubject {
  return {
    regionCode: row.unit_code,
    live: true,
    reviewerRegion: row.reviewer_region,
    reportStatus: row.status,
    submittedBy: row.submitted_by,
  };
}

/**
 * 年度总结评估, 绩效评价 and 考核验收 (P2.4(4), P3.4(5)): designated units report yearly to the
 * programme's first review level; an inspector team scores them against the programme's template
 * (criteria and weights); a passed acceptance confers the honour title. Deliberately small and
 * self-contained — the general assessment engine belongs to the indicators module.
 */
export class EvaluationsService {
  private readonly programs: ProgramsService;
  private readonly designations: DesignationsService;

  constructor(private readonly ctx: AppContext) {
    this.programs = new ProgramsService(ctx);
    this.designations = new DesignationsService(ctx);
  }

  private async loadDesignation(
    actor: Actor,
    id: string,
  ): Promise<{ designation: designations.DesignationRow; program: programs.ProgramRow; subject: EvaluationSubject }> {
    const designation = await this.designations.load(actor, id);
    const program = await programs.findProgram(this.ctx.db, designation.program_id);
    if (!program) throw notFound();
    const subject: EvaluationSubject = {
      regionCode: designation.unit_code,
      live: designation.status !== 'revoked',
      reviewerRegion: this.reviewerOf(program, designation.unit_code),
      reportStatus: null,
      submittedBy: null,
    };
    return { designation, program, subject };
  }

  /** The report reviewer: the programme's first review level above the unit (e.g. the province). */
  private reviewerOf(program: programs.ProgramRow, unitCode: string): string {
    const first = parseJson<ReviewLevel[]>(program.review_chain)[0] ?? program.organiser_level;
    return ProgramsService.reviewerOf(unitCode, first);
  }

  private reportDto(actor: Actor, row: ProgramReportTable): ReportDto {
    return {
      id: row.id,
      year: row.year,
      content: row.content,
      status: row.status,
      reviewerRegion: row.reviewer_region,
      reviewComment: row.review_comment,
      submittedAt: row.submitted_at,
      reviewedAt: row.reviewed_at,
      abilities: abilitiesOf(evaluationPolicy, actor, reportSubject(row), ['reviewReport']),
    };
  }

  private evaluationDto(row: ProgramEvaluationTable): EvaluationDto {
    return {
      id: row.id,
      kind: row.kind,
      scores: parseJson<EvaluationDto['scores']>(row.scores),
      total: row.total_x10 / 10,
      passMark: row.pass_mark,
      passed: row.passed === 1,
      honourTitle: row.honour_title,
      evaluatorName: row.evaluator_name,
      evaluatedOn: row.evaluated_on,
    };
  }

  private async template(programId: string): Promise<TemplateDto | null> {
    const row = await programs.findTemplate(this.ctx.db, programId);
    return row ? { criteria: parseJson<Criterion[]>(row.criteria), passMark: row.pass_mark } : null;
  }

  async detail(rc: RequestContext, designationId: string): Promise<DesignationDetailDto> {
    const actor = authorize(rc.actor, 'programs.read');
    const { designation, program, subject } = await this.loadDesignation(actor, designationId);
    const reports = await repo.reportsOf(this.ctx.db, designationId);
    const evaluations = await repo.evaluationsOf(this.ctx.db, [designationId], 'desc');
    return {
      designation: this.designations.toDto(actor, designation),
      reports: reports.map((r) => this.reportDto(actor, r)),
      evaluations: evaluations.map((e) => this.evaluationDto(e)),
      template: await this.template(program.id),
      abilities: abilitiesOf(evaluationPolicy, actor, subject, ['report', 'evaluate']),
    };
  }

  /** 报送年度总结: one per year; a returned one may be sent again, any other state is a 409. */
  async submitReport(rc: RequestContext, designationId: string, year: number, content: string): Promise<DesignationDetailDto> {
    const { designation, program, subject } = await this.loadDesignation(signedIn(rc.actor), designationId);
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
          reviewer_region: this.reviewerOf(program, designation.unit_code),
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
    return this.detail(rc, designationId);
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
    return this.detail(rc, report.designation_id);
  }

  /** 评分模板: the organiser sets criteria (keys k1…) with weights and the pass mark. */
  async putTemplate(rc: RequestContext, programId: string, input: TemplatePut): Promise<TemplateDto> {
    const { row: program } = await this.programs.loadManaged(rc, programId);
    const criteria: Criterion[] = input.criteria.map((c, i) => ({ key: `k${i + 1}`, name: c.name, weight: c.weight }));
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await programs.replaceTemplate(tx, {
        program_id: programId,
        criteria: JSON.stringify(criteria),
        pass_mark: input.passMark,
        updated_at: now,
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.template_set',
        objectType: 'program',
        objectId: programId,
        objectRegion: program.organiser_region,
        detail: { criteria, passMark: input.passMark },
      });
    });
    return { criteria, passMark: input.passMark };
  }

  async getTemplate(rc: RequestContext, programId: string): Promise<TemplateDto | null> {
    const actor = authorize(rc.actor, 'programs.read');
    await this.programs.load(actor, programId);
    return this.template(programId);
  }

  /**
   * 评价: every criterion scored 0–100 (400 naming the missing ones); the total is the weighted
   * mean; pass when it reaches the pass mark; a passed 考核验收 confers the programme's honour title.
   */
  async evaluate(rc: RequestContext, designationId: string, input: EvaluationCreate): Promise<DesignationDetailDto> {
    const { designation, program, subject } = await this.loadDesignation(signedIn(rc.actor), designationId);
    const actor = enforce(evaluationPolicy, rc.actor, 'evaluate', subject);
    const template = await this.template(program.id);
    if (!template) throw new AppError('conflict', 'programs.evaluation.noTemplate');
    const given = new Map(input.scores.map((s) => [s.key, s]));
    const missing = template.criteria.filter((c) => !given.has(c.key));
    if (missing.length > 0) {
      throw new AppError(
        'validation',
        'programs.evaluation.incomplete',
        Object.fromEntries(missing.map((c) => [`scores.${c.key}`, 'programs.score.required'])),
        { missing: missing.map((c) => c.name).join('、') },
      );
    }
    const scores = template.criteria.map((c) => ({
      ...c,
      score: given.get(c.key)?.score ?? 0,
      evidence: given.get(c.key)?.evidence ?? '',
    }));
    const weights = scores.reduce((n, s) => n + s.weight, 0);
    const totalX10 = Math.round((scores.reduce((n, s) => n + s.weight * s.score, 0) / weights) * 10);
    const passed = totalX10 >= template.passMark * 10;
    const honour = passed && input.kind === 'acceptance' ? program.honour_title : null;
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    const today = todayOf(this.ctx.clock);
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertEvaluation(tx, {
        id,
        designation_id: designationId,
        program_id: program.id,
        unit_code: designation.unit_code,
        kind: input.kind,
        scores: JSON.stringify(scores),
        total_x10: totalX10,
        pass_mark: template.passMark,
        passed: passed ? 1 : 0,
        honour_title: honour,
        evaluator_id: actor.userId,
        evaluator_name: actor.displayName,
        evaluated_on: today,
        created_at: now,
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.evaluate',
        objectType: 'program_designation',
        objectId: designationId,
        objectRegion: designation.unit_code,
        detail: { evaluationId: id, kind: input.kind, total: totalX10 / 10, passed },
      });
      await this.ctx.events.publish(tx, {
        type: 'programs.evaluated',
        regionCode: designation.unit_code,
        occurredOn: today,
        payload: {
          evaluationId: id,
          designationId,
          programId: program.id,
          kind: input.kind,
          total: totalX10 / 10,
          passed,
          honourTitle: honour,
        },
      });
    });
    return this.detail(rc, designationId);
  }
}
