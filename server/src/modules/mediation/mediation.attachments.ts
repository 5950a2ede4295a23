import type { AttachmentDto } from '@rg/domain/files/attachment';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { attachmentStore } from '../../core/files/attachments.ts';
import { notFound } from '../../core/http/errors.ts';
import * as repo from './mediation.cases.repository.ts';

/** 案件附件 of the `mediation_attachments` table (owner: the case's id). */
export const caseFiles = attachmentStore('mediation_attachments');

/**
 * Evidence kept with a case: the agreement as the parties signed it, photos of the site, documents
 * the parties brought. Added at any step (a 回访 photo comes after the agreement) and never removed:
 * the case file is evidence (DOMAIN.md "the ledger is evidence"). Each upload is audited.
 */
export class CaseAttachments {
  constructor(private readonly ctx: AppContext) {}

  async attach(rc: RequestContext, caseId: string, file: { name: string; declaredType: string; data: Buffer }): Promise<AttachmentDto> {
    const actor = authorize(rc.actor, 'mediation.handle');
    const row = await repo.findCase(this.ctx.db, caseId);
    if (!row) throw notFound();
    authorize(actor, 'mediation.handle', { regionCode: row.region_code });
    return this.ctx.db.transaction().execute(async (tx) => {
      const dto = await caseFiles.store(tx, {
        ownerId: caseId,
        fileName: file.name,
        declaredType: file.declaredType,
        data: file.data,
        userId: actor.userId,
        now: this.ctx.clock.now().toISOString(),
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'mediation.case_attach',
        objectType: 'mediation_case',
        objectId: caseId,
        objectRegion: row.region_code,
        detail: { caseNo: row.case_no, file: dto.fileName, type: dto.contentType, size: dto.size },
      });
      return dto;
    });
  }

  /** One file of a case the actor may see; another county's case, or a file of another case, is not found. */
  async file(rc: RequestContext, caseId: string, fileId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const actor = authorize(rc.actor, 'mediation.read');
    const row = await repo.findCase(this.ctx.db, caseId);
    if (!row) throw notFound();
    authorize(actor, 'mediation.read', { regionCode: row.region_code });
    const file = await caseFiles.find(this.ctx.db, fileId);
    if (!file || file.owner_id !== caseId) throw notFound();
    return { fileName: file.file_name, contentType: file.content_type, data: Buffer.from(file.data) };
  }
}
