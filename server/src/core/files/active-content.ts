import zlib from 'node:zlib';

/**
 * Markup that makes a file a polyglot: bytes a browser or a viewer would run as a page or a script if
 * the file were ever sniffed or opened as HTML/SVG (issue 15 finding 15: a JPEG+HTML polyglot was kept).
 */
// Five bytes or more each: compressed image data matches a shorter token by chance.
const MARKUP = /<(?:script|html|body|iframe|svg[\s>/]|object|embed|meta\s|form[\s>]|!doctype|\?php)|javascript:/i;

/**
 * PDF names that run or carry something when the document opens (finding 15: a PDF with OpenAction
 * JavaScript was kept): actions, scripts, launched programs and embedded files. Names may be written
 * with `#xx` escapes, so they are decoded before this is matched.
 */
const PDF_ACTIVE = /\/(?:OpenAction|JavaScript|JS|Launch|EmbeddedFile|EmbeddedFiles)(?![A-Za-z0-9])/;

/** Inflated stream text looked at per PDF, in all: object streams hide names; a bomb hides nothing more. */
const PDF_INFLATE_BUDGET = 32 * 1024 * 1024;

const JPEG_END = Buffer.from([0xff, 0xd9]);
const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** The image ends at its end marker: nothing but padding (NULs, blanks) may follow it. */
function endsAtMarker(data: Buffer, marker: Buffer): boolean {
  let end = data.length;
  while (end > 0 && (data[end - 1] === 0 || data[end - 1] === 0x20 || data[end - 1] === 0x0a || data[end - 1] === 0x0d)) end--;
  return end >= marker.length && data.subarray(end - marker.length, end).equals(marker);
}

/** `/J#61vaScript` → `/JavaScript`. */
function decodeNames(text: string): string {
  return text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The PDF's text and the text of its Flate streams (object streams keep whole dictionaries compressed). */
function pdfTexts(data: Buffer): string[] {
  const raw = data.toString('latin1');
  const texts = [raw];
  let budget = PDF_INFLATE_BUDGET;
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(raw); match && budget > 0; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inflated = zlib.inflateSync(data.subarray(start, end), { maxOutputLength: budget, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      budget -= inflated.length;
      texts.push(inflated.toString('latin1'));
    } catch {
      // Not a Flate stream (an image's DCT data, say): its bytes were already in the raw text.
    }
    streams.lastIndex = end;
  }
  return texts;
}

/**
 * Why a file whose magic bytes passed is still refused, or null: an image with markup inside or data
 * after its end, a PDF with actions, scripts or embedded files (SECURITY.md 22, finding 15).
 */
export function activeContent(
  data: Buffer,
  type: 'image/jpeg' | 'image/png' | 'application/pdf',
): 'markup' | 'trailing' | 'pdf_active' | null {
  if (type === 'application/pdf') {
    return pdfTexts(data).some((text) => PDF_ACTIVE.test(decodeNames(text)) || /<script/i.test(text)) ? 'pdf_active' : null;
  }
  if (!endsAtMarker(data, type === 'image/jpeg' ? JPEG_END : PNG_END)) return 'trailing';
  return MARKUP.test(data.toString('latin1')) ? 'markup' : null;
}
