import { carrySealed } from '@rg/domain/personal/free-text';
import type { AttachmentDto } from '@rg/domain/files/attachment';
import type { ApplicationDto, ApplicationSave } from '@rg/domain/programs/application.schema';
import { PLAN_SECTIONS } from '@rg/domain/programs/catalog';
import type { ContentArea, ProgramCondition, RequiredAttachment } from '@rg/domain/programs/program.schema';
import { isWithin, levelOf } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import { enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { newId } from '../../core/db/ids.ts';
import { AppError, conflict, invalid } from '../../core/http/errors.ts';
import { findRegion } from '../regions/regions.facade.ts';
import { ApplicationReads } from './application-reads.service.ts';
import { applicationPolicy } from './application.policy.ts';
import { applicationSubject, EMPTY_SECTIONS, sectionsOf } from './application.presenter.ts';
import { programPolicy } from './program.policy.ts';
import * as applications from './applications.repository.ts';
import { applicationFiles } from './programs.attachments.ts';
import type { ProgramRow } from './programs.repository.ts';
import { sanitizeRichText } from './programs.richtext.ts';
import { parseJson, programSubject, ProgramsService } from './programs.service.ts';
import { storeAudited } from '../../core/files/store-audited.ts';

/** 申报 (P2.3(4)): a unit (or its parent for it) opens an application, fills its plan and files its attachments. */
export class ApplicationDrafts {
  private readonly programs: ProgramsService;
  private readonly reads: ApplicationReads;

  constructor(private readonly ctx: AppContext) {
    this.programs = new ProgramsService(ctx);
    this.reads = new ApplicationReads(ctx);
  }

  /** 新建申报: the unit must be of the programme's level, inside the organiser's region and the actor's. */
  async create(rc: RequestContext, programId: string, unitCode: string): Promise<ApplicationDto> {
    const actor = enforce(applicationPolicy, rc.actor, 'create', {
      regionCode: unitCode,
      status: null,
      reviewerRegion: null,
      submittedBy: null,
    });
    const program = await this.programs.load(actor, programId);
    enforce(programPolicy, actor, 'apply', programSubject(program));
    const unit = await findRegion(this.ctx.db, unitCode);
    if (!unit) throw invalid({ unitCode: 'region.notFound' });
    if (levelOf(unitCode) !== program.unit_level) throw invalid({ unitCode: 'programs.unit.wrongLevel' });
    if (!isWithin(unitCode, program.organiser_region)) throw invalid({ unitCode: 'programs.unit.outsideOrganiser' });
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      if (await applications.findApplicationOfUnit(tx, programId, unitCode)) throw new AppError('conflict', 'programs.application.exists');
      await applications.insertApplication(tx, {
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
        submitted_by: null,
        decided_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      await applications.insertPlanVersion(tx, {
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
    return this.reads.get(rc, id);
  }

  private async loadEditable(
    rc: RequestContext,
    id: string,
  ): Promise<{ actor: Actor; row: applications.ApplicationRow; program: ProgramRow }> {
    const actor = signedIn(rc.actor);
    const { row, program } = await this.reads.load(actor, id);
    enforce(applicationPolicy, actor, 'edit', applicationSubject(row));
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
      if (!(await applications.updateApplication(tx, id, input.version, changes))) throw conflict();
      if (input.sections) {
        const current = (await applications.planVersions(tx, id)).find((v) => v.version === row.plan_version);
        const merged = sectionsOf(current?.sections);
        for (const section of PLAN_SECTIONS) {
          const html = input.sections[section];
          // The editor saw typed-in numbers masked: masks sent back become the sealed numbers again (SECURITY.md 30).
          if (html !== undefined) merged[section] = sanitizeRichText(carrySealed(merged[section], html));
        }
        await applications.updatePlanVersion(tx, id, row.plan_version, { sections: JSON.stringify(merged) });
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
    return this.reads.get(rc, id);
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
    return storeAudited(
      this.ctx,
      rc,
      actor,
      { ownerId: id, file, store: (tx, input) => applicationFiles.store(tx, { ...input, kind }) },
      (dto) => ({
        action: 'programs.attachment_add',
        objectType: 'program_application',
        objectId: id,
        objectRegion: row.unit_code,
        detail: { attachmentId: dto.id, kind, file: dto.fileName, type: dto.contentType, size: dto.size },
      }),
    );
  }
}
