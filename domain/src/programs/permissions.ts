import type { PermissionsOf } from '../access/roles.ts';

/** The permissions of the `programs` module (试点示范); roles receive them in the server manifest. */
export const PROGRAMS_PERMISSIONS = ['programs.read', 'programs.manage', 'programs.apply', 'programs.review', 'programs.evaluate'] as const;

// The module's permissions join the one `Permission` union (declaration merging): a misspelt name does not compile.
declare module '../access/roles.ts' {
  interface PermissionRegistry extends PermissionsOf<typeof PROGRAMS_PERMISSIONS> {}
}
