import type { ApplicationDto, ReviewInput } from '@rg/domain/programs/application.schema';
import { isAbove, type ReviewLevel } from '@rg/domain/programs/catalog';
import { levelOf } from '@rg/domain/regions/region-code';
import type { RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import { newId } from '../../core/db/ids.ts';
import { AppError, conflict } from '../../core/http/errors.ts';
import { findRegion } from '../regions/regions.facade.ts';
import { ApplicationReads } from './application-reads.service.ts';
import { applicationPolicy } from './application.policy.ts';
import { applicationSubject, EMPTY_SECTIONS } from './application.presenter.ts';
import * as applications from './applications.repository.ts';
import { insertDesignation } from './designations.repository.ts';
import { todayOf } from './programs.dates.ts';
import * as programs from './programs.repository.ts';
import { parseJson, ProgramsService } from './programs.service.ts';

/**
 * 审核 (P2.3(5), P3.4): the level where a submitted application waits approves (forwards), returns or
 * rejects it; the last level's approval designates the unit.
 */
export class ApplicationReview {
  private readonly reads: ApplicationReads;

  constructor(private readonly ctx: AppContext) {
    this.reads = new ApplicationReads(ctx);
  }

  /**
   * Approving at or above the programme's quota level counts it against the quota of the unit's
   * region there (a full quota → 409 naming it). Returning opens the next plan version.
   */
  async review(rc: RequestContext, id: string, input: ReviewInput): Promise<ApplicationDto> {
    const { row, program } = await this.reads.load(signedIn(rc.actor), id);
    const actor = enforce(applicationPolicy, rc.actor, 'review', applicationSubject(row));
    const chain = parseJson<ReviewLevel[]>(program.review_chain);
    const level = chain[row.step] ?? (levelOf(actor.homeRegion) as ReviewLevel);
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await applications.insertReview(tx, {
        id: newId(),
        application_id: id,
        step: row.step,
        level,
        reviewer_region: actor.homeRegion,
        decision: input.decision,
        comment: input.comment,
        plan_version: row.plan_version,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        at: now,
      });
      if (input.decision === 'approve') await this.approve(tx, row, program, chain, now);
      else if (input.decision === 'return') await this.return(tx, row, now);
      else if (
        !(await applications.updateApplication(tx, id, row.version, {
          status: 'rejected',
          reviewer_region: null,
          decided_at: now,
          updated_at: now,
        }))
      )
        throw conflict();
      await this.ctx.audit.append(tx, rc, {
        action: `programs.application_${input.decision}`,
        objectType: 'program_application',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { level, planVersion: row.plan_version, comment: input.comment },
      });
    });
    return this.reads.get(rc, id);
  }

  /** The revision is a new plan version, so the reviewer can see what changed (P2.3(5)). */
  private async return(tx: Tx, row: applications.ApplicationRow, now: string): Promise<void> {
    const returned = await applications.updateApplication(tx, row.id, row.version, {
      status: 'returned',
      step: 0,
      reviewer_region: null,
      quota_region: null,
      plan_version: row.plan_version + 1,
      updated_at: now,
    });
    if (!returned) throw conflict();
    const current = (await applications.planVersions(tx, row.id)).find((v) => v.version === row.plan_version);
    await applications.insertPlanVersion(tx, {
      application_id: row.id,
      version: row.plan_version + 1,
      sections: current?.sections ?? JSON.stringify(EMPTY_SECTIONS),
      created_at: now,
      submitted_at: null,
    });
  }

  private async approve(
    tx: Tx,
    row: applications.ApplicationRow,
    program: programs.ProgramRow,
    chain: readonly ReviewLevel[],
    now: string,
  ): Promise<void> {
    const level = chain[row.step];
    let quotaRegion = row.quota_region;
    const quotaLevel = program.quota_level;
    if (!quotaRegion && quotaLevel && level && (level === quotaLevel || isAbove(level, quotaLevel))) {
      const region = ProgramsService.reviewerOf(row.unit_code, quotaLevel);
      const quota = await programs.quotaForUpdate(tx, program.id, region, this.ctx.dialect === 'postgres');
      if (quota && quota.used >= quota.max) {
        const name = (await findRegion(tx, region))?.name ?? region;
        throw new AppError('conflict', 'programs.quota.exceeded', undefined, { region: name, max: quota.max });
      }
      quotaRegion = region;
    }
    const next = chain[row.step + 1];
    if (next) {
      const reviewer = ProgramsService.reviewerOf(row.unit_code, next);
      const forwarded = await applications.updateApplication(tx, row.id, row.version, {
        step: row.step + 1,
        reviewer_region: reviewer,
        quota_region: quotaRegion,
        updated_at: now,
      });
      if (!forwarded) throw conflict();
      return;
    }
    const approved = await applications.updateApplication(tx, row.id, row.version, {
      status: 'approved',
      reviewer_region: null,
      quota_region: quotaRegion,
      decided_at: now,
      updated_at: now,
    });
    if (!approved) throw conflict();
    await this.designate(tx, row, program, now);
  }

  /** 命名: the unit holds the programme's honour title until the cycle ends; the event feeds the indicators. */
  private async designate(tx: Tx, row: applications.ApplicationRow, program: programs.ProgramRow, now: string): Promise<void> {
    const today = todayOf(this.ctx.clock);
    const designationId = newId();
    await insertDesignation(tx, {
      id: designationId,
      program_id: program.id,
      application_id: row.id,
      unit_code: row.unit_code,
      title: program.honour_title,
      designated_on: today,
      valid_until: program.cycle_end,
      status: 'active',
      status_reason: null,
      updated_at: now,
    });
    await this.ctx.events.publish(tx, {
      type: 'programs.designated',
      regionCode: row.unit_code,
      occurredOn: today,
      payload: {
        designationId,
        programId: program.id,
        title: program.honour_title,
        unitLevel: program.unit_level,
        organiserRegion: program.organiser_region,
      },
    });
  }
}
