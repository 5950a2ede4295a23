import type { AttachmentDto } from '@rg/domain/files/attachment';
import type {
  ApplicationDto,
  ApplicationListQuery,
  ApplicationSave,
  ApplicationStatus,
  ApplicationSummaryDto,
  PlanDiffDto,
  ReviewDecision,
  ReviewInput,
} from '@rg/domain/programs/application.schema';
import { isAbove, PLAN_SECTION_LABELS, PLAN_SECTIONS, type PlanSection, type ReviewLevel } from '@rg/domain/programs/catalog';
import type { ContentArea, ProgramCondition, RequiredAttachment } from '@rg/domain/programs/program.schema';
import { isWithin, levelOf } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../core/http/errors.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { todayOf } from './programs.dates.ts';
import { applicationFiles } from './programs.attachments.ts';
import { plainText, sanitizeRichText, textDiff } from './programs.richtext.ts';
import * as repo from './programs.repository.ts';
import { closedMilestone, parseJson, ProgramsService } from './programs.service.ts';
import { newId } from '../../core/db/ids.ts';

type Sections = Record<PlanSection, string>;
const EMPTY_SECTIONS = Object.fromEntries(PLAN_SECTIONS.map((s) => [s, ''])) as Sections;

/**
 * 申报与审核 (P2.3(4)–(5), P3.4): a unit (or its parent for it) drafts an application, submits it,
 * and it climbs the programme's review chain; each level approves (forwards), returns or rejects.
 */
export class ApplicationsService {
  private readonly programs: ProgramsService;

  constructor(private readonly ctx: AppContext) {
    this.programs = new ProgramsService(ctx);
  }

  private summary(row: repo.ApplicationRow, chain: readonly ReviewLevel[]): ApplicationSummaryDto {
    const underReview = row.status === 'submitted';
    return {
      id: row.id,
      programId: row.program_id,
      programName: row.program_name,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      status: row.status as ApplicationStatus,
      reviewerRegion: underReview ? row.reviewer_region : null,
      reviewerRegionName: underReview ? row.reviewer_name : null,
      reviewLevel: underReview ? (chain[row.step] ?? null) : null,
      planVersion: row.plan_version,
      submittedAt: row.submitted_at,
      updatedAt: row.updated_at,
    };
  }

  /** An application the actor may see: its unit inside the actor's region; else 404 like a missing one. */
  private async load(actor: Actor, id: string): Promise<{ row: repo.ApplicationRow; program: repo.ProgramRow }> {
    const row = await repo.findApplication(this.ctx.db, id);
    if (!row) throw notFound();
    authorize(actor, 'programs.read', { regionCode: row.unit_code });
    const program = await repo.findProgram(this.ctx.db, row.program_id);
    if (!program) throw notFound();
    return { row, program };
  }

  async list(rc: RequestContext, query: ApplicationListQuery): Promise<{ items: ApplicationSummaryDto[] }> {
    const actor = authorize(rc.actor, 'programs.read');
    const reviewer = query.awaitingMe === 'true' ? actor.homeRegion : null;
    const rows = await repo.listApplications(this.ctx.db, listScope(actor), query, reviewer);
    const chains = new Map<string, ReviewLevel[]>();
    for (const row of rows) {
      if (chains.has(row.program_id)) continue;
      const program = await repo.findProgram(this.ctx.db, row.program_id);
      chains.set(row.program_id, program ? parseJson<ReviewLevel[]>(program.review_chain) : []);
    }
    return { items: rows.map((r) => this.summary(r, chains.get(r.program_id) ?? [])) };
  }

  async get(rc: RequestContext, id: string): Promise<ApplicationDto> {
    const actor = authorize(rc.actor, 'programs.read');
    const { row, program } = await this.load(actor, id);
    const chain = parseJson<ReviewLevel[]>(program.review_chain);
    const versions = await repo.planVersions(this.ctx.db, id);
    const current = versions.find((v) => v.version === row.plan_version);
    const reviews = await repo.reviewsOf(this.ctx.db, id);
    const attachments = (await applicationFiles.of(this.ctx.db, [id])).get(id) ?? [];
    const editable = row.status === 'draft' || row.status === 'returned';
    const applicant = can(actor, 'programs.apply', { regionCode: row.unit_code });
    return {
      ...this.summary(row, chain),
      contentAreas: parseJson<string[]>(row.content_areas),
      availableAreas: parseJson<ContentArea[]>(program.content_areas),
      conditionAnswers: parseJson<{ key: string; answer: string }[]>(row.condition_answers),
      sections: { ...EMPTY_SECTIONS, ...(current ? parseJson<Partial<Sections>>(current.sections) : {}) },
      versions: versions.map((v) => ({ version: v.version, submittedAt: v.submitted_at, createdAt: v.created_at })),
      attachments,
      reviews: reviews.map((r) => ({
        id: r.id,
        level: r.level as ReviewLevel,
        reviewerRegion: r.reviewer_region,
        reviewerRegionName: r.reviewer_name,
        decision: r.decision as ReviewDecision,
        comment: r.comment,
        planVersion: r.plan_version,
        actorName: r.actor_name,
        at: r.at,
      })),
      version: row.version,
      abilities: {
        edit: editable && applicant,
        submit: editable && applicant,
        review: row.status === 'submitted' && row.reviewer_region === actor.homeRegion && actor.permissions.has('programs.review'),
      },
    };
  }

  /** 新建申报: the unit must be of the programme's level, inside the organiser's region and the actor's. */
  async create(rc: RequestContext, programId: string, unitCode: string): Promise<ApplicationDto> {
    const actor = authorize(rc.actor, 'programs.apply', { regionCode: unitCode });
    const program = await this.programs.load(actor, programId);
    if (program.status !== 'active') throw new AppError('conflict', 'programs.program.withdrawn', undefined, { program: program.name });
    const unit = await findRegion(this.ctx.db, unitCode);
    if (!unit) throw invalid({ unitCode: 'region.notFound' });
    if (levelOf(unitCode) !== program.unit_level) throw invalid({ unitCode: 'programs.unit.wrongLevel' });
    if (!isWithin(unitCode, program.organiser_region)) throw invalid({ unitCode: 'programs.unit.outsideOrganiser' });
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const taken = await tx
        .selectFrom('program_applications')
        .select('id')
        .where('program_id', '=', programId)
        .where('unit_code', '=', unitCode)
        .executeTakeFirst();
      if (taken) throw new AppError('conflict', 'programs.application.exists');
      await repo.insertApplication(tx, {
        id,
        program_id: programId,
        unit_code: unitCode,
        status: 'draft',
        step: 0,
        reviewer_region: null,
        quota_region: null,
        content_areas: '[]',
        condition_answers: '[]',
        plan_version: 1,
        submitted_at: null,
        decided_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      await repo.insertPlanVersion(tx, {
        application_id: id,
        version: 1,
        sections: JSON.stringify(EMPTY_SECTIONS),
        created_at: now,
        submitted_at: null,
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.application_create',
        objectType: 'program_application',
        objectId: id,
        objectRegion: unitCode,
        detail: { programId },
      });
    });
    return this.get(rc, id);
  }

  private async loadEditable(
    rc: RequestContext,
    id: string,
  ): Promise<{ actor: Actor; row: repo.ApplicationRow; program: repo.ProgramRow }> {
    const actor = authorize(rc.actor, 'programs.apply');
    const { row, program } = await this.load(actor, id);
    authorize(actor, 'programs.apply', { regionCode: row.unit_code });
    if (row.status !== 'draft' && row.status !== 'returned') throw new AppError('conflict', 'programs.application.notEditable');
    return { actor, row, program };
  }

  /** Saves the draft: rich text is sanitized here, before it is stored (never rendered raw). */
  async save(rc: RequestContext, id: string, input: ApplicationSave): Promise<ApplicationDto> {
    const { row, program } = await this.loadEditable(rc, id);
    const areas = parseJson<ContentArea[]>(program.content_areas).map((a) => a.key);
    if (input.contentAreas?.some((k) => !areas.includes(k))) throw invalid({ contentAreas: 'programs.application.unknownArea' });
    const conditions = parseJson<ProgramCondition[]>(program.conditions).map((c) => c.key);
    if (input.conditionAnswers?.some((a) => !conditions.includes(a.key)))
      throw invalid({ conditionAnswers: 'programs.application.unknownCondition' });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const changes = {
        updated_at: now,
        ...(input.contentAreas ? { content_areas: JSON.stringify([...new Set(input.contentAreas)]) } : {}),
        ...(input.conditionAnswers ? { condition_answers: JSON.stringify(input.conditionAnswers) } : {}),
      };
      if (!(await repo.updateApplication(tx, id, input.version, changes))) throw conflict();
      if (input.sections) {
        const current = (await repo.planVersions(tx, id)).find((v) => v.version === row.plan_version);
        const merged: Sections = { ...EMPTY_SECTIONS, ...(current ? parseJson<Partial<Sections>>(current.sections) : {}) };
        for (const section of PLAN_SECTIONS) {
          const html = input.sections[section];
          if (html !== undefined) merged[section] = sanitizeRichText(html);
        }
        await repo.updatePlanVersion(tx, id, row.plan_version, { sections: JSON.stringify(merged) });
      }
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.application_save',
        objectType: 'program_application',
        objectId: id,
        objectRegion: row.unit_code,
        detail: {
          planVersion: row.plan_version,
          sections: Object.keys(input.sections ?? {}),
          areas: input.contentAreas?.length,
          answers: input.conditionAnswers?.length,
        },
      });
    });
    return this.get(rc, id);
  }

  /**
   * 上传附件: the raw file (JPG, PNG or PDF by its bytes: 415; at most 5 MB: 413) under a kind the
   * programme asks for (a required attachment or a condition's evidence) or `other`; while editable.
   */
  async attach(
    rc: RequestContext,
    id: string,
    kind: string,
    file: { name: string; declaredType: string; data: Buffer },
  ): Promise<AttachmentDto> {
    const { actor, row, program } = await this.loadEditable(rc, id);
    const [type, key] = kind.split(':');
    const known =
      type === 'required'
        ? parseJson<RequiredAttachment[]>(program.required_attachments).some((a) => a.key === key)
        : type === 'evidence'
          ? parseJson<ProgramCondition[]>(program.conditions).some((c) => c.key === key)
          : true;
    if (!known) throw invalid({ kind: 'programs.attachment.kindInvalid' });
    return this.ctx.db.transaction().execute(async (tx) => {
      const dto = await applicationFiles.store(tx, {
        ownerId: id,
        kind,
        fileName: file.name,
        declaredType: file.declaredType,
        data: file.data,
        userId: actor.userId,
        now: this.ctx.clock.now().toISOString(),
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.attachment_add',
        objectType: 'program_application',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { attachmentId: dto.id, kind, file: dto.fileName, type: dto.contentType, size: dto.size },
      });
      return dto;
    });
  }

  /** One file of an application the actor may see; a file of another application is not found. */
  async file(rc: RequestContext, id: string, fileId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const actor = authorize(rc.actor, 'programs.read');
    await this.load(actor, id);
    const file = await applicationFiles.find(this.ctx.db, fileId);
    if (!file || file.owner_id !== id) throw notFound();
    return { fileName: file.file_name, contentType: file.content_type, data: Buffer.from(file.data) };
  }

  /** Everything the programme requires that the draft lacks, each named (field → message key, label). */
  private async missing(
    tx: Tx,
    row: repo.ApplicationRow,
    program: repo.ProgramRow,
  ): Promise<{ fields: Record<string, string>; names: string[] }> {
    const fields: Record<string, string> = {};
    const names: string[] = [];
    if (parseJson<string[]>(row.content_areas).length === 0) {
      fields.contentAreas = 'programs.application.areasRequired';
      names.push('试点内容');
    }
    const version = (await repo.planVersions(tx, row.id)).find((v) => v.version === row.plan_version);
    const sections = { ...EMPTY_SECTIONS, ...(version ? parseJson<Partial<Sections>>(version.sections) : {}) };
    for (const section of PLAN_SECTIONS) {
      if (plainText(sections[section]) === '') {
        fields[`sections.${section}`] = 'programs.section.required';
        names.push(PLAN_SECTION_LABELS[section]);
      }
    }
    const answers = new Map(parseJson<{ key: string; answer: string }[]>(row.condition_answers).map((a) => [a.key, a.answer.trim()]));
    const kinds = new Set(((await applicationFiles.of(tx, [row.id])).get(row.id) ?? []).map((a) => a.kind));
    for (const condition of parseJson<ProgramCondition[]>(program.conditions)) {
      if (!answers.get(condition.key)) {
        fields[`conditions.${condition.key}`] = 'programs.condition.required';
        names.push(`申报条件“${condition.text}”`);
      }
      if (condition.evidenceRequired && !kinds.has(`evidence:${condition.key}`)) {
        fields[`evidence.${condition.key}`] = 'programs.condition.evidenceRequired';
        names.push(`申报条件“${condition.text}”的证明材料`);
      }
    }
    for (const attachment of parseJson<RequiredAttachment[]>(program.required_attachments)) {
      if (!kinds.has(`required:${attachment.key}`)) {
        fields[`attachments.${attachment.key}`] = 'programs.attachment.required';
        names.push(`附件“${attachment.label}”`);
      }
    }
    return { fields, names };
  }

  /**
   * 提交: refused (409, nothing changes) when not a draft or returned, or when the submission
   * milestone has passed; refused (400) naming every missing section, condition and attachment.
   */
  async submit(rc: RequestContext, id: string): Promise<ApplicationDto> {
    const actor = authorize(rc.actor, 'programs.apply');
    const { row, program } = await this.load(actor, id);
    authorize(actor, 'programs.apply', { regionCode: row.unit_code });
    if (row.status !== 'draft' && row.status !== 'returned') throw new AppError('conflict', 'programs.application.notSubmittable');
    const closed = closedMilestone(await repo.milestonesOf(this.ctx.db, [program.id]), todayOf(this.ctx.clock));
    if (closed)
      throw new AppError('conflict', 'programs.submission.closed', undefined, {
        milestone: closed.name,
        date: closed.extended_to ?? closed.due_date,
      });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      // The programme as it stands now: an edit or a withdrawal committed meanwhile is judged here (decision 67).
      const current = await repo.findProgramLocked(tx, program.id, this.ctx.dialect === 'postgres');
      if (!current || current.status !== 'active')
        throw new AppError('conflict', 'programs.program.withdrawn', undefined, { program: program.name });
      const first = parseJson<ReviewLevel[]>(current.review_chain)[0];
      if (!first) throw new AppError('conflict', 'programs.application.notSubmittable');
      const { fields, names } = await this.missing(tx, row, current);
      if (names.length > 0) throw new AppError('validation', 'programs.application.incomplete', fields, { missing: names.join('、') });
      const reviewer = ProgramsService.reviewerOf(row.unit_code, first);
      if (
        !(await repo.updateApplication(tx, id, row.version, {
          status: 'submitted',
          step: 0,
          reviewer_region: reviewer,
          submitted_at: now,
          updated_at: now,
        }))
      )
        throw conflict();
      await repo.updatePlanVersion(tx, id, row.plan_version, { submitted_at: now });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.application_submit',
        objectType: 'program_application',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { planVersion: row.plan_version, reviewer },
      });
    });
    return this.get(rc, id);
  }

  /**
   * 审核 by the level where the application waits. Approving at or above the programme's quota
   * level counts it against the quota of the unit's region there (a full quota → 409 naming it);
   * the last level's approval designates the unit. Returning opens the next plan version.
   */
  async review(rc: RequestContext, id: string, input: ReviewInput): Promise<ApplicationDto> {
    const actor = authorize(rc.actor, 'programs.review');
    const { row, program } = await this.load(actor, id);
    if (row.status !== 'submitted') throw new AppError('conflict', 'programs.application.notUnderReview');
    if (row.reviewer_region !== actor.homeRegion) throw new AppError('conflict', 'programs.application.notYourStep');
    const chain = parseJson<ReviewLevel[]>(program.review_chain);
    const level = chain[row.step] ?? (levelOf(actor.homeRegion) as ReviewLevel);
    const now = this.ctx.clock.now().toISOString();
    const today = todayOf(this.ctx.clock);
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertReview(tx, {
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
      if (input.decision === 'approve') await this.approve(tx, row, program, chain, now, today);
      else if (input.decision === 'return') {
        if (
          !(await repo.updateApplication(tx, id, row.version, {
            status: 'returned',
            step: 0,
            reviewer_region: null,
            quota_region: null,
            plan_version: row.plan_version + 1,
            updated_at: now,
          }))
        )
          throw conflict();
        // The revision is a new version, so the reviewer can see what changed (P2.3(5)).
        const current = (await repo.planVersions(tx, id)).find((v) => v.version === row.plan_version);
        await repo.insertPlanVersion(tx, {
          application_id: id,
          version: row.plan_version + 1,
          sections: current?.sections ?? JSON.stringify(EMPTY_SECTIONS),
          created_at: now,
          submitted_at: null,
        });
      } else if (
        !(await repo.updateApplication(tx, id, row.version, {
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
    return this.get(rc, id);
  }

  private async approve(
    tx: Tx,
    row: repo.ApplicationRow,
    program: repo.ProgramRow,
    chain: readonly ReviewLevel[],
    now: string,
    today: string,
  ): Promise<void> {
    const level = chain[row.step];
    let quotaRegion = row.quota_region;
    const quotaLevel = program.quota_level;
    if (!quotaRegion && quotaLevel && level && (level === quotaLevel || isAbove(level, quotaLevel))) {
      const region = ProgramsService.reviewerOf(row.unit_code, quotaLevel);
      const quota = await repo.quotaForUpdate(tx, program.id, region, this.ctx.dialect === 'postgres');
      if (quota && quota.used >= quota.max) {
        const name = (await findRegion(tx, region))?.name ?? region;
        throw new AppError('conflict', 'programs.quota.exceeded', undefined, { region: name, max: quota.max });
      }
      quotaRegion = region;
    }
    const next = chain[row.step + 1];
    if (next) {
      const reviewer = ProgramsService.reviewerOf(row.unit_code, next);
      if (
        !(await repo.updateApplication(tx, row.id, row.version, {
          step: row.step + 1,
          reviewer_region: reviewer,
          quota_region: quotaRegion,
          updated_at: now,
        }))
      )
        throw conflict();
      return;
    }
    if (
      !(await repo.updateApplication(tx, row.id, row.version, {
        status: 'approved',
        reviewer_region: null,
        quota_region: quotaRegion,
        decided_at: now,
        updated_at: now,
      }))
    )
      throw conflict();
    const designationId = newId();
    await repo.insertDesignation(tx, {
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

  /** 版本对比: per section, the character differences between two plan versions' visible text. */
  async diff(rc: RequestContext, id: string, from: number, to: number): Promise<PlanDiffDto> {
    const actor = authorize(rc.actor, 'programs.read');
    await this.load(actor, id);
    const versions = await repo.planVersions(this.ctx.db, id);
    const a = versions.find((v) => v.version === from);
    const b = versions.find((v) => v.version === to);
    if (!a || !b) throw notFound('programs.diff.noVersion');
    const before = { ...EMPTY_SECTIONS, ...parseJson<Partial<Sections>>(a.sections) };
    const after = { ...EMPTY_SECTIONS, ...parseJson<Partial<Sections>>(b.sections) };
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
