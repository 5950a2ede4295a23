import { z } from 'zod';
import { EVALUATION_KINDS } from './evaluation.schema.ts';
import { UNIT_LEVELS } from './catalog.ts';

/**
 * What the programmes module publishes (name → payload), owned here by the publisher; subscribers
 * (the legal module's pilot villages) and the indicator feeds read these types, never guess them.
 */
export const programsEvents = {
  /** A unit was named a pilot or demonstration unit (命名, P3.2). */
  'programs.designated': z.object({
    designationId: z.string(),
    programId: z.string(),
    title: z.string(),
    unitLevel: z.enum(UNIT_LEVELS),
    organiserRegion: z.string(),
  }),
  /** A designation was revoked (撤销命名). */
  'programs.revoked': z.object({ designationId: z.string(), programId: z.string(), title: z.string(), reason: z.string() }),
  /** A designated unit was evaluated (绩效评价 or 验收). */
  'programs.evaluated': z.object({
    evaluationId: z.string(),
    designationId: z.string(),
    programId: z.string(),
    kind: z.enum(EVALUATION_KINDS),
    total: z.number(),
    passed: z.boolean(),
    honourTitle: z.string().nullable(),
  }),
  /** A typical case (典型案例) was published. */
  'programs.case_published': z.object({ caseId: z.string(), title: z.string() }),
} as const;
