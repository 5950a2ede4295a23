import { isWithin } from '../regions/region-code.ts';
import type { Permission, Role } from './roles.ts';

/**
 * No escalation (SECURITY.md 8): an actor may grant a role only when every permission of that role
 * is one they hold themselves, and only for a region inside their own. The security administrator
 * is the exception whose job is granting (三权分立), but not into a region outside their own either.
 */
export function canGrantRole(
  actorRoles: readonly Role[],
  actorPermissions: ReadonlySet<Permission>,
  rolePermissions: (role: Role) => readonly Permission[],
  role: Role,
): boolean {
  if (actorRoles.includes('security_admin')) return true;
  if (!actorPermissions.has('user.manage')) return false;
  if (role === 'admin' || role === 'security_admin' || role === 'auditor') return false;
  return rolePermissions(role).every((p) => actorPermissions.has(p));
}

export function canGrantRegion(actorRegion: string, targetRegion: string): boolean {
  return isWithin(targetRegion, actorRegion);
}
