import type { ApplicationStatus } from '@rg/domain/programs/application.schema';
import type { ProgramUsage } from '@rg/domain/programs/program-rules';
import type { DbOrTx } from '../../core/db/schema.ts';

/**
 * What a programme's applications and designations hold, over the whole programme whoever asks
 * (the rules of program-rules.ts protect every applicant's work, not only the viewer's region).
 */
export async function programUsage(db: DbOrTx, programId: string): Promise<ProgramUsage> {
  const applications = await db
    .selectFrom('program_applications')
    .select(['status', 'content_areas', 'condition_answers'])
    .where('program_id', '=', programId)
    .execute();
  const kinds = await db
    .selectFrom('program_attachments as f')
    .innerJoin('program_applications as a', 'a.id', 'f.owner_id')
    .select('f.kind')
    .distinct()
    .where('a.program_id', '=', programId)
    .execute();
  const designations = await db
    .selectFrom('program_designations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow();
  const statuses: Partial<Record<ApplicationStatus, number>> = {};
  const areas = new Set<string>();
  const conditions = new Set<string>();
  for (const row of applications) {
    const status = row.status as ApplicationStatus;
    statuses[status] = (statuses[status] ?? 0) + 1;
    for (const key of JSON.parse(row.content_areas) as string[]) areas.add(key);
    for (const answer of JSON.parse(row.condition_answers) as { key: string; answer: string }[])
      if (answer.answer.trim() !== '') conditions.add(answer.key);
  }
  const filed = (prefix: string) =>
    kinds
      .map((k) => k.kind)
      .filter((kind) => kind.startsWith(prefix))
      .map((kind) => kind.slice(prefix.length));
  for (const key of filed('evidence:')) conditions.add(key);
  return {
    statuses,
    designations: Number(designations.n),
    usedAreas: [...areas],
    usedConditions: [...conditions],
    usedAttachments: filed('required:'),
  };
}
