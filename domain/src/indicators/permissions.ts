import type { PermissionsOf } from '../access/roles.ts';

/** The permissions of the `indicators` module (指标考核); roles receive them in the server manifest. */
export const INDICATORS_PERMISSIONS = [
  'indicators.read',
  'indicators.report',
  'indicators.review',
  'indicators.manage',
  'indicators.assess',
  'indicators.export',
] as const;

// The module's permissions join the one `Permission` union (declaration merging): a misspelt name does not compile.
declare module '../access/roles.ts' {
  interface PermissionRegistry extends PermissionsOf<typeof INDICATORS_PERMISSIONS> {}
}
