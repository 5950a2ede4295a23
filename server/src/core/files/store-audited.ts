import type { AttachmentDto } from '@rg/domain/files/attachment';
import type { Actor, RequestContext } from '../access/actor.ts';
import type { AuditEvent } from '../audit/audit-log.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/schema.ts';
import { transactionRetryingConflicts } from '../db/retry.ts';
import type { StoreInput } from './attachments.ts';

/** An upload as the routes hand it over (`upload()` in core/http/files.ts). */
export interface Upload {
  name: string;
  declaredType: string;
  data: Buffer;
}

/**
 * Keeps an uploaded file with its record and audits the upload in the same transaction (every upload
 * is audited; the file is evidence): `store` is the module's attachment store, `audit` names the
 * entry once the stored file is known. The caller has already decided that the actor may attach.
 */
export function storeAudited(
  ctx: Pick<AppContext, 'db' | 'audit' | 'clock'>,
  rc: RequestContext,
  actor: Pick<Actor, 'userId'>,
  upload: { ownerId: string; file: Upload; store: (tx: Tx, input: StoreInput) => Promise<AttachmentDto> },
  audit: (dto: AttachmentDto) => AuditEvent,
): Promise<AttachmentDto> {
  return transactionRetryingConflicts(ctx.db, async (tx) => {
    const dto = await upload.store(tx, {
      ownerId: upload.ownerId,
      fileName: upload.file.name,
      declaredType: upload.file.declaredType,
      data: upload.file.data,
      userId: actor.userId,
      now: ctx.clock.now().toISOString(),
    });
    await ctx.audit.append(tx, rc, audit(dto));
    return dto;
  });
}
