import { NATION_CODE } from '@rg/domain/regions/region-code';

/** Same prefix rule as the server's scoping: X lies within Y when X's code starts with Y's. */
export function isWithin(code: string, root: string): boolean {
  return root === NATION_CODE || code.startsWith(root);
}
