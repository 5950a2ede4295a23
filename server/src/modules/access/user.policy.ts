import { ADMIN_ROLES, type Role } from '@rg/domain/access/roles';
import type { UserAction } from '@rg/domain/access/user.schema';
import type { Actor } from '../../core/access/actor.ts';
import { allOf, denyWhen, holds, inRegion, type Decision, type Placed, type Policy } from '../../core/access/policy.ts';

/**
 * What may be done with an account: `read`, the row's abilities (`UserAction`), and `grant` — give an
 * account (new or existing) this region and these roles.
 */
export type UserPolicyAction = 'read' | 'grant' | UserAction;

export interface UserSubject extends Placed {
  /** The account's region (`region_code`), or the one it is to get. */
  regionCode: string;
  /** The account's id; null for one about to be created. */
  id: string | null;
  /** Its roles, or the ones it is to get (`grant`). */
  roles: readonly Role[];
  /** Whether a phone number is stored, so that there is something to reveal. */
  hasPhone: boolean;
}

/**
 * The three administrator roles are separate duties (三权分立, SECURITY.md 11): an account holding one
 * of them holds no other role, so nobody both runs the system, grants rights and reads the audit log.
 */
function keepsDutiesApart(roles: readonly Role[]): Decision {
  const admin = roles.some((role) => ADMIN_ROLES.includes(role));
  return denyWhen(admin && roles.length > 1, 'forbidden', 'user.role.adminMix');
}

/**
 * Accounts' object rules in one place: region (404); `user.manage` and no escalation (SECURITY.md 8):
 * an actor manages only accounts whose every role they may grant, and grants only roles they may
 * grant (domain/src/access/grants.ts), kept apart as 三权分立 requires; nobody disables or resets their
 * own account (403), nor grants themselves roles or a region (issue 15 finding 8: the security
 * administrator made themselves an official and read both counties' cases). `grantable` lists the
 * roles the actor may grant.
 */
export function userPolicy(grantable: (actor: Actor) => readonly Role[]): Policy<UserPolicyAction, UserSubject> {
  const grants = (actor: Actor, roles: readonly Role[]): Decision =>
    denyWhen(!roles.every((role) => grantable(actor).includes(role)), 'forbidden', 'user.role.notGrantable');
  const manages = (actor: Actor, row: UserSubject): Decision => allOf(holds(actor, 'user.manage'), grants(actor, row.roles));
  return (actor, action, row) => {
    const region = inRegion(actor, row);
    if (!region.ok) return region;
    switch (action) {
      case 'read':
        return holds(actor, 'user.read');
      case 'grant':
        return allOf(denyWhen(row.id === actor.userId, 'forbidden', 'user.role.self'), manages(actor, row), keepsDutiesApart(row.roles));
      case 'update':
        // One's own name and phone stay editable though one may not grant one's own roles ('grant' refuses changing them).
        return row.id === actor.userId ? holds(actor, 'user.manage') : manages(actor, row);
      case 'disable':
        return allOf(denyWhen(row.id === actor.userId, 'forbidden', 'user.self.disable'), manages(actor, row));
      case 'resetPassword':
        return allOf(denyWhen(row.id === actor.userId, 'forbidden', 'user.self.reset'), manages(actor, row));
      case 'revealPhone':
        return allOf(holds(actor, 'personal.reveal'), denyWhen(!row.hasPhone, 'not_found', 'error.notFound'));
    }
  };
}
