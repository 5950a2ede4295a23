import { AlignmentType } from 'docx';
import { chineseDate, line, officialDocument, title } from './mediation.docx-style.ts';

export interface AgreementParty {
  role: 'applicant' | 'respondent';
  kind: 'person' | 'organisation';
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface AgreementContent {
  caseNo: string;
  committeeName: string;
  parties: AgreementParty[];
  facts: string;
  terms: string;
  performanceDeadline: string | null;
  mediatorName: string | null;
  agreedOn: string;
}

function partyLine(p: AgreementParty): string {
  const role = p.role === 'applicant' ? '申请人' : '被申请人';
  const id = p.idNumber ? `，${p.kind === 'person' ? '身份证号码' : '统一社会信用代码'}：${p.idNumber}` : '';
  const address = p.address ? `，${p.kind === 'person' ? '住址' : '住所地'}：${p.address}` : '';
  const phone = p.phone ? `，联系方式：${p.phone}` : '';
  return `当事人（${role}）：${p.name}${id}${address}${phone}`;
}

/**
 * 人民调解协议书 in the layout of the Ministry of Justice's standard form (人民调解文书格式): title,
 * number, the parties, 纠纷主要事实、争议事项, 达成的协议, 履行方式和时限, copies, signatures, seal and date.
 */
export async function agreementDocx(content: AgreementContent): Promise<Buffer> {
  const copies = content.parties.length + 1;
  return officialDocument(content.committeeName, '人民调解协议书', [
    title('人民调解协议书'),
    line(`编号：${content.caseNo}`, { align: AlignmentType.RIGHT }),
    ...content.parties.map((p) => line(partyLine(p))),
    line('纠纷主要事实、争议事项：', { bold: true }),
    ...content.facts.split(/\n+/).map((t) => line(t, { indent: true })),
    line('经调解，自愿达成如下协议：', { bold: true }),
    ...content.terms.split(/\n+/).map((t) => line(t, { indent: true })),
    line('履行方式、时限：', { bold: true }),
    line(
      content.performanceDeadline
        ? `各方当事人应于${chineseDate(content.performanceDeadline)}前按上述协议履行完毕。`
        : '各方当事人应按上述协议约定的方式自觉履行。',
      { indent: true },
    ),
    line(`本协议一式${copies}份，当事人、人民调解委员会各持一份。`, { indent: true }),
    line('当事人应当按照约定履行本协议。经人民调解委员会调解达成的调解协议，具有法律约束力。', { indent: true }),
    line(''),
    ...content.parties.map((p) => line(`当事人（${p.role === 'applicant' ? '申请人' : '被申请人'}）（签名盖章或按指印）：`)),
    line(`人民调解员（签名）：${content.mediatorName ?? ''}`),
    line('记录人（签名）：'),
    line(''),
    line(`（${content.committeeName}印）`, { align: AlignmentType.RIGHT }),
    line(chineseDate(content.agreedOn), { align: AlignmentType.RIGHT }),
  ]);
}
