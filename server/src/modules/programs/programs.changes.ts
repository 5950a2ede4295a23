import { carrySealed } from '@rg/domain/personal/free-text';
import { defaultHonourTitle } from '@rg/domain/programs/catalog';
import {
  editRefusals,
  keyedLists,
  milestoneRemovalRefusal,
  withdrawRefusal,
  type ProgramRefusal,
  type ProgramShape,
} from '@rg/domain/programs/program-rules';
import type { ProgramDetailDto, ProgramUpdate } from '@rg/domain/programs/program.schema';
import type { RequestContext } from '../../core/access/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError, conflict, notFound } from '../../core/http/errors.ts';
import { closeOpenApplications } from './applications.repository.ts';
import { todayOf } from './programs.dates.ts';
import * as repo from './programs.repository.ts';
import { checkLevels, ProgramsService, shapeOf } from './programs.service.ts';
import { programUsage } from './programs.usage.ts';

const refused = (refusal: ProgramRefusal) => new AppError('conflict', refusal.key, undefined, refusal.params);

/** The fields an edit reports in its audit entry: what each was and what it became. */
function changesOf(
  before: ProgramShape & { name: string; batch: string; description: string | null; honourTitle: string },
  after: typeof before,
): Record<string, { from: unknown; to: unknown }> {
  const view = (shape: typeof before) => ({
    name: shape.name,
    batch: shape.batch,
    description: shape.description,
    honourTitle: shape.honourTitle,
    unitLevel: shape.unitLevel,
    cycleStart: shape.cycleStart,
    cycleEnd: shape.cycleEnd,
    contentAreas: shape.contentAreas.map((a) => a.label),
    conditions: shape.conditions.map((c) => `${c.text}${c.evidenceRequired ? '（需证明材料）' : ''}`),
    requiredAttachments: shape.requiredAttachments.map((a) => a.label),
    reviewChain: shape.reviewChain,
    quotaLevel: shape.quotaLevel,
  });
  const from = view(before);
  const to = view(after);
  return Object.fromEntries(
    (Object.keys(from) as (keyof typeof from)[])
      .filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]))
      .map((k) => [k, { from: from[k], to: to[k] }]),
  );
}

/**
 * 编辑、撤销 and 删除节点 of a 试点示范项目, by whoever manages it (its organiser's region or above).
 * What may still change is decided by domain/programs/program-rules.ts over the whole programme's
 * applications, re-read inside the write's transaction after the programme row is taken, so a
 * review or approval committed meanwhile is seen (decision 67).
 */
export class ProgramChanges {
  private readonly programs: ProgramsService;

  constructor(private readonly ctx: AppContext) {
    this.programs = new ProgramsService(ctx);
  }

  /**
   * 编辑: every editable field at once with the form's `version` (stale → 409). Areas, conditions and
   * attachments keep their keys where their wording stays, so applicants' answers and files stay put;
   * a change of quota level clears the quota table, whose regions sat at the old level.
   */
  async update(rc: RequestContext, id: string, input: ProgramUpdate): Promise<ProgramDetailDto> {
    const { row } = await this.programs.loadManaged(rc, id);
    checkLevels({
      organiserRegion: row.organiser_region,
      unitLevel: input.unitLevel,
      reviewChain: input.reviewChain,
      quotaLevel: input.quotaLevel,
    });
    const before = shapeOf(row);
    const lists = keyedLists(input, before);
    const after: ProgramShape = {
      unitLevel: input.unitLevel,
      reviewChain: input.reviewChain,
      quotaLevel: input.quotaLevel,
      cycleStart: input.cycleStart,
      cycleEnd: input.cycleEnd,
      ...lists,
    };
    // Typed-in numbers were shown masked: masks sent back become the sealed numbers again (SECURITY.md 30).
    const description = input.description ? carrySealed(row.description, input.description) : null;
    const honourTitle = input.honourTitle || defaultHonourTitle(row.organiser_level, input.unitLevel);
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const updated = await repo.updateProgram(tx, id, input.version, {
        name: input.name,
        batch: input.batch,
        description,
        unit_level: input.unitLevel,
        honour_title: honourTitle,
        content_areas: JSON.stringify(lists.contentAreas),
        conditions: JSON.stringify(lists.conditions),
        required_attachments: JSON.stringify(lists.requiredAttachments),
        review_chain: JSON.stringify(input.reviewChain),
        quota_level: input.quotaLevel,
        cycle_start: input.cycleStart,
        cycle_end: input.cycleEnd,
        updated_at: now,
      });
      if (!updated) throw conflict();
      const [refusal] = editRefusals(before, after, await programUsage(tx, id));
      if (refusal) throw refused(refusal);
      let quotasCleared = 0;
      if (before.quotaLevel !== after.quotaLevel) {
        quotasCleared = (await repo.quotasOf(tx, id)).length;
        await repo.replaceQuotas(tx, id, []);
      }
      const changed = changesOf(
        { ...before, name: row.name, batch: row.batch, description: row.description, honourTitle: row.honour_title },
        { ...after, name: input.name, batch: input.batch, description, honourTitle },
      );
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.program_update',
        objectType: 'program',
        objectId: id,
        objectRegion: row.organiser_region,
        detail: { changed, ...(quotasCleared > 0 ? { quotasCleared } : {}) },
      });
    });
    return this.programs.get(rc, id);
  }

  /**
   * 撤销: only before any unit is approved or designated (409 naming how many are), with a reason.
   * Applications still open (草稿、审核中、退回修改) are closed (已关闭) in the same transaction, each with
   * its own audit entry, so they leave every reviewer's and applicant's todo list and free their quota.
   */
  async withdraw(rc: RequestContext, id: string, reason: string, version: number): Promise<ProgramDetailDto> {
    const { actor, row } = await this.programs.loadManaged(rc, id);
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const updated = await repo.updateProgram(tx, id, version, {
        status: 'withdrawn',
        withdrawn_at: now,
        withdrawn_by: actor.userId,
        withdrawn_by_name: actor.displayName,
        withdrawal_reason: reason,
        updated_at: now,
      });
      if (!updated) throw conflict();
      const open = await closeOpenApplications(tx, id, now);
      // Checked after the programme row is taken and the open ones closed: an approval that won the race is seen here.
      const refusal = withdrawRefusal({ name: row.name, status: 'active' }, await programUsage(tx, id));
      if (refusal) throw refused(refusal);
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.program_withdraw',
        objectType: 'program',
        objectId: id,
        objectRegion: row.organiser_region,
        detail: { name: row.name, batch: row.batch, reason, closedApplications: open.length },
      });
      for (const application of open) {
        await this.ctx.audit.append(tx, rc, {
          action: 'programs.application_close',
          objectType: 'program_application',
          objectId: application.id,
          objectRegion: application.unit_code,
          detail: { programId: id, from: application.status, reason },
        });
      }
    });
    return this.programs.get(rc, id);
  }

  /** 删除节点: refused (409) for a 申报截止 that has passed, whose removal would reopen submission. */
  async removeMilestone(rc: RequestContext, programId: string, milestoneId: string): Promise<ProgramDetailDto> {
    const { row } = await this.programs.loadManaged(rc, programId);
    const milestone = await repo.findMilestone(this.ctx.db, programId, milestoneId);
    if (!milestone) throw notFound();
    const effectiveDue = milestone.extended_to ?? milestone.due_date;
    const refusal = milestoneRemovalRefusal(
      { name: milestone.name, closesSubmission: milestone.closes_submission === 1, effectiveDue },
      todayOf(this.ctx.clock),
    );
    if (refusal) throw refused(refusal);
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.deleteMilestone(tx, milestoneId);
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.milestone_remove',
        objectType: 'program',
        objectId: programId,
        objectRegion: row.organiser_region,
        detail: {
          milestoneId,
          name: milestone.name,
          kind: milestone.kind,
          dueDate: milestone.due_date,
          extendedTo: milestone.extended_to,
          closesSubmission: milestone.closes_submission === 1,
        },
      });
    });
    return this.programs.get(rc, programId);
  }
}
