import type { RequestContext } from '../access/actor.ts';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import type { AttachmentTable } from './attachments.ts';

/** A stored file as the routes send it (`sendFile` in core/http/files.ts). */
export interface DownloadedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/**
 * One file of a record the caller has already shown the actor may read, audited as one `file.download`
 * entry naming the record and the file (issue 15 finding 15: downloads were not audited; the files are
 * evidence and hold personal data, SECURITY.md 18). A file of another record is not found.
 */
export async function readAudited(
  ctx: Pick<AppContext, 'db' | 'audit'>,
  rc: RequestContext,
  files: { find(db: DbOrTx, id: string): Promise<Pick<AttachmentTable, 'owner_id' | 'file_name' | 'content_type' | 'data'> | undefined> },
  fileId: string,
  owner: { type: string; id: string; region: string | null },
): Promise<DownloadedFile> {
  const file = await files.find(ctx.db, fileId);
  if (!file || file.owner_id !== owner.id) throw notFound();
  await ctx.audit.record(ctx.db, rc, {
    action: 'file.download',
    objectType: owner.type,
    objectId: owner.id,
    objectRegion: owner.region,
    detail: { fileId, file: file.file_name },
  });
  return { fileName: file.file_name, contentType: file.content_type, data: Buffer.from(file.data) };
}
