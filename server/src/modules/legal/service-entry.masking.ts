import type { ServiceVersionDto } from '@rg/domain/legal/service.schema';
import { maskDetail } from '../../core/audit/audit-log.ts';

type Fields = ServiceVersionDto['fields'];

/** 身份证号 and 手机号 typed into free text, masked like the structured fields (SECURITY.md 13, 30). */
function maskNumbers(text: string): string {
  const masked = maskDetail(text);
  return typeof masked === 'string' ? masked : text;
}

/**
 * An entry's texts as a reader sees them who neither holds `personal.reveal` nor may edit the entry
 * (decision 76: village cadres and supervisors, leaders, inspectors): numbers masked. Whoever edits
 * sees what they edit, or a save would write the masks back.
 */
export function maskedFields<F extends Fields>(fields: F): F {
  return {
    ...fields,
    content: maskNumbers(fields.content),
    result: maskNumbers(fields.result),
    ...(fields.subjectName === undefined ? {} : { subjectName: maskNumbers(fields.subjectName) }),
  };
}

export function maskedComment(comment: string | null): string | null {
  return comment === null ? null : maskNumbers(comment);
}
