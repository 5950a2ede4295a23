import { FOUNDATION_ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '@rg/domain/access/roles';

/**
 * Role → permissions, assembled from the foundation's table and every module manifest's additions,
 * so a module grants its permissions in one place.
 */
export class PermissionTable {
  private readonly byRole = new Map<Role, Set<Permission>>();

  constructor(additions: ReadonlyArray<Partial<Record<Role, readonly Permission[]>>> = []) {
    for (const role of ROLES) this.byRole.set(role, new Set(FOUNDATION_ROLE_PERMISSIONS[role]));
    for (const table of additions) {
      for (const [role, permissions] of Object.entries(table) as [Role, Permission[]][]) {
        for (const permission of permissions) this.byRole.get(role)?.add(permission);
      }
    }
  }

  roles(): readonly Role[] {
    return ROLES;
  }

  of(role: Role): readonly Permission[] {
    return [...(this.byRole.get(role) ?? [])];
  }

  union(roles: readonly Role[]): Set<Permission> {
    const all = new Set<Permission>();
    for (const role of roles) for (const p of this.byRole.get(role) ?? []) all.add(p);
    return all;
  }
}
