import { AlignmentType } from 'docx';
import { chineseDate, line, officialDocument, title } from './mediation.docx-style.ts';

export interface AidDecision {
  /** The legal aid office that decides (本县法律援助中心). */
  office: string;
  applicantName: string;
  /** Full or masked, as the reader may see it. */
  idNumber: string;
  address: string | null;
  matter: string;
  hardship: string[];
  appliedOn: string;
  approved: boolean;
  reason: string;
  reviewedOn: string;
  /** Set once a lawyer or legal worker has been assigned (approved applications only). */
  assignee: { kindLabel: string; name: string } | null;
}

/**
 * 给予／不予法律援助决定书: the letter the legal aid office sends the applicant after review, with the
 * facts of the application, the decision and its reason; a refusal says where an objection goes
 * (中华人民共和国法律援助法: the justice bureau that set up the office).
 */
export function aidDecisionDocx(d: AidDecision): Promise<Buffer> {
  const name = d.approved ? '给予法律援助决定书' : '不予法律援助决定书';
  const applied = `你于${chineseDate(d.appliedOn)}提出的${d.matter}法律援助申请，本中心已收悉。`;
  const body = d.approved
    ? [
        `${applied}经审查，你的申请符合法律援助条件（${d.hardship.join('、')}），根据《中华人民共和国法律援助法》的规定，决定给予法律援助。`,
        d.assignee
          ? `本中心已指派${d.assignee.kindLabel}${d.assignee.name}承办，承办人员将与你联系。`
          : '本中心将指派律师或者基层法律服务工作者承办，承办人员将与你联系。',
        ...(d.reason ? [`审查意见：${d.reason}`] : []),
      ]
    : [
        `${applied}经审查，${d.reason.replace(/[。．.]$/, '')}。根据《中华人民共和国法律援助法》的规定，决定不予法律援助。`,
        '如对本决定有异议，可以向设立本法律援助机构的司法行政部门提出。',
      ];
  return officialDocument(d.office, name, [
    title(name),
    line(`申请人：${d.applicantName}，身份证号码：${d.idNumber}${d.address ? `，住址：${d.address}` : ''}`),
    line(`${d.applicantName}：`),
    ...body.map((text) => line(text, { indent: true })),
    line(''),
    line(`${d.office}（印）`, { align: AlignmentType.RIGHT }),
    line(chineseDate(d.reviewedOn), { align: AlignmentType.RIGHT }),
  ]);
}
