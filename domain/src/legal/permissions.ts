import type { PermissionsOf } from '../access/roles.ts';

/** The permissions of the `legal` module (一村（社区）一法律顾问); roles receive them in the server manifest. */
export const LEGAL_PERMISSIONS = ['legal.read', 'legal.manage', 'legal.export', 'legal.record', 'legal.review', 'legal.ask'] as const;

// The module's permissions join the one `Permission` union (declaration merging): a misspelt name does not compile.
declare module '../access/roles.ts' {
  interface PermissionRegistry extends PermissionsOf<typeof LEGAL_PERMISSIONS> {}
}
