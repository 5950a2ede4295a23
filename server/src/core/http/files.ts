import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { XLSX_TYPE } from '../export/xlsx.ts';
import { ATTACHMENT_LIMIT, ATTACHMENT_TYPES } from '../files/attachments.ts';
import { contentDisposition, FILE_NAME_MAX } from '../files/file-names.ts';
import { AppError } from './errors.ts';

/** `?name=` of an upload: the file's own name, kept for the download. */
export const fileQuery = z.object({ name: z.string().trim().min(1, 'file.name').max(FILE_NAME_MAX, 'file.name.tooLong') });

/** Lets a module's routes take a file as the raw request body (in the module's own plugin scope). */
export function acceptAttachments(app: FastifyInstance): void {
  app.addContentTypeParser([...ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: ATTACHMENT_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
}

/** Lets a module's routes take an .xlsx (an import) as the raw request body, up to `limit` bytes. */
export function acceptXlsx(app: FastifyInstance, limit: number): void {
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) =>
    done(null, body),
  );
}

/** The raw .xlsx body; any other content type is refused with the module's `notXlsxKey` (415). */
export function xlsxBody(body: unknown, notXlsxKey: string): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('unsupported_type', notXlsxKey);
  return body;
}

/** The raw upload: its bytes and the type the client declared (checked against the content later). */
export function upload(req: { body: unknown; headers: FastifyRequest['headers']; query: { name: string } }): {
  name: string;
  declaredType: string;
  data: Buffer;
} {
  if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_type', 'file.type');
  return { name: req.query.name, declaredType: (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '', data: req.body };
}

/**
 * A stored file or a generated document, always saved, never shown as a page of the app's origin (a PDF
 * with script or an HTML polyglot served `inline` runs there; issue 15 finding 15, SECURITY.md 22).
 */
export function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; data: Buffer }): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.data);
}
