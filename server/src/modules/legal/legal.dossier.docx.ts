import {
  SERVICE_TYPE_LABELS,
  SERVICE_WINDOW_LABELS,
  SUBJECT_KIND_LABELS,
  type ServiceType,
  type ServiceWindow,
  type SubjectKind,
} from '@rg/domain/legal/service.schema';
import { chinaMinute } from '@rg/domain/time/china-time';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { LegalServiceTable } from './legal.tables.ts';

/** What a dossier is made of: the village, its advisors of the year and the year's ledger entries. */
export interface DossierInput {
  villagePath: string;
  year: number;
  advisors: string[];
  entries: (LegalServiceTable & { advisor_name: string })[];
  printedAt: string;
}

const STATUS_LABELS: Record<string, string> = { submitted: '待审核', returned: '已退回', accepted: '已审核' };
const FONT = 'SimSun';

const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, bold: options.bold ?? false, size: options.size ?? 24 });
const line = (value: string, options: { bold?: boolean; size?: number; center?: boolean; before?: number; after?: number } = {}) =>
  new Paragraph({
    children: [text(value, options)],
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: options.before ?? 0, after: options.after ?? 120 },
  });

/** `label：value` pairs on one line, labels bold, separated by wide spaces. */
function fieldsLine(pairs: [string, string][]): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: pairs.flatMap(([label, value], i) => [
      text(`${i > 0 ? '    ' : ''}${label}：`, { bold: true, size: 22 }),
      text(value, { size: 22 }),
    ]),
  });
}

/**
 * One service with every field (一次一记: time, window, type, advisor, subject, content, result,
 * duration, attendance, review). Paragraphs rather than a table: a year of 200 entries renders in a
 * fraction of the time, and the batch for a county stays within a minute (issue 3 "Speed").
 */
function entryParagraphs(entry: DossierInput['entries'][number]): Paragraph[] {
  const subject =
    entry.subject_kind === 'village'
      ? SUBJECT_KIND_LABELS.village
      : `${SUBJECT_KIND_LABELS[entry.subject_kind as SubjectKind]}：${entry.subject_name ?? ''}`;
  return [
    fieldsLine([
      ['服务时间', chinaMinute(entry.served_at)],
      ['服务窗口', SERVICE_WINDOW_LABELS[entry.service_window as ServiceWindow]],
      ['服务时长', `${entry.duration_minutes} 分钟`],
    ]),
    fieldsLine([
      ['法律顾问', entry.advisor_name],
      ['服务对象', subject],
      ...(entry.attendance !== null ? [['参加人数', `${entry.attendance} 人`] as [string, string]] : []),
      ['审核状态', `${STATUS_LABELS[entry.status] ?? entry.status}（第 ${entry.version} 版）`],
    ]),
    fieldsLine([['服务内容', entry.content]]),
    fieldsLine([['服务结果', entry.result]]),
  ];
}

/**
 * 一村一卷 (P1.4(3)) in one layout for every village: a cover with village, advisor and year; a
 * contents list; one section per service with all its fields; a signature block. Made from the
 * ledger only.
 */
export async function dossierDocx(input: DossierInput): Promise<Buffer> {
  const cover = [
    line('村（社区）法律顾问工作档案', { bold: true, size: 44, center: true, before: 2400, after: 600 }),
    line(input.villagePath, { size: 32, center: true, after: 300 }),
    line(`年度：${input.year} 年`, { size: 28, center: true, after: 200 }),
    line(`法律顾问：${input.advisors.length > 0 ? input.advisors.join('、') : '（本年度未安排）'}`, { size: 28, center: true, after: 200 }),
    line(`服务记录：${input.entries.length} 条`, { size: 28, center: true, after: 200 }),
    line(`生成时间：${chinaMinute(input.printedAt)}`, { size: 24, center: true }),
  ];
  const contents = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [text('目  录', { bold: true, size: 32 })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
    }),
    ...(input.entries.length === 0
      ? [line('本年度暂无服务记录。')]
      : input.entries.map((e, i) =>
          line(
            `${i + 1}. ${chinaMinute(e.served_at).slice(0, 10)}  ${SERVICE_TYPE_LABELS[e.service_type as ServiceType]}  ${SERVICE_WINDOW_LABELS[e.service_window as ServiceWindow]}  ${e.subject_kind === 'village' ? '本村（社区）' : (e.subject_name ?? '')}`,
            { after: 60 },
          ),
        )),
  ];
  const entries = input.entries.flatMap((e, i) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      pageBreakBefore: i === 0,
      spacing: { before: 300, after: 120 },
      children: [
        text(`${i + 1}. ${SERVICE_TYPE_LABELS[e.service_type as ServiceType]}（${chinaMinute(e.served_at).slice(0, 10)}）`, {
          bold: true,
          size: 28,
        }),
      ],
    }),
    ...entryParagraphs(e),
  ]);
  const signature = [
    new Paragraph({
      pageBreakBefore: true,
      children: [text('审核签字', { bold: true, size: 32 })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 600 },
    }),
    line('法律顾问（签字）：______________        日期：____年____月____日', { after: 600 }),
    line('村（社区）负责人（签字、盖章）：______________        日期：____年____月____日', { after: 600 }),
    line('司法所审核意见：______________________________________________', { after: 300 }),
    line('审核人（签字）：______________        日期：____年____月____日', { after: 300 }),
  ];
  const doc = new Document({
    creator: '乡村治理试点示范平台',
    title: `${input.villagePath}${input.year}年法律顾问工作档案`,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [{ properties: {}, children: [...cover, ...contents, ...entries, ...signature] }],
  });
  return Packer.toBuffer(doc);
}
