import { DESIGNATION_TRANSITIONS, type DesignationAction, type DesignationStatus } from '@rg/domain/programs/designation.schema';
import { allOf, holds, inRegion, statusIn, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 命名: read it, or move it (警示、恢复、撤销). */
export type DesignationPolicyAction = 'read' | DesignationAction;

export interface DesignationSubject extends Placed {
  /** The designated unit (`unit_code`). */
  regionCode: string;
  /** The programme's organiser, whose managers move the title. */
  organiserRegion: string;
  status: DesignationStatus;
}

/**
 * 命名与动态管理 (P3.5(2)): a title is read inside the actor's region (404 outside); the organiser's region
 * (`programs.manage` there; below it 404) warns, restores or revokes it, each from the statuses
 * DESIGNATION_TRANSITIONS allows (409 from any other).
 */
export const designationPolicy: Policy<DesignationPolicyAction, DesignationSubject> = (actor, action, row) => {
  const read = allOf(inRegion(actor, row), holds(actor, 'programs.read'));
  if (action === 'read') return read;
  return allOf(
    read,
    holds(actor, 'programs.manage'),
    inRegion(actor, { regionCode: row.organiserRegion }),
    statusIn(row.status, DESIGNATION_TRANSITIONS[action].from, 'programs.designation.wrongState'),
  );
};
