import type { PermissionsOf } from '../access/roles.ts';

/** The permissions of the `mediation` module (人民调解与法律援助); roles receive them in the server manifest. */
export const MEDIATION_PERMISSIONS = [
  'mediation.read',
  'mediation.manage',
  'mediation.handle',
  'mediation.export',
  'mediation.screen',
  'mediation.aid',
  'mediation.apply',
] as const;

// The module's permissions join the one `Permission` union (declaration merging): a misspelt name does not compile.
declare module '../access/roles.ts' {
  interface PermissionRegistry extends PermissionsOf<typeof MEDIATION_PERMISSIONS> {}
}
