import zlib from 'node:zlib';

/**
 * How far an uploaded ZIP archive (.xlsx, .docx, .zip) may expand before anything parses it (issue 15
 * finding 13: a 1.18 MB sheet expanded to 480 MB and stalled the server). A 5,000-row import expands to
 * a few MB; the limits leave room for ten times that and no more.
 */
export const ZIP_LIMITS = { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 1000 } as const;

export type ZipVerdict = 'ok' | 'too_large' | 'not_zip';

interface Entry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** ZIP64 marks sizes too large for 32 bits; no upload this platform takes needs them. */
const ZIP64 = 0xffffffff;

/** The central directory's entries, or why the archive is refused (it is read, never trusted alone). */
function centralDirectory(file: Buffer, limits: typeof ZIP_LIMITS): Entry[] | Exclude<ZipVerdict, 'ok'> {
  if (file.length < 22 || file.readUInt32LE(0) !== LOCAL) return 'not_zip';
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not_zip';
  const count = file.readUInt16LE(eocd + 10);
  const offset = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === ZIP64) return 'too_large';
  if (count > limits.maxEntries) return 'too_large';
  const entries: Entry[] = [];
  let declared = 0;
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL) return 'not_zip';
    const entry: Entry = {
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      uncompressedSize: file.readUInt32LE(at + 24),
      localHeaderOffset: file.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === ZIP64 || entry.uncompressedSize === ZIP64 || entry.localHeaderOffset === ZIP64) return 'too_large';
    declared += entry.uncompressedSize;
    if (declared > limits.maxUncompressedBytes) return 'too_large';
    entries.push(entry);
    at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The cheap check, before any parsing: the central directory's entry count and the sizes it declares.
 * A zip bomb that tells the truth about its sizes is refused here in microseconds.
 */
export function checkZipDirectory(file: Buffer, limits: typeof ZIP_LIMITS = ZIP_LIMITS): ZipVerdict {
  const entries = centralDirectory(file, limits);
  return Array.isArray(entries) ? 'ok' : entries;
}

/**
 * The thorough check: every entry actually inflated, each capped at the size it declares (and all of
 * them together at the limit), so an archive whose directory lies is refused after inflating at most
 * the limit, never the bomb. Runs off the event loop (sheet-worker.ts) just before the parser.
 */
export function checkZipInflated(file: Buffer, limits: typeof ZIP_LIMITS = ZIP_LIMITS): ZipVerdict {
  const entries = centralDirectory(file, limits);
  if (!Array.isArray(entries)) return entries;
  let inflated = 0;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL) return 'not_zip';
    const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
    const data = file.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) return 'not_zip';
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      try {
        // One byte over the declared size is enough to know it lied; inflation stops there.
        size = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) }).length;
      } catch (err) {
        return err instanceof RangeError ? 'too_large' : 'not_zip';
      }
    } else return 'not_zip';
    if (size !== entry.uncompressedSize) return 'not_zip';
    inflated += size;
    if (inflated > limits.maxUncompressedBytes) return 'too_large';
  }
  return 'ok';
}
