import { allOf, holds, inRegion, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with 矛盾纠纷排查 reports: read a region's completeness, file a village's report. */
export type ScreeningAccess = 'read' | 'submit';

/** A village (its report), or a region's reports as a whole. */
export type ScreeningSubject = Placed;

/**
 * P1.4(4)「积极开展矛盾纠纷排查调处」: villages report monthly. Reading needs `mediation.read`, filing
 * `mediation.screen` (village cadres, mediators, officials), each within the actor's region (404 outside).
 */
export const screeningPolicy: Policy<ScreeningAccess, ScreeningSubject> = (actor, action, row) =>
  allOf(inRegion(actor, row), holds(actor, action === 'read' ? 'mediation.read' : 'mediation.screen'));
