import type { CaseStatus } from '@rg/domain/programs/case.schema';
import { allOf, allow, denyWhen, holds, inRegion, statusIn, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 典型案例; `create` is the list's ability (row `{ regionCode }` of the unit). */
export type CaseAction = 'read' | 'create' | 'edit' | 'review';

export interface CaseSubject extends Placed {
  /** The unit it is about (`unit_code`). */
  regionCode: string;
  status: CaseStatus | null;
  /** Who submitted or resubmitted it last. */
  submittedBy: string | null;
}

/**
 * P2.4(3) 边试点、边总结、边推广: a published case is read by everyone; an unpublished one only inside the
 * actor's region (404 outside). The unit or a level above (`programs.apply`) submits and, once returned,
 * resubmits (409 otherwise); a level strictly above the unit (`programs.review`) publishes or returns a
 * submitted case (409 at the unit's own level), never one it submitted (four-eyes, 403).
 */
export const casePolicy: Policy<CaseAction, CaseSubject> = (actor, action, row) => {
  if (action === 'create') return allOf(holds(actor, 'programs.apply'), inRegion(actor, row));
  const read = allOf(row.status === 'published' ? allow : inRegion(actor, row), holds(actor, 'programs.read'));
  if (action === 'read') return read;
  if (action === 'edit')
    return allOf(
      read,
      inRegion(actor, row),
      holds(actor, 'programs.apply'),
      statusIn(row.status, ['returned'], 'programs.case.notReturned'),
    );
  return allOf(
    read,
    inRegion(actor, row),
    holds(actor, 'programs.review'),
    denyWhen(row.submittedBy === actor.userId, 'forbidden', 'programs.review.ownSubmission'),
    statusIn(row.status, ['submitted'], 'programs.case.notSubmitted'),
    denyWhen(row.regionCode === actor.homeRegion, 'conflict', 'programs.case.notAbove'),
  );
};
