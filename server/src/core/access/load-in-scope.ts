import { isWithin } from '@rg/domain/regions/region-code';
import type { Permission } from '@rg/domain/access/roles';
import { notFound } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { DeniedError } from './authorize.ts';

/**
 * Row or 404: the row the lookup found, when it lies inside the actor's region (辖区). A missing row
 * and a row elsewhere answer the same 404, so ids in other regions cannot be probed (SECURITY.md 7);
 * the second is a denial and is audited with `permission` (SECURITY.md 18). Object rules beyond the
 * region (ownership, status) belong to the aggregate's policy, applied after the load.
 *
 * @example const row = await loadInScope(actor, repo.findAdvisor(db, id), (r) => r.region_code, 'legal.read');
 */
export async function loadInScope<R>(
  actor: Actor,
  lookup: Promise<R | null | undefined>,
  regionOf: (row: R) => string,
  permission: Permission,
): Promise<R> {
  const row = await lookup;
  if (row === undefined || row === null) throw notFound();
  const regionCode = regionOf(row);
  if (!isWithin(regionCode, actor.homeRegion)) throw new DeniedError('not_found', 'error.notFound', permission, regionCode);
  return row;
}
