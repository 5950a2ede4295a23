import { allOf, holds, inRegion, type Placed, type Policy } from '../../core/access/policy.ts';

/**
 * What may be done with a 人民调解委员会 or the committees of a region: read, export the staffing short
 * list, set one up (`create`), change or dissolve it (`update`), and set the region's 调解工作设置
 * (`configure`: overdue days, follow-up days, the hardship criteria of legal aid).
 */
export type CommitteeAccess = 'read' | 'export' | 'create' | 'update' | 'configure';

/** A committee, or a region's committees as a whole (`{ regionCode }`). */
export type CommitteeSubject = Placed;

/**
 * The committees' rules (P1.4(4) 双建, P3.3(三)1): a committee outside the actor's region is not found
 * (404); reading needs `mediation.read`, the staffing export `mediation.export`, and every change
 * `mediation.manage`, the justice office's (403).
 */
export const committeePolicy: Policy<CommitteeAccess, CommitteeSubject> = (actor, action, row) => {
  const region = inRegion(actor, row);
  if (action === 'read') return allOf(region, holds(actor, 'mediation.read'));
  if (action === 'export') return allOf(region, holds(actor, 'mediation.export'));
  return allOf(region, holds(actor, 'mediation.manage'));
};
