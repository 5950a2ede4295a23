import { allOf, denyWhen, holds, inRegion, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with 驻村安排 (P1.4(2)); `create` sends an advisor to a village (row `{ regionCode }`). */
export type AssignmentAction = 'create' | 'handover' | 'end';

export interface AssignmentSubject extends Placed {
  /** The village served (`village_code`). */
  regionCode: string;
  /** An ended assignment stays in the history and changes no more; false for `create`. */
  ended: boolean;
}

/** The justice office (`legal.manage`) of the village's region arranges, hands over and ends; an ended one answers 409. */
export const assignmentPolicy: Policy<AssignmentAction, AssignmentSubject> = (actor, action, row) =>
  allOf(
    inRegion(actor, row),
    holds(actor, 'legal.manage'),
    denyWhen(action !== 'create' && row.ended, 'conflict', 'legal.assignment.ended'),
  );
