import type { ReviewLevel } from '@rg/domain/programs/catalog';
import type { Criterion, DesignationDetailDto, EvaluationDto, ReportDto, TemplateDto } from '@rg/domain/programs/evaluation.schema';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize } from '../../core/access/authorize.ts';
import { abilitiesOf } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import * as designations from './designations.repository.ts';
import { DesignationsService } from './designations.service.ts';
import { evaluationPolicy, type EvaluationSubject } from './evaluation.policy.ts';
import * as repo from './evaluations.repository.ts';
import * as programs from './programs.repository.ts';
import { parseJson, ProgramsService } from './programs.service.ts';
import type { ProgramEvaluationTable, ProgramReportTable } from './programs.tables.ts';

/** A yearly report as the policy sees it (its designation is live: a revoked one takes no new report). */
export function reportSubject(row: ProgramReportTable): EvaluationSubject {
  return {
    regionCode: row.unit_code,
    live: true,
    reviewerRegion: row.reviewer_region,
    reportStatus: row.status,
    submittedBy: row.submitted_by,
  };
}

/**
 * A designated unit's page (P2.4(4), P3.4(5)): its title, yearly reports, evaluations and the
 * programme's scoring template, with what the actor may do there.
 */
export class DesignationDetails {
  private readonly designations: DesignationsService;

  constructor(private readonly ctx: AppContext) {
    this.designations = new DesignationsService(ctx);
  }

  async load(
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
  reviewerOf(program: programs.ProgramRow, unitCode: string): string {
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

  async template(programId: string): Promise<TemplateDto | null> {
    const row = await programs.findTemplate(this.ctx.db, programId);
    return row ? { criteria: parseJson<Criterion[]>(row.criteria), passMark: row.pass_mark } : null;
  }

  async detail(rc: RequestContext, designationId: string): Promise<DesignationDetailDto> {
    const actor = authorize(rc.actor, 'programs.read');
    const { designation, program, subject } = await this.load(actor, designationId);
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
}
