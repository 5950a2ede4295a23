import type { ServiceStatus } from '@rg/domain/legal/service.schema';
import { isWithin } from '@rg/domain/regions/region-code';
import type { Actor } from '../../core/access/actor.ts';
import { allOf, allow, denyWhen, holds, inRegion, statusIn, type Decision, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 服务台账 entry; `create` is the collection's ability (row `{ regionCode }`). */
export type ServiceEntryAction = 'read' | 'create' | 'edit' | 'attach' | 'review';

/** A ledger entry as the policy sees it; for `create`, the entry about to be recorded. */
export interface ServiceEntrySubject extends Placed {
  /** The village (`village_code`). */
  regionCode: string;
  /** Whose entry it is (or will be); null when a list asks whether anything may be created. */
  advisorId: string | null;
  /** A `ServiceStatus` as stored; null before the entry exists. */
  status: string | null;
  /** Who entered it (`created_by`); null before it exists. */
  createdBy: string | null;
}

/** The actor's own roster entry when their account is an advisor's, with the villages they serve now. */
export interface OwnAdvisor {
  id: string;
  villages: readonly string[];
}

const EDITABLE: readonly ServiceStatus[] = ['submitted', 'returned'];
const REVIEWABLE: readonly ServiceStatus[] = ['submitted'];

/**
 * Who may know about the entry (else 404): the justice office (`legal.read`, which also covers the
 * village cadres and supervisors of decision 76) reads its region's ledger; an advisor reads only
 * their own entries. A holder of `legal.record` whose account is not on the roster is told so (403).
 */
function visible(actor: Actor, own: OwnAdvisor | null, row: ServiceEntrySubject): Decision {
  if (actor.permissions.has('legal.read')) return allow;
  if (own) return denyWhen(row.advisorId !== own.id, 'not_found', 'error.notFound');
  return actor.permissions.has('legal.record')
    ? { ok: false, status: 'forbidden', messageKey: 'legal.advisor.notLinked', permission: 'legal.record' }
    : holds(actor, 'legal.read');
}

/**
 * Who writes: an advisor their own entries for a village they serve now (P1.4(3) 一次一记; another
 * village answers 404); the justice office (`legal.record` + `legal.manage`) any entry of its region.
 */
function writer(actor: Actor, own: OwnAdvisor | null, row: ServiceEntrySubject): Decision {
  if (own && (row.advisorId === null || row.advisorId === own.id)) {
    return denyWhen(!own.villages.some((village) => isWithin(village, row.regionCode)), 'not_found', 'error.notFound');
  }
  return allOf(holds(actor, 'legal.record'), holds(actor, 'legal.manage'));
}

/**
 * The ledger's object rules in one place (P1.4(3)): region (404), ownership (an advisor sees and
 * edits only their own entries, for villages they serve), status (an accepted entry is locked, a
 * returned one may be corrected: 409) and four-eyes on review (whoever entered a record never
 * reviews it, SECURITY.md 10: 403).
 */
export function serviceEntryPolicy(own: OwnAdvisor | null): Policy<ServiceEntryAction, ServiceEntrySubject> {
  return (actor, action, row) => {
    const region = inRegion(actor, row);
    if (!region.ok) return region;
    if (action === 'create') return writer(actor, own, row);
    const seen = visible(actor, own, row);
    if (!seen.ok || action === 'read') return seen;
    if (action === 'review') {
      const recordedBySelf = row.createdBy === actor.userId || (own !== null && row.advisorId === own.id);
      return allOf(
        holds(actor, 'legal.review'),
        denyWhen(recordedBySelf, 'forbidden', 'legal.service.ownRecord'),
        statusIn(row.status, REVIEWABLE, 'legal.service.notReturnable'),
      );
    }
    return allOf(writer(actor, own, row), statusIn(row.status, EDITABLE, 'legal.service.accepted'));
  };
}
