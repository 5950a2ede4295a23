import { AID_STATUS_LABELS, AID_STATUSES, AID_STEPS, type AidStatus, type AidStep } from '@rg/domain/mediation/aid.schema';
import { allOf, allow, denyWhen, holds, inRegion, type Decision, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 法律援助 application: read, apply (`create`, on the list), a step, reveal, the decision letter. */
export type AidAccess = 'read' | 'create' | 'reveal' | 'decision' | AidStep;

export interface AidSubject extends Placed {
  /** The applicant's place (`region_code`). */
  regionCode: string;
  /** null before the application exists. */
  status: AidStatus | null;
  /** Whether it has been reviewed (the decision letter follows the review). */
  reviewed: boolean;
  /** The account that entered it, null when unknown (entered before it was kept, or not yet entered). */
  submittedBy: string | null;
}

const isStep = (action: AidAccess): action is AidStep => action in AID_STEPS;

function stepOpen(row: AidSubject, step: AidStep): Decision {
  const allowed: readonly AidStatus[] = AID_STEPS[step];
  return row.status !== null && allowed.includes(row.status)
    ? allow
    : {
        ok: false,
        status: 'conflict',
        messageKey: 'mediation.aid.step.notAllowed',
        params: { status: row.status ? AID_STATUS_LABELS[row.status] : '' },
      };
}

/**
 * Legal aid's rules (P1.4(4)「积极为经济困难群众提供法律援助」): outside the actor's region not found
 * (404); reading needs `mediation.read`, applying and every step `mediation.aid` (403); whoever entered an
 * application never reviews it (four-eyes, SECURITY.md 10, issue 15 finding 9: 403); a step must be open
 * in the application's status (审查 → 指派 → 结案, 409), and the decision letter exists once reviewed.
 */
export const aidPolicy: Policy<AidAccess, AidSubject> = (actor, action, row) => {
  const region = inRegion(actor, row);
  if (action === 'read') return allOf(region, holds(actor, 'mediation.read'));
  if (action === 'reveal') return allOf(region, holds(actor, 'mediation.read'), holds(actor, 'personal.reveal'));
  const manage = allOf(region, holds(actor, 'mediation.aid'));
  if (action === 'review')
    return allOf(
      manage,
      denyWhen(row.submittedBy === actor.userId, 'forbidden', 'mediation.aid.review.ownSubmission'),
      stepOpen(row, action),
    );
  if (isStep(action)) return allOf(manage, stepOpen(row, action));
  if (action === 'decision') return allOf(manage, denyWhen(!row.reviewed, 'conflict', 'mediation.aid.decision.none'));
  return manage;
};

/** The policy's view of a stored application. */
export function aidSubject(row: {
  region_code: string;
  status: string;
  reviewed_on: string | null;
  submitted_by: string | null;
}): AidSubject {
  const status = AID_STATUSES.find((s) => s === row.status) ?? null;
  return { regionCode: row.region_code, status, reviewed: row.reviewed_on !== null, submittedBy: row.submitted_by };
}
