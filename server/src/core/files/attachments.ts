import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AttachmentDto } from '@rg/domain/files/attachment';
import { newId } from '../db/ids.ts';
import type { DbOrTx, Tx } from '../db/schema.ts';
import { AppError, invalid } from '../http/errors.ts';
import { activeContent } from './active-content.ts';
import { safeFileName } from './file-names.ts';

/** Photos and signed forms (JPG, PNG, PDF), at most 5 MB each and 9 to a record. */
export const ATTACHMENT_LIMIT = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
const MAX_PER_OWNER = 9;

/**
 * A file kept as evidence with the record it belongs to (`owner_id`). Files live in the database so a
 * backup holds the evidence with its records. Each module that keeps files has a table of this shape.
 */
export interface AttachmentTable {
  id: string;
  owner_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string;
  uploaded_at: string;
}

/**
 * The same for a record that files its documents by kind (附件类别, e.g. a programme application's
 * `required:a1`, `evidence:c1`, `other`); the limit of 9 then holds for each kind of a record.
 */
export interface KindedAttachmentTable extends AttachmentTable {
  kind: string;
}

/** The tables of this shape (a module adds its own here when it keeps files). */
export type AttachmentTableName = 'legal_attachments' | 'mediation_attachments';
/** The tables that also keep each file's kind. */
export type KindedAttachmentTableName = 'program_attachments';

/** Every attachment table as the store sees it: `kind` is read and written only where the table has it. */
type StoreView = Kysely<Record<AttachmentTableName | KindedAttachmentTableName, AttachmentTable & { kind: string | null }>>;

/** Why a file of an accepted type is still refused (issue 15 finding 15). */
const ACTIVE_CONTENT_MESSAGE = { markup: 'file.markup', trailing: 'file.trailing', pdf_active: 'file.pdfActive' } as const;

/** The type the bytes say they are (magic numbers), whatever the client's header claims. */
export function sniffType(data: Buffer): (typeof ATTACHMENT_TYPES)[number] | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

function toDto(
  row: Pick<AttachmentTable, 'id' | 'file_name' | 'content_type' | 'size' | 'uploaded_at'> & { kind?: string | null },
): AttachmentDto {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    uploadedAt: row.uploaded_at,
    ...(typeof row.kind === 'string' ? { kind: row.kind } : {}),
  };
}

export interface StoreInput {
  ownerId: string;
  fileName: string;
  declaredType: string;
  data: Buffer;
  userId: string;
  now: string;
}

/** Store, list and fetch over one table; `kinded` tables list each file's kind (uploads to them name it). */
function filesIn(table: AttachmentTableName | KindedAttachmentTableName, kinded: boolean) {
  const view = (db: DbOrTx) => db as unknown as StoreView;
  return {
    /** Checks the bytes and stores them for `ownerId`; a declared type that the content contradicts is a 415. */
    async store(tx: Tx, input: StoreInput & { kind?: string }): Promise<AttachmentDto> {
      const actual = sniffType(input.data);
      if (!actual || actual !== input.declaredType) throw new AppError('unsupported_type', 'file.type');
      const active = activeContent(input.data, actual);
      if (active) throw new AppError('unsupported_type', ACTIVE_CONTENT_MESSAGE[active]);
      const fileName = safeFileName(input.fileName);
      if (!fileName) throw invalid({ name: 'file.name' });
      const kind = input.kind ?? null;
      const { n } = await view(tx)
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_id', '=', input.ownerId)
        .$if(kind !== null, (qb) => qb.where('kind', '=', kind))
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_PER_OWNER) throw invalid({ file: 'file.tooMany' });
      const row: AttachmentTable = {
        id: newId(),
        owner_id: input.ownerId,
        file_name: fileName,
        content_type: actual,
        size: input.data.length,
        sha256: crypto.createHash('sha256').update(input.data).digest('hex'),
        data: input.data,
        uploaded_by: input.userId,
        uploaded_at: input.now,
      };
      await view(tx)
        .insertInto(table)
        .values(kind === null ? row : { ...row, kind })
        .execute();
      return toDto({ ...row, kind });
    },

    async of(db: DbOrTx, ownerIds: readonly string[]): Promise<Map<string, AttachmentDto[]>> {
      const result = new Map<string, AttachmentDto[]>();
      if (ownerIds.length === 0) return result;
      const rows = await view(db)
        .selectFrom(table)
        .select(['id', 'owner_id', 'file_name', 'content_type', 'size', 'uploaded_at'])
        .$if(kinded, (qb) => qb.select('kind'))
        .where('owner_id', 'in', ownerIds)
        .orderBy('uploaded_at')
        .execute();
      for (const row of rows) result.set(row.owner_id, [...(result.get(row.owner_id) ?? []), toDto(row)]);
      return result;
    },

    async find(db: DbOrTx, id: string): Promise<Pick<AttachmentTable, 'owner_id' | 'file_name' | 'content_type' | 'data'> | undefined> {
      return view(db).selectFrom(table).select(['owner_id', 'file_name', 'content_type', 'data']).where('id', '=', id).executeTakeFirst();
    },
  };
}

/** The files of one module's table: store, list per record, fetch one. */
export function attachmentStore(table: AttachmentTableName) {
  const files = filesIn(table, false);
  return { ...files, store: (tx: Tx, input: StoreInput) => files.store(tx, input) };
}

/** The same for a table that files by kind: every upload names its kind, and listed files carry it. */
export function kindedAttachmentStore(table: KindedAttachmentTableName) {
  const files = filesIn(table, true);
  return { ...files, store: (tx: Tx, input: StoreInput & { kind: string }) => files.store(tx, input) };
}
