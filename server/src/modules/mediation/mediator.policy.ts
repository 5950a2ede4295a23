import { allOf, holds, inRegion, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 人民调解员: read, appoint (`create`, on the list), change, record training, reveal. */
export type MediatorAccess = 'read' | 'create' | 'update' | 'train' | 'reveal';

/** A mediator (their committee's region), or a region's mediators as a whole. */
export type MediatorSubject = Placed;

/**
 * The mediators' rules: outside the actor's region not found (404); reading needs `mediation.read`,
 * changes `mediation.manage` (403), and the full phone or ID number `personal.reveal` besides
 * (SECURITY.md 13, audited by the reveal itself).
 */
export const mediatorPolicy: Policy<MediatorAccess, MediatorSubject> = (actor, action, row) => {
  const read = allOf(inRegion(actor, row), holds(actor, 'mediation.read'));
  if (action === 'read') return read;
  if (action === 'reveal') return allOf(read, holds(actor, 'personal.reveal'));
  return allOf(inRegion(actor, row), holds(actor, 'mediation.manage'));
};
