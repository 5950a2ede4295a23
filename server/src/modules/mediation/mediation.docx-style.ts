import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

/** Body text of official documents (党政机关公文格式): 仿宋, 三号 (16 pt, in half-points), 28 pt line spacing. */
const FONT = '仿宋';
const SIZE = 32;

export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** One paragraph of body text; `indent` is the two-character first-line indent. */
export function line(
  text: string,
  options: { bold?: boolean; indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
    children: [new TextRun({ text, bold: options.bold, font: FONT, size: SIZE })],
  });
}

/** The document's title: 宋体, 二号, bold, centred. */
export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, bold: true, font: '宋体', size: 44 })],
  });
}

/** An A4 document with the standard margins (3.7 / 3.5 / 2.8 / 2.6 cm), as .docx bytes. */
export async function officialDocument(creator: string, name: string, children: Paragraph[]): Promise<Buffer> {
  const doc = new Document({
    creator,
    title: name,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
