import type { RoundAction } from '@rg/domain/indicators/indicators.schema';
import { allOf, denyWhen, holds, inRegion, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 考核轮次; `create` is the collection's ability (row with the round's region, no assessors). */
export type RoundPolicyAction = 'read' | 'create' | 'export' | RoundAction;

export interface RoundSubject extends Placed {
  /** The region the round assesses units of (`region_code`). */
  regionCode: string;
  /** 考核人员: login names named for the round; empty means any holder of `indicators.assess` there. */
  assessors: readonly string[];
}

/**
 * The round's object rules in one place (P1.5(3)): the county (or whoever holds `indicators.manage`
 * there) sets rounds up and shares the 以奖代补 pool; scoring — by hand or filled from the indicators —
 * is for the named assessors, or for any assessor of the region when none are named. Region first (404).
 */
export const roundPolicy: Policy<RoundPolicyAction, RoundSubject> = (actor, action, row) => {
  const region = inRegion(actor, row);
  if (!region.ok) return region;
  switch (action) {
    case 'read':
      return holds(actor, 'indicators.read');
    case 'create':
    case 'allocate':
      return holds(actor, 'indicators.manage');
    case 'export':
      return holds(actor, 'indicators.export');
    case 'score':
      return allOf(
        holds(actor, 'indicators.assess'),
        denyWhen(row.assessors.length > 0 && !row.assessors.includes(actor.username), 'forbidden', 'indicators.round.notAssessor'),
      );
  }
};
