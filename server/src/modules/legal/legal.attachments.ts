import crypto from 'node:crypto';
import type { AttachmentDto } from '@rg/domain/legal/service.schema';
import type { DbOrTx, Tx } from '../../core/db/schema.ts';
import { AppError, invalid } from '../../core/http/errors.ts';
import { newId } from '../../core/db/ids.ts';

/** Photos and signed forms (JPG, PNG, PDF), at most 5 MB each and 9 to a record. */
export const ATTACHMENT_LIMIT = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
const MAX_PER_OWNER = 9;

/** The type the bytes say they are (magic numbers), whatever the client's header claims. */
export function sniffType(data: Buffer): (typeof ATTACHMENT_TYPES)[number] | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export function toAttachmentDto(row: { id: string; file_name: string; content_type: string; size: number; uploaded_at: string }): AttachmentDto {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, size: Number(row.size), uploadedAt: row.uploaded_at };
}

/** Checks the bytes and stores them for `ownerId`; a declared type that the content contradicts is a 415. */
export async function storeAttachment(tx: Tx, input: { ownerId: string; fileName: string; declaredType: string; data: Buffer; userId: string; now: string }): Promise<AttachmentDto> {
  const actual = sniffType(input.data);
  if (!actual || actual !== input.declaredType) throw new AppError('unsupported_type', 'legal.attachment.type');
  const fileName = input.fileName.trim().slice(0, 120);
  if (!fileName) throw invalid({ name: 'legal.attachment.name' });
  const { n } = await tx.selectFrom('legal_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', input.ownerId).executeTakeFirstOrThrow();
  if (Number(n) >= MAX_PER_OWNER) throw invalid({ file: 'legal.attachment.tooMany' });
  const row = {
    id: newId(), owner_id: input.ownerId, file_name: fileName, content_type: actual, size: input.data.length,
    sha256: crypto.createHash('sha256').update(input.data).digest('hex'), data: input.data, uploaded_by: input.userId, uploaded_at: input.now,
  };
  await tx.insertInto('legal_attachments').values(row).execute();
  return toAttachmentDto(row);
}

export async function attachmentsOf(db: DbOrTx, ownerIds: readonly string[]): Promise<Map<string, AttachmentDto[]>> {
  const result = new Map<string, AttachmentDto[]>();
  if (ownerIds.length === 0) return result;
  const rows = await db.selectFrom('legal_attachments').select(['id', 'owner_id', 'file_name', 'content_type', 'size', 'uploaded_at']).where('owner_id', 'in', ownerIds).orderBy('uploaded_at').execute();
  for (const row of rows) result.set(row.owner_id, [...(result.get(row.owner_id) ?? []), toAttachmentDto(row)]);
  return result;
}

export async function findAttachment(db: DbOrTx, id: string): Promise<{ owner_id: string; file_name: string; content_type: string; data: Buffer } | undefined> {
  return db.selectFrom('legal_attachments').select(['owner_id', 'file_name', 'content_type', 'data']).where('id', '=', id).executeTakeFirst();
}
