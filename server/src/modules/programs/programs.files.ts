import { AppError } from '../../core/http/errors.ts';

/** 附件 size limit: scans of stamped plans stay well below this. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

interface Kind {
  ext: readonly string[];
  mime: string;
  matches(bytes: Buffer): boolean;
}

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const zipWith = (entry: string) => (bytes: Buffer) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && bytes.includes(Buffer.from(entry));

/**
 * The file's type is decided by its bytes, not by its name or the browser's claim: the name's
 * extension must agree with the content (SECURITY.md: uploads type-checked by content).
 */
const KINDS: Kind[] = [
  { ext: ['pdf'], mime: 'application/pdf', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { ext: ['png'], mime: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { ext: ['jpg', 'jpeg'], mime: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { ext: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: zipWith('word/') },
  { ext: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: zipWith('xl/') },
];

/** Decodes a base64 upload and checks size and type; answers the MIME type to store. */
export function checkUpload(filename: string, contentBase64: string, maxBytes = ATTACHMENT_MAX_BYTES): { bytes: Buffer; mime: string } {
  // base64 is 4/3 the size: refuse oversized input before decoding it.
  if (contentBase64.length > Math.ceil(maxBytes / 3) * 4 + 4) throw new AppError('too_large', 'programs.file.tooLarge', undefined, { max: maxBytes / 1024 / 1024 });
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('validation', 'programs.file.empty');
  if (bytes.length > maxBytes) throw new AppError('too_large', 'programs.file.tooLarge', undefined, { max: maxBytes / 1024 / 1024 });
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind || !kind.matches(bytes)) throw new AppError('unsupported_type', 'programs.file.badType');
  return { bytes, mime: kind.mime };
}
