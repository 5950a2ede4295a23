import type { ApplicationDto } from '@rg/domain/programs/application.schema';
import type { ReviewLevel } from '@rg/domain/programs/catalog';
import type { RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, conflict, notFound } from '../../core/http/errors.ts';
import { ApplicationReads } from './application-reads.service.ts';
import { missingParts } from './application.completeness.ts';
import { applicationPolicy } from './application.policy.ts';
import { applicationSubject, sectionsOf } from './application.presenter.ts';
import * as applications from './applications.repository.ts';
import { applicationFiles } from './programs.attachments.ts';
import { todayOf } from './programs.dates.ts';
import * as programs from './programs.repository.ts';
import { closedMilestone, parseJson, programSubject, ProgramsService } from './programs.service.ts';
import { programPolicy } from './program.policy.ts';

/** 提交 (P2.3(5)): a complete draft goes to the first level of the programme's review chain. */
export class ApplicationSubmission {
  private readonly reads: ApplicationReads;

  constructor(private readonly ctx: AppContext) {
    this.reads = new ApplicationReads(ctx);
  }

  /**
   * Refused (409, nothing changes) when not a draft or returned, or when the submission milestone
   * has passed; refused (400) naming every missing section, condition and attachment.
   */
  async submit(rc: RequestContext, id: string): Promise<ApplicationDto> {
    const { row, program } = await this.reads.load(signedIn(rc.actor), id);
    const actor = enforce(applicationPolicy, rc.actor, 'submit', applicationSubject(row));
    const closed = closedMilestone(await programs.milestonesOf(this.ctx.db, [program.id]), todayOf(this.ctx.clock));
    if (closed)
      throw new AppError('conflict', 'programs.submission.closed', undefined, {
        milestone: closed.name,
        date: closed.extended_to ?? closed.due_date,
      });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      // The programme as it stands now: an edit or a withdrawal committed meanwhile is judged here (decision 67).
      const current = await programs.findProgramLocked(tx, program.id, this.ctx.dialect === 'postgres');
      if (!current) throw notFound();
      enforce(programPolicy, actor, 'apply', programSubject(current));
      const first = parseJson<ReviewLevel[]>(current.review_chain)[0];
      if (!first) throw new AppError('conflict', 'programs.application.notSubmittable');
      const version = (await applications.planVersions(tx, id)).find((v) => v.version === row.plan_version);
      const kinds = new Set(((await applicationFiles.of(tx, [id])).get(id) ?? []).flatMap((a) => (a.kind ? [a.kind] : [])));
      const { fields, names } = missingParts(row, current, sectionsOf(version?.sections), kinds);
      if (names.length > 0) throw new AppError('validation', 'programs.application.incomplete', fields, { missing: names.join('、') });
      const reviewer = ProgramsService.reviewerOf(row.unit_code, first);
      const submitted = await applications.updateApplication(tx, id, row.version, {
        status: 'submitted',
        step: 0,
        reviewer_region: reviewer,
        submitted_at: now,
        submitted_by: actor.userId,
        updated_at: now,
      });
      if (!submitted) throw conflict();
      await applications.updatePlanVersion(tx, id, row.plan_version, { submitted_at: now });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.application_submit',
        objectType: 'program_application',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { planVersion: row.plan_version, reviewer },
      });
    });
    return this.reads.get(rc, id);
  }
}
