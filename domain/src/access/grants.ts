import { isWithin } from '../regions/region-code.ts';
import type { Permission, Role } from './roles.ts';

/**
 * Roles only the security administrator grants (三权分立, SECURITY.md 11; issue 15 finding 8): the three
 * administrators, and the officials and leaders who review and decide. An official who could make another
 * official could sign in as that account (they set its first password) and approve their own work,
 * which four-eyes forbids (SECURITY.md 10).
 */
const SECURITY_ADMIN_GRANTS: readonly Role[] = ['admin', 'security_admin', 'auditor', 'official', 'leader'];

/**
 * No escalation (SECURITY.md 8): an actor may grant a role only when every permission of that role
 * is one they hold themselves, and only for a region inside their own; officials grant the roles below
 * them (village cadres, supervisors, villagers, advisors, mediators, inspectors). The security
 * administrator is the exception whose job is granting (三权分立), but not into a region outside their own either.
 */
export function canGrantRole(
  actorRoles: readonly Role[],
  actorPermissions: ReadonlySet<Permission>,
  rolePermissions: (role: Role) => readonly Permission[],
  role: Role,
): boolean {
  if (actorRoles.includes('security_admin')) return true;
  if (!actorPermissions.has('user.manage')) return false;
  if (SECURITY_ADMIN_GRANTS.includes(role)) return false;
  return rolePermissions(role).every((p) => actorPermissions.has(p));
}

export function canGrantRegion(actorRegion: string, targetRegion: string): boolean {
  return isWithin(targetRegion, actorRegion);
}
