import { maskFreeText } from '@rg/domain/personal/free-text';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { plainText } from './programs.richtext.ts';
import { applicationCounts } from './applications.repository.ts';
import { publishedCasesOf } from './cases.repository.ts';
import { listDesignations } from './designations.repository.ts';
import { acceptedReportsOf, evaluationsOf } from './evaluations.repository.ts';
import { ProgramsService } from './programs.service.ts';

const FONT = '仿宋';
const SIZE = 28; // 四号

function para(text: string, options: { bold?: boolean; heading?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: options.heading ? HeadingLevel.HEADING_2 : undefined,
    indent: options.heading ? undefined : { firstLine: 560 },
    spacing: { line: 480 },
    children: [new TextRun({ text, bold: options.bold || options.heading, font: options.heading ? '黑体' : FONT, size: SIZE })],
  });
}

const STATUS: Record<string, string> = { active: '有效', warned: '已警示', revoked: '已撤销' };
const KIND: Record<string, string> = { performance: '绩效评价', acceptance: '考核验收' };

/**
 * 试点工作总结 (.docx, P2.4(4)): compiled from the units' accepted yearly reports, their evaluations
 * and the published typical cases — only the units inside the actor's region. The export is audited.
 */
export async function programSummaryDocx(
  ctx: AppContext,
  rc: RequestContext,
  programId: string,
): Promise<{ fileName: string; body: Buffer }> {
  const actor = authorize(rc.actor, 'programs.read');
  const program = await new ProgramsService(ctx).load(actor, programId);
  const scope = listScope(actor);
  const designations = await listDesignations(ctx.db, scope, programId);
  const ids = designations.map((d) => d.id);
  const reports = await acceptedReportsOf(ctx.db, ids);
  const evaluations = await evaluationsOf(ctx.db, ids, 'asc');
  const cases = await publishedCasesOf(ctx.db, programId, scope);
  const counts = await applicationCounts(ctx.db, programId, scope);

  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `${program.name}（${program.batch}）工作总结`, bold: true, font: '宋体', size: 40 })],
    }),
    para('一、基本情况', { heading: true }),
    para(
      `本项目由${program.organiser_name}组织，试点周期为 ${program.cycle_start} 至 ${program.cycle_end}。共收到申报 ${counts.applications} 份，批准 ${counts.approved} 份；命名 ${designations.length} 个单位，其中有效 ${designations.filter((d) => d.status === 'active').length} 个、警示 ${designations.filter((d) => d.status === 'warned').length} 个、撤销 ${designations.filter((d) => d.status === 'revoked').length} 个。`,
    ),
    para('二、各试点单位进展', { heading: true }),
  ];
  for (const [i, d] of designations.entries()) {
    children.push(
      para(`（${i + 1}）${d.unit_name}：${d.title}（${STATUS[d.status] ?? d.status}，${d.designated_on} 命名）`, { bold: true }),
    );
    for (const r of reports.filter((x) => x.designation_id === d.id))
      children.push(para(`${r.year} 年度总结：${plainText(r.content).replace(/\n/g, ' ')}`));
    for (const e of evaluations.filter((x) => x.designation_id === d.id)) {
      children.push(
        para(
          `${KIND[e.kind] ?? e.kind}（${e.evaluated_on}）：总分 ${e.total_x10 / 10}，${e.passed === 1 ? '合格' : '不合格'}${e.honour_title ? `，授予“${e.honour_title}”称号` : ''}。`,
        ),
      );
    }
  }
  children.push(para('三、典型案例', { heading: true }));
  if (cases.length === 0) children.push(para('暂无已发布的典型案例。'));
  for (const c of cases) children.push(para(`${c.title}：${maskFreeText(c.summary)}`));

  const doc = new Document({ creator: program.organiser_name, title: `${program.name}工作总结`, sections: [{ children }] });
  const body = await Packer.toBuffer(doc);
  await ctx.audit.record(ctx.db, rc, {
    action: 'export.programs_summary',
    objectType: 'program',
    objectId: programId,
    objectRegion: program.organiser_region,
    detail: { units: designations.length },
  });
  return { fileName: `${program.name}工作总结.docx`, body };
}
