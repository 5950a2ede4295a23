import type { ApplicationDto, ApplicationListQuery, ApplicationSummaryDto, PlanDiffDto } from '@rg/domain/programs/application.schema';
import { PLAN_SECTION_LABELS, PLAN_SECTIONS, type ReviewLevel } from '@rg/domain/programs/catalog';
import type { ContentArea } from '@rg/domain/programs/program.schema';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { applicationPolicy } from './application.policy.ts';
import { applicationSubject, applicationSummary, sectionsOf } from './application.presenter.ts';
import * as applications from './applications.repository.ts';
import { applicationFiles } from './programs.attachments.ts';
import * as programs from './programs.repository.ts';
import { plainText, textDiff } from './programs.richtext.ts';
import { parseJson } from './programs.service.ts';
import { readAudited } from '../../core/files/read-audited.ts';

/** 申报 as read: the list, one application with its plan, reviews and files, and the diff of two plan versions. */
export class ApplicationReads {
  constructor(private readonly ctx: AppContext) {}

  /** An application the actor may see: its unit inside the actor's region; else 404 like a missing one. */
  async load(actor: Actor, id: string): Promise<{ row: applications.ApplicationRow; program: programs.ProgramRow }> {
    const row = await loadInScope(actor, applications.findApplication(this.ctx.db, id), (r) => r.unit_code, 'programs.read');
    const program = await programs.findProgram(this.ctx.db, row.program_id);
    if (!program) throw notFound();
    return { row, program };
  }

  async list(rc: RequestContext, query: ApplicationListQuery): Promise<{ items: ApplicationSummaryDto[] }> {
    const actor = authorize(rc.actor, 'programs.read');
    const reviewer = query.awaitingMe === 'true' ? actor.homeRegion : null;
    const rows = await applications.listApplications(this.ctx.db, listScope(actor), query, reviewer);
    const chains = new Map<string, ReviewLevel[]>();
    for (const row of rows) {
      if (chains.has(row.program_id)) continue;
      const program = await programs.findProgram(this.ctx.db, row.program_id);
      chains.set(row.program_id, program ? parseJson<ReviewLevel[]>(program.review_chain) : []);
    }
    return { items: rows.map((r) => applicationSummary(r, chains.get(r.program_id) ?? [])) };
  }

  async get(rc: RequestContext, id: string): Promise<ApplicationDto> {
    const actor = authorize(rc.actor, 'programs.read');
    const { row, program } = await this.load(actor, id);
    const chain = parseJson<ReviewLevel[]>(program.review_chain);
    const versions = await applications.planVersions(this.ctx.db, id);
    const current = versions.find((v) => v.version === row.plan_version);
    const reviews = await applications.reviewsOf(this.ctx.db, id);
    const attachments = (await applicationFiles.of(this.ctx.db, [id])).get(id) ?? [];
    return {
      ...applicationSummary(row, chain),
      contentAreas: parseJson<string[]>(row.content_areas),
      availableAreas: parseJson<ContentArea[]>(program.content_areas),
      conditionAnswers: parseJson<{ key: string; answer: string }[]>(row.condition_answers),
      sections: sectionsOf(current?.sections),
      versions: versions.map((v) => ({ version: v.version, submittedAt: v.submitted_at, createdAt: v.created_at })),
      attachments,
      reviews: reviews.map((r) => ({
        id: r.id,
        level: r.level,
        reviewerRegion: r.reviewer_region,
        reviewerRegionName: r.reviewer_name,
        decision: r.decision,
        comment: r.comment,
        planVersion: r.plan_version,
        actorName: r.actor_name,
        at: r.at,
      })),
      version: row.version,
      abilities: abilitiesOf(applicationPolicy, actor, applicationSubject(row), ['edit', 'submit', 'review']),
    };
  }

  /** One file of an application the actor may see; a file of another application is not found. */
  async file(rc: RequestContext, id: string, fileId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const actor = authorize(rc.actor, 'programs.read');
    const { row } = await this.load(actor, id);
    return readAudited(this.ctx, rc, applicationFiles, fileId, { type: 'program_application', id, region: row.unit_code });
  }

  /** 版本对比: per section, the character differences between two plan versions' visible text. */
  async diff(rc: RequestContext, id: string, from: number, to: number): Promise<PlanDiffDto> {
    const actor = authorize(rc.actor, 'programs.read');
    await this.load(actor, id);
    const versions = await applications.planVersions(this.ctx.db, id);
    const a = versions.find((v) => v.version === from);
    const b = versions.find((v) => v.version === to);
    if (!a || !b) throw notFound('programs.diff.noVersion');
    const before = sectionsOf(a.sections);
    const after = sectionsOf(b.sections);
    return {
      from,
      to,
      sections: PLAN_SECTIONS.map((section) => {
        const parts = textDiff(plainText(before[section]), plainText(after[section]));
        return { section, label: PLAN_SECTION_LABELS[section], changed: parts.some((p) => p.added || p.removed), parts };
      }),
    };
  }
}
