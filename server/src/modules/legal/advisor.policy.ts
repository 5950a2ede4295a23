import { allOf, holds, inRegion, statusIn, type Placed, type Policy } from '../../core/access/policy.ts';
import type { AdvisorStatus } from '@rg/domain/legal/advisor.schema';

/** What may be done with a roster entry (法律顾问名册, P1.4(2)); `create` is the roster's ability (row `{ regionCode }`). */
export type AdvisorAction = 'read' | 'create' | 'update' | 'reveal' | 'assign';

export interface AdvisorSubject extends Placed {
  /** The roster's region (`region_code`): the justice bureau or office that contracted the advisor. */
  regionCode: string;
  /** An `AdvisorStatus` as stored; null for the roster itself. */
  status: string | null;
}

const ASSIGNABLE: readonly AdvisorStatus[] = ['active'];

/**
 * The roster's rules: read with `legal.read` in the region (404 outside), change and assign with
 * `legal.manage`, reveal the full phone or ID number with `personal.reveal` (SECURITY.md 13); only an
 * advisor on duty (在岗) is sent to a village (409 otherwise).
 */
export const advisorPolicy: Policy<AdvisorAction, AdvisorSubject> = (actor, action, row) => {
  const read = allOf(inRegion(actor, row), holds(actor, 'legal.read'));
  if (action === 'read') return read;
  if (action === 'reveal') return allOf(read, holds(actor, 'personal.reveal'));
  const manage = allOf(inRegion(actor, row), holds(actor, 'legal.manage'));
  if (action === 'assign') return allOf(manage, statusIn(row.status, ASSIGNABLE, 'legal.advisor.notActive'));
  return manage;
};
