import type { AttachmentDto } from '@rg/domain/files/attachment';
import type { RequestContext } from '../../core/access/actor.ts';
import { signedIn } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { attachmentStore } from '../../core/files/attachments.ts';
import { loadCase } from './mediation.case-reads.ts';
import { storeAudited } from '../../core/files/store-audited.ts';
import { readAudited } from '../../core/files/read-audited.ts';

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
    const actor = signedIn(rc.actor);
    const row = await loadCase(this.ctx.db, actor, caseId, 'attach');
    return storeAudited(this.ctx, rc, actor, { ownerId: caseId, file, store: caseFiles.store }, (dto) => ({
      action: 'mediation.case_attach',
      objectType: 'mediation_case',
      objectId: caseId,
      objectRegion: row.region_code,
      detail: { caseNo: row.case_no, file: dto.fileName, type: dto.contentType, size: dto.size },
    }));
  }

  /** One file of a case the actor may see; another county's case, or a file of another case, is not found. */
  async file(rc: RequestContext, caseId: string, fileId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const row = await loadCase(this.ctx.db, signedIn(rc.actor), caseId, 'read');
    return readAudited(this.ctx, rc, caseFiles, fileId, { type: 'mediation_case', id: caseId, region: row.region_code });
  }
}
