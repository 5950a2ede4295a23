import { PLAN_SECTION_LABELS, PLAN_SECTIONS } from '@rg/domain/programs/catalog';
import type { ProgramCondition, RequiredAttachment } from '@rg/domain/programs/program.schema';
import type { Sections } from './application.presenter.ts';
import type { ApplicationRow } from './applications.repository.ts';
import type { ProgramRow } from './programs.repository.ts';
import { plainText } from './programs.richtext.ts';
import { parseJson } from './programs.service.ts';

/**
 * Everything the programme requires (P2.3(4)) that the application lacks, each named: field → message
 * key, and the label the 400 lists. `kinds` are the kinds of the files filed with it.
 */
export function missingParts(
  row: Pick<ApplicationRow, 'content_areas' | 'condition_answers'>,
  program: Pick<ProgramRow, 'conditions' | 'required_attachments'>,
  sections: Sections,
  kinds: ReadonlySet<string>,
): { fields: Record<string, string>; names: string[] } {
  const fields: Record<string, string> = {};
  const names: string[] = [];
  if (parseJson<string[]>(row.content_areas).length === 0) {
    fields.contentAreas = 'programs.application.areasRequired';
    names.push('试点内容');
  }
  for (const section of PLAN_SECTIONS) {
    if (plainText(sections[section]) === '') {
      fields[`sections.${section}`] = 'programs.section.required';
      names.push(PLAN_SECTION_LABELS[section]);
    }
  }
  const answers = new Map(parseJson<{ key: string; answer: string }[]>(row.condition_answers).map((a) => [a.key, a.answer.trim()]));
  for (const condition of parseJson<ProgramCondition[]>(program.conditions)) {
    if (!answers.get(condition.key)) {
      fields[`conditions.${condition.key}`] = 'programs.condition.required';
      names.push(`申报条件“${condition.text}”`);
    }
    if (condition.evidenceRequired && !kinds.has(`evidence:${condition.key}`)) {
      fields[`evidence.${condition.key}`] = 'programs.condition.evidenceRequired';
      names.push(`申报条件“${condition.text}”的证明材料`);
    }
  }
  for (const attachment of parseJson<RequiredAttachment[]>(program.required_attachments)) {
    if (!kinds.has(`required:${attachment.key}`)) {
      fields[`attachments.${attachment.key}`] = 'programs.attachment.required';
      names.push(`附件“${attachment.label}”`);
    }
  }
  return { fields, names };
}
