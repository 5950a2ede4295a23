import type { ApplicationStatus } from '@rg/domain/programs/application.schema';
import type { ProgramUsage } from '@rg/domain/programs/program-rules';
import type { DbOrTx } from '../../core/db/schema.ts';
import { applicationUsageRows } from './applications.repository.ts';
import { countDesignations } from './designations.repository.ts';

/**
 * What a programme's applications and designations hold, over the whole programme whoever asks
 * (the rules of program-rules.ts protect every applicant's work, not only the viewer's region).
 */
export async function programUsage(db: DbOrTx, programId: string): Promise<ProgramUsage> {
  const { rows: applications, kinds } = await applicationUsageRows(db, programId);
  const designations = await countDesignations(db, programId);
  const statuses: Partial<Record<ApplicationStatus, number>> = {};
  const areas = new Set<string>();
  const conditions = new Set<string>();
  for (const row of applications) {
    const status = row.status;
    statuses[status] = (statuses[status] ?? 0) + 1;
    for (const key of JSON.parse(row.content_areas) as string[]) areas.add(key);
    for (const answer of JSON.parse(row.condition_answers) as { key: string; answer: string }[])
      if (answer.answer.trim() !== '') conditions.add(answer.key);
  }
  const filed = (prefix: string) => kinds.filter((kind) => kind.startsWith(prefix)).map((kind) => kind.slice(prefix.length));
  for (const key of filed('evidence:')) conditions.add(key);
  return {
    statuses,
    designations,
    usedAreas: [...areas],
    usedConditions: [...conditions],
    usedAttachments: filed('required:'),
  };
}
