import type { ReportStatus } from '@rg/domain/programs/evaluation.schema';
import { allOf, denyWhen, holds, inRegion, statusIn, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done about a designated unit's 年度总结 and 评价: send the year's report, score the unit, decide one report. */
export type EvaluationAction = 'report' | 'evaluate' | 'reviewReport';

export interface EvaluationSubject extends Placed {
  /** The designated unit (`unit_code`). */
  regionCode: string;
  /** Not revoked: a revoked title takes no report and no evaluation. */
  live: boolean;
  /** Where its reports are reviewed: the programme's first review level above the unit. */
  reviewerRegion: string;
  /** The report decided by `reviewReport`; null for the designation's abilities (report, evaluate). */
  reportStatus: ReportStatus | null;
  /** Who sent that report; null when unknown. */
  submittedBy: string | null;
}

/**
 * P2.4(4), P3.4(5): the unit or a level above it (`programs.apply`) reports and inspectors
 * (`programs.evaluate`) score, inside their region and while the title is live (409 once revoked);
 * the reviewer level (`programs.review` there, 409 elsewhere) decides a submitted report, never one it
 * sent itself (four-eyes, 403).
 */
export const evaluationPolicy: Policy<EvaluationAction, EvaluationSubject> = (actor, action, row) => {
  const live = denyWhen(!row.live, 'conflict', 'programs.evaluation.revoked');
  if (action === 'report') return allOf(inRegion(actor, row), holds(actor, 'programs.apply'), live);
  if (action === 'evaluate') return allOf(inRegion(actor, row), holds(actor, 'programs.evaluate'), live);
  return allOf(
    inRegion(actor, row),
    holds(actor, 'programs.review'),
    denyWhen(row.submittedBy === actor.userId, 'forbidden', 'programs.review.ownSubmission'),
    statusIn(row.reportStatus, ['submitted'], 'programs.report.notSubmitted'),
    denyWhen(row.reviewerRegion !== actor.homeRegion, 'conflict', 'programs.report.notYours'),
  );
};
