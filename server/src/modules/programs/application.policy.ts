import type { ApplicationStatus } from '@rg/domain/programs/application.schema';
import { allOf, denyWhen, holds, inRegion, statusIn, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 申报; `create` opens one for a unit (row `{ regionCode }` of the unit). */
export type ApplicationAction = 'read' | 'create' | 'edit' | 'submit' | 'review';

export interface ApplicationSubject extends Placed {
  /** The applying unit (`unit_code`). */
  regionCode: string;
  status: ApplicationStatus | null;
  /** The level where it waits (审核中), else null. */
  reviewerRegion: string | null;
  /** Who submitted it last; null while a draft. */
  submittedBy: string | null;
}

const OPEN: readonly ApplicationStatus[] = ['draft', 'returned'];

/**
 * The application's rules (P2.3(4)–(5)): read inside the actor's region (404 outside); the unit or a
 * level above it (`programs.apply`) drafts and submits while it is a draft or returned; only the level
 * where it waits reviews it (`programs.review`, 409 at another level or another status), and never the
 * person who submitted it (SECURITY.md 10, four-eyes: 403).
 */
export const applicationPolicy: Policy<ApplicationAction, ApplicationSubject> = (actor, action, row) => {
  if (action === 'create') return allOf(holds(actor, 'programs.apply'), inRegion(actor, row));
  const read = allOf(inRegion(actor, row), holds(actor, 'programs.read'));
  if (action === 'read') return read;
  if (action === 'edit') return allOf(read, holds(actor, 'programs.apply'), statusIn(row.status, OPEN, 'programs.application.notEditable'));
  if (action === 'submit')
    return allOf(read, holds(actor, 'programs.apply'), statusIn(row.status, OPEN, 'programs.application.notSubmittable'));
  return allOf(
    read,
    holds(actor, 'programs.review'),
    denyWhen(row.submittedBy === actor.userId, 'forbidden', 'programs.review.ownSubmission'),
    statusIn(row.status, ['submitted'], 'programs.application.notUnderReview'),
    denyWhen(row.reviewerRegion !== actor.homeRegion, 'conflict', 'programs.application.notYourStep'),
  );
};
