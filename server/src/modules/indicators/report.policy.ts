import type { ReportAction, ReportStatus } from '@rg/domain/indicators/indicators.schema';
import { allOf, denyWhen, holds, inRegion, statusIn, type Placed, type Policy } from '../../core/access/policy.ts';

/**
 * What may be done with a 平安乡村季度报表: `read`, `edit` (submit or resubmit this form), `review`;
 * `report` is the collection's ability, whether the actor may fill in forms for the village at all
 * (row with no status).
 */
export type ReportPolicyAction = 'read' | 'report' | ReportAction;

/** A village's form for a quarter as the policy sees it; before the first submission, status and submitter are null. */
export interface ReportSubject extends Placed {
  /** The village (`unit_code`). */
  regionCode: string;
  /** A `ReportStatus` as stored; null before the first submission. */
  status: string | null;
  /** Login name of whoever submitted it last (`submitted_by`). */
  submittedBy: string | null;
  /** The quarter is locked for the village, by its town or anyone above. */
  locked: boolean;
}

/** A form may be (re)submitted until it is approved; a returned one is corrected and sent again. */
const EDITABLE: readonly (ReportStatus | 'new')[] = ['new', 'submitted', 'returned'];
const REVIEWABLE: readonly ReportStatus[] = ['submitted'];

/**
 * The form's object rules in one place (P3.3(三)2): the village's own cadres (or an official above
 * them) report for it, the town or the county reviews, never the village itself, and never whoever
 * submitted the form (four-eyes, SECURITY.md 10); a locked quarter or an approved form takes no more
 * changes (409). Region first (404), then permission and level (403), then lock and status (409).
 */
export const reportPolicy: Policy<ReportPolicyAction, ReportSubject> = (actor, action, row) => {
  const region = inRegion(actor, row);
  if (!region.ok) return region;
  switch (action) {
    case 'read':
      return holds(actor, 'indicators.read');
    case 'report':
      return holds(actor, 'indicators.report');
    case 'edit':
      return allOf(
        holds(actor, 'indicators.report'),
        denyWhen(row.locked, 'conflict', 'indicators.report.locked'),
        statusIn(row.status ?? 'new', EDITABLE, 'indicators.report.approved'),
      );
    case 'review':
      return allOf(
        holds(actor, 'indicators.review'),
        denyWhen(actor.homeRegion === row.regionCode, 'forbidden', 'indicators.review.ownLevel'),
        denyWhen(row.submittedBy === actor.username, 'forbidden', 'indicators.review.ownSubmission'),
        denyWhen(row.locked, 'conflict', 'indicators.report.locked'),
        statusIn(row.status, REVIEWABLE, 'indicators.review.notSubmitted'),
      );
  }
};
