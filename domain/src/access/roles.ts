/**
 * Roles (DOMAIN.md "Who uses it") and the permissions they carry. The three administrator roles
 * follow 等保 2.0's separation of duties (三权分立, SECURITY.md 11): the system administrator runs the
 * platform, the security administrator manages accounts, the audit administrator reads logs only.
 */
export const ROLES = [
  'admin',
  'security_admin',
  'auditor',
  'leader',
  'official',
  'legal_advisor',
  'mediator',
  'village_cadre',
  'supervisor',
  'villager',
  'inspector',
] as const;
/** 角色 */
export type Role = (typeof ROLES)[number];

/** Roles that must use a second factor (SECURITY.md 5). */
/** Chinese names of the roles, for exports and messages (the console has its own i18n keys). */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '审计管理员',
  leader: '领导小组成员',
  official: '业务干部',
  legal_advisor: '村法律顾问',
  mediator: '人民调解员',
  village_cadre: '村两委干部',
  supervisor: '村务监督委员',
  villager: '村民',
  inspector: '督导考核员',
};

export const ADMIN_ROLES: readonly Role[] = ['admin', 'security_admin', 'auditor'];

export const FOUNDATION_PERMISSIONS = [
  'region.read',
  'region.manage',
  'user.read',
  'user.manage',
  'user.export',
  'audit.read',
  'audit.records',
  'personal.reveal',
] as const;
export type FoundationPermission = (typeof FOUNDATION_PERMISSIONS)[number];

/** A module's permission list as registry entries (see `PermissionRegistry`). */
export type PermissionsOf<P extends readonly `${string}.${string}`[]> = Record<P[number], true>;

/**
 * Every module's permissions, merged in by declaration merging from `domain/src/<module>/permissions.ts`
 * (`interface PermissionRegistry extends PermissionsOf<typeof LEGAL_PERMISSIONS> {}`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declaration merging
export interface PermissionRegistry {}

/** A permission name, `<module>.<action>`: the foundation's above, and each module's own. */
export type Permission = FoundationPermission | (keyof PermissionRegistry & string);

/** Pseudo-permissions a route may declare instead of a real one. */
export type RouteAccess = Permission | 'public' | 'authenticated';

const READER: Permission[] = ['region.read'];

/**
 * Who reads the audit log (issue 15, findings 10 and 15): `audit.read` is the whole log within one's
 * region, denials and failed logins included, and only the audit administrator holds it (三权分立,
 * SECURITY.md 11). Business officials and leaders hold `audit.records`: the successful entries about
 * the records of their region, so they can see who changed or approved what, but not who was refused
 * what; a refusal's entry would tell them that a foreign id exists. The route asks for `audit.records`,
 * so the auditor holds it too.
 */
export const FOUNDATION_ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  admin: ['region.read', 'region.manage', 'user.read'],
  security_admin: ['region.read', 'user.read', 'user.manage', 'user.export'],
  auditor: ['audit.read', 'audit.records'],
  leader: ['region.read', 'user.read', 'audit.records'],
  official: ['region.read', 'region.manage', 'user.read', 'user.manage', 'user.export', 'audit.records', 'personal.reveal'],
  legal_advisor: READER,
  mediator: READER,
  village_cadre: ['region.read', 'region.manage'],
  supervisor: READER,
  villager: READER,
  inspector: READER,
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
