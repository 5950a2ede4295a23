/** The longest file name kept (the upload's `?name=` allows the same). */
export const FILE_NAME_MAX = 120;

/**
 * Characters never kept in a file name (issue 15 finding 15): control characters (CR/LF split headers
 * and logs), the bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069 that make
 * `invoice<U+202E>fdp.exe` read as `invoiceexe.pdf`, and the invisible marks and zero-width characters
 * (U+061C, U+200B–U+200F, U+FEFF) that hide what a name really says.
 */
const UNSAFE = /[\p{Cc}\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * A file name as it is stored and shown: its last path segment only (no `../`, no folders, either slash),
 * NFC, without the characters above, without a run of dots standing for a parent folder, trimmed and
 * capped; '' when nothing is left (the caller asks for a name then).
 */
export function safeFileName(raw: string): string {
  const base = raw.normalize('NFC').replace(UNSAFE, '').split(/[/\\]/).pop() ?? '';
  const name = base
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+/, '')
    .trim();
  return [...name].slice(0, FILE_NAME_MAX).join('');
}

/** RFC 5987 `filename*` value: percent-encoded UTF-8, with the characters encodeURIComponent leaves alone but attr-char excludes. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition` of every download: always `attachment` (never `inline`, so no stored file renders
 * as a page of the app's origin; finding 15), an ASCII `filename` for old clients and the real name in
 * `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const name = safeFileName(fileName) || 'download';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
