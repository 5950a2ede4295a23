import '../legal/permissions.ts';
import { describe, expect, it } from 'vitest';
import { canGrantRegion, canGrantRole } from './grants.ts';
import { FOUNDATION_ROLE_PERMISSIONS, ROLES, type Permission, type Role } from './roles.ts';

const permsOf = (role: Role): readonly Permission[] => FOUNDATION_ROLE_PERMISSIONS[role];
const holderOf = (roles: Role[]): { roles: Role[]; permissions: Set<Permission> } => ({
  roles,
  permissions: new Set(roles.flatMap((r) => permsOf(r))),
});
const grants = (actor: Role[], role: Role, rolePermissions = permsOf): boolean => {
  const holder = holderOf(actor);
  return canGrantRole(holder.roles, holder.permissions, rolePermissions, role);
};

describe('no escalation (SECURITY.md 8)', () => {
  it('an official cannot grant the three administrator roles', () => {
    expect(grants(['official'], 'admin')).toBe(false);
    expect(grants(['official'], 'security_admin')).toBe(false);
    expect(grants(['official'], 'auditor')).toBe(false);
  });

  it('an official can grant roles below them whose permissions they hold', () => {
    expect(grants(['official'], 'village_cadre')).toBe(true);
    expect(grants(['official'], 'mediator')).toBe(true);
  });

  it('only the security administrator grants the roles that review: official, leader (issue 15 finding 8)', () => {
    expect(grants(['official'], 'official')).toBe(false);
    expect(grants(['official'], 'leader')).toBe(false);
  });

  it('an official cannot grant a role carrying a permission they lack', () => {
    const withModulePermission = (role: Role): readonly Permission[] =>
      role === 'mediator' ? [...permsOf(role), 'legal.ask'] : permsOf(role);
    expect(grants(['official'], 'mediator', withModulePermission)).toBe(false);
  });

  it('roles without user.manage grant nothing', () => {
    for (const actor of ['leader', 'village_cadre', 'admin', 'auditor', 'villager'] as Role[]) {
      for (const role of ROLES) expect(grants([actor], role), `${actor} → ${role}`).toBe(false);
    }
  });

  it('the security administrator can grant every role', () => {
    for (const role of ROLES) expect(grants(['security_admin'], role), role).toBe(true);
  });

  it('regions can only be granted inside one’s own', () => {
    expect(canGrantRegion('610423104', '610423104209')).toBe(true);
    expect(canGrantRegion('610423104', '610423104')).toBe(true);
    expect(canGrantRegion('610423104', '610423113203')).toBe(false);
    expect(canGrantRegion('610423104', '610423')).toBe(false);
    expect(canGrantRegion('00', '340321108')).toBe(true);
  });
});
