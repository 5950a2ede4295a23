import {
  defaultHonourTitle,
  isAbove,
  ORGANISER_LEVELS,
  type OrganiserLevel,
  type ReviewLevel,
  type UnitLevel,
} from '@rg/domain/programs/catalog';
import { editLocks, keyedLists, milestoneRemovalRefusal, withdrawRefusal, type ProgramShape } from '@rg/domain/programs/program-rules';
import type {
  ContentArea,
  MilestoneDto,
  MilestoneInput,
  ProgramCondition,
  ProgramCreate,
  ProgramDetailDto,
  ProgramDto,
  ProgramListDto,
  RequiredAttachment,
} from '@rg/domain/programs/program.schema';
import { ancestorsOf, isWithin, levelOf } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope, signedIn } from '../../core/access/authorize.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import { invalid, notFound } from '../../core/http/errors.ts';
import { findRegion } from '../regions/regions.facade.ts';
import { todayOf } from './programs.dates.ts';
import { applicationCounts } from './applications.repository.ts';
import { listDesignations } from './designations.repository.ts';
import { programPolicy, type ProgramSubject } from './program.policy.ts';
import * as repo from './programs.repository.ts';
import type { ProgramMilestoneTable } from './programs.tables.ts';
import { programUsage } from './programs.usage.ts';
import { newId } from '../../core/db/ids.ts';

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function milestoneDto(row: ProgramMilestoneTable, today: string): MilestoneDto {
  const effectiveDue = row.extended_to ?? row.due_date;
  const closesSubmission = row.closes_submission === 1;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    dueDate: row.due_date,
    extendedTo: row.extended_to,
    extensionReason: row.extension_reason,
    effectiveDue,
    closesSubmission,
    overdue: effectiveDue < today,
    removable: milestoneRemovalRefusal({ name: row.name, closesSubmission, effectiveDue }, today) === null,
  };
}

/** The rules a programme's applications depend on, as stored (program-rules.ts compares two of these). */
export function shapeOf(row: repo.ProgramRow): ProgramShape {
  return {
    unitLevel: row.unit_level,
    reviewChain: parseJson<ReviewLevel[]>(row.review_chain),
    quotaLevel: row.quota_level,
    cycleStart: row.cycle_start,
    cycleEnd: row.cycle_end,
    contentAreas: parseJson<ContentArea[]>(row.content_areas),
    conditions: parseJson<ProgramCondition[]>(row.conditions),
    requiredAttachments: parseJson<RequiredAttachment[]>(row.required_attachments),
  };
}

/** The programme as its policy sees it. */
export function programSubject(row: repo.ProgramRow): ProgramSubject {
  return { regionCode: row.organiser_region, status: row.status, name: row.name };
}

/** Checks the levels fit together: organiser above the units, the chain climbing to the organiser. */
export function checkLevels(input: Pick<ProgramCreate, 'organiserRegion' | 'unitLevel' | 'reviewChain' | 'quotaLevel'>): void {
  const organiserLevel = levelOf(input.organiserRegion);
  if (!(ORGANISER_LEVELS as readonly string[]).includes(organiserLevel))
    throw invalid({ organiserRegion: 'programs.organiser.invalidLevel' });
  if (!isAbove(organiserLevel, input.unitLevel)) throw invalid({ unitLevel: 'programs.unitLevel.notBelow' });
  const chain = input.reviewChain;
  const climbs = chain.every((level, i) => isAbove(level, i === 0 ? input.unitLevel : (chain[i - 1] ?? input.unitLevel)));
  if (!climbs || chain[chain.length - 1] !== organiserLevel) throw invalid({ reviewChain: 'programs.reviewChain.invalid' });
  if (
    input.quotaLevel &&
    !(isAbove(input.quotaLevel, input.unitLevel) && !isAbove(input.quotaLevel, organiserLevel) && input.quotaLevel !== organiserLevel)
  ) {
    throw invalid({ quotaLevel: 'programs.quotaLevel.invalid' });
  }
}

/** The submission milestone that has passed, if any: it closes submission (P2.3(5)) until extended. */
export function closedMilestone(milestones: readonly ProgramMilestoneTable[], today: string): ProgramMilestoneTable | undefined {
  return milestones.find((m) => m.closes_submission === 1 && (m.extended_to ?? m.due_date) < today);
}

/** 试点示范项目: the organiser defines it; applicants below and reviewers above read it. */
export class ProgramsService {
  constructor(private readonly ctx: AppContext) {}

  /** A programme the actor may read (programPolicy: visible inside its organiser's region and above); else 404. */
  async load(actor: Actor, id: string): Promise<repo.ProgramRow> {
    const row = await repo.findProgram(this.ctx.db, id);
    if (!row) throw notFound();
    enforce(programPolicy, actor, 'read', programSubject(row));
    return row;
  }

  toDto(actor: Actor, row: repo.ProgramRow, milestones: ProgramMilestoneTable[]): ProgramDto {
    const today = todayOf(this.ctx.clock);
    const active = row.status === 'active';
    return {
      id: row.id,
      organiserRegion: row.organiser_region,
      organiserName: row.organiser_name,
      organiserLevel: row.organiser_level,
      name: row.name,
      batch: row.batch,
      description: row.description,
      unitLevel: row.unit_level,
      honourTitle: row.honour_title,
      contentAreas: parseJson<ContentArea[]>(row.content_areas),
      cycleStart: row.cycle_start,
      cycleEnd: row.cycle_end,
      conditions: parseJson<ProgramCondition[]>(row.conditions),
      requiredAttachments: parseJson<RequiredAttachment[]>(row.required_attachments),
      reviewChain: parseJson<ReviewLevel[]>(row.review_chain),
      quotaLevel: row.quota_level,
      milestones: milestones.map((m) => milestoneDto(m, today)),
      submissionOpen: active && !closedMilestone(milestones, today),
      status: row.status,
      withdrawal: row.withdrawn_at
        ? { at: row.withdrawn_at, byName: row.withdrawn_by_name ?? '', reason: row.withdrawal_reason ?? '' }
        : null,
      version: row.version,
      abilities: abilitiesOf(programPolicy, actor, programSubject(row), ['manage', 'apply']),
    };
  }

  async list(rc: RequestContext, unitLevel?: UnitLevel): Promise<ProgramListDto> {
    const actor = authorize(rc.actor, 'programs.read');
    const rows = await repo.listPrograms(this.ctx.db, listScope(actor), unitLevel);
    const milestones = await repo.milestonesOf(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) =>
        this.toDto(
          actor,
          r,
          milestones.filter((m) => m.program_id === r.id),
        ),
      ),
      // 新建: a programme organised by the actor's own region (the form offers the regions below too).
      abilities: abilitiesOf(programPolicy, actor, { regionCode: actor.homeRegion, status: null, name: '' }, ['create']),
    };
  }

  async get(rc: RequestContext, id: string): Promise<ProgramDetailDto> {
    const actor = authorize(rc.actor, 'programs.read');
    const row = await this.load(actor, id);
    const milestones = await repo.milestonesOf(this.ctx.db, [id]);
    const quotas = await repo.quotasOf(this.ctx.db, id);
    // Quotas and counts are place-bound: only those inside the actor's scope are shown.
    const scope = listScope(actor);
    const counts = await applicationCounts(this.ctx.db, id, scope);
    const designated = (await listDesignations(this.ctx.db, scope, id)).filter((d) => d.status !== 'revoked').length;
    const dto = this.toDto(actor, row, milestones);
    // Locks count every applicant, in the actor's scope or not: they protect all of their work.
    const usage = await programUsage(this.ctx.db, id);
    return {
      ...dto,
      quotas: quotas
        .filter((q) => isWithin(q.region_code, scope) || isWithin(scope, q.region_code))
        .map((q) => ({
          regionCode: q.region_code,
          regionName: q.region_name,
          maxUnits: q.max_units,
          suggested: q.suggested,
          used: q.used,
        })),
      counts: { ...counts, designated },
      locks: editLocks(usage),
      withdrawable: dto.abilities.manage && withdrawRefusal({ name: row.name, status: dto.status }, usage) === null,
    };
  }

  async create(rc: RequestContext, input: ProgramCreate): Promise<ProgramDetailDto> {
    const actor = enforce(programPolicy, rc.actor, 'create', { regionCode: input.organiserRegion, status: null, name: input.name });
    checkLevels(input);
    if (!(await findRegion(this.ctx.db, input.organiserRegion))) throw invalid({ organiserRegion: 'region.notFound' });
    const id = newId();
    await this.ctx.db.transaction().execute((tx) => this.insert(tx, rc, actor, id, input));
    return this.get(rc, id);
  }

  /** Inserts a checked programme with its milestones and audit entry (also used by the demo seed). */
  async insert(tx: Tx, rc: RequestContext, actor: Actor, id: string, input: ProgramCreate): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    const organiserLevel = levelOf(input.organiserRegion) as OrganiserLevel;
    const lists = keyedLists(input);
    const description = input.description || null;
    await repo.insertProgram(tx, {
      id,
      organiser_region: input.organiserRegion,
      organiser_level: organiserLevel,
      name: input.name,
      batch: input.batch,
      description,
      unit_level: input.unitLevel,
      honour_title: input.honourTitle || defaultHonourTitle(organiserLevel, input.unitLevel),
      content_areas: JSON.stringify(lists.contentAreas),
      conditions: JSON.stringify(lists.conditions),
      required_attachments: JSON.stringify(lists.requiredAttachments),
      review_chain: JSON.stringify(input.reviewChain),
      quota_level: input.quotaLevel,
      cycle_start: input.cycleStart,
      cycle_end: input.cycleEnd,
      status: 'active',
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawn_by_name: null,
      withdrawal_reason: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    for (const [sort, m] of input.milestones.entries()) await this.insertMilestone(tx, id, m, sort);
    await this.ctx.audit.append(tx, rc, {
      action: 'programs.program_create',
      objectType: 'program',
      objectId: id,
      objectRegion: input.organiserRegion,
      detail: { name: input.name, batch: input.batch, description },
    });
  }

  private async insertMilestone(tx: Tx, programId: string, m: MilestoneInput, sort: number): Promise<string> {
    const id = newId();
    await repo.insertMilestone(tx, {
      id,
      program_id: programId,
      name: m.name,
      kind: m.kind,
      due_date: m.dueDate,
      extended_to: null,
      extension_reason: null,
      closes_submission: m.closesSubmission ? 1 : 0,
      sort,
    });
    return id;
  }

  /**
   * A programme the actor manages (its organiser's region or above; elsewhere 404), still active: a
   * withdrawn one takes no change (409 naming it).
   */
  async loadManaged(rc: RequestContext, id: string): Promise<{ actor: Actor; row: repo.ProgramRow }> {
    const row = await this.load(signedIn(rc.actor), id);
    const actor = enforce(programPolicy, rc.actor, 'manage', programSubject(row));
    return { actor, row };
  }

  async addMilestone(rc: RequestContext, programId: string, input: MilestoneInput): Promise<ProgramDetailDto> {
    const { row } = await this.loadManaged(rc, programId);
    await this.ctx.db.transaction().execute(async (tx) => {
      const existing = await repo.milestonesOf(tx, [programId]);
      const id = await this.insertMilestone(tx, programId, input, existing.length);
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.milestone_add',
        objectType: 'program',
        objectId: programId,
        objectRegion: row.organiser_region,
        detail: { milestoneId: id, ...input },
      });
    });
    return this.get(rc, programId);
  }

  /** 延期: only later than the date that counts now; the reason is kept and audited. */
  async extendMilestone(
    rc: RequestContext,
    programId: string,
    milestoneId: string,
    dueDate: string,
    reason: string,
  ): Promise<ProgramDetailDto> {
    const { row } = await this.loadManaged(rc, programId);
    const milestone = await repo.findMilestone(this.ctx.db, programId, milestoneId);
    if (!milestone) throw notFound();
    const current = milestone.extended_to ?? milestone.due_date;
    if (dueDate <= current) throw invalid({ dueDate: 'programs.milestone.notLater' });
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.extendMilestone(tx, milestoneId, dueDate, reason);
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.milestone_extend',
        objectType: 'program',
        objectId: programId,
        objectRegion: row.organiser_region,
        detail: { milestoneId, from: current, to: dueDate, reason },
      });
    });
    return this.get(rc, programId);
  }

  /** The reviewer region at `level` for a unit (its ancestor at that level). */
  static reviewerOf(unitCode: string, level: string): string {
    const chain = [...ancestorsOf(unitCode), unitCode];
    const found = chain.find((code) => levelOf(code) === level);
    if (!found) throw new Error(`no ${level} above ${unitCode}`);
    return found;
  }
}
