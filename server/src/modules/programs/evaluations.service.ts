import type { Criterion, DesignationDetailDto, EvaluationCreate, TemplateDto, TemplatePut } from '@rg/domain/programs/evaluation.schema';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { newId } from '../../core/db/ids.ts';
import { AppError } from '../../core/http/errors.ts';
import { DesignationDetails } from './designation-details.service.ts';
import { evaluationPolicy } from './evaluation.policy.ts';
import * as repo from './evaluations.repository.ts';
import { todayOf } from './programs.dates.ts';
import * as programs from './programs.repository.ts';
import { ProgramsService } from './programs.service.ts';

/**
 * 绩效评价 and 考核验收 (P2.4(4), P3.4(5)): an inspector team scores designated units against the
 * programme's template (criteria and weights); a passed acceptance confers the honour title.
 * Deliberately small and self-contained — the general assessment engine belongs to the indicators module.
 */
export class EvaluationsService {
  private readonly programs: ProgramsService;
  private readonly details: DesignationDetails;

  constructor(private readonly ctx: AppContext) {
    this.programs = new ProgramsService(ctx);
    this.details = new DesignationDetails(ctx);
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
    return this.details.template(programId);
  }

  /**
   * 评价: every criterion scored 0–100 (400 naming the missing ones); the total is the weighted
   * mean; pass when it reaches the pass mark; a passed 考核验收 confers the programme's honour title.
   */
  async evaluate(rc: RequestContext, designationId: string, input: EvaluationCreate): Promise<DesignationDetailDto> {
    const { designation, program, subject } = await this.details.load(signedIn(rc.actor), designationId);
    const actor = enforce(evaluationPolicy, rc.actor, 'evaluate', subject);
    const template = await this.details.template(program.id);
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
    return this.details.detail(rc, designationId);
  }
}
