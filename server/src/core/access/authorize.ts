import { isWithin } from '@rg/domain/regions/region-code';
import type { Permission } from '@rg/domain/access/roles';
import { AppError } from '../http/errors.ts';
import type { Actor } from './actor.ts';

/**
 * The one place that decides (ARCHITECTURE.md "Access rules", SECURITY.md 7): the actor needs the
 * permission, and a target must lie inside the actor's region. A target outside answers 404, so ids
 * in other regions cannot be probed. Denials carry `audit` so the error handler records them.
 */
export function authorize(actor: Actor | null, permission: Permission, target?: { regionCode: string }): Actor {
  if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
  if (!actor.permissions.has(permission)) {
    throw new DeniedError('forbidden', 'error.forbidden', permission, target?.regionCode ?? null);
  }
  if (target && !isWithin(target.regionCode, actor.homeRegion)) {
    throw new DeniedError('not_found', 'error.notFound', permission, target.regionCode);
  }
  return actor;
}

/** The signed-in actor, for services whose rule depends on who they are rather than one permission. */
export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
  return actor;
}

/** The region whose subtree every list and search of place-bound rows is limited to. */
export function listScope(actor: Actor): string {
  return actor.scope;
}

export function can(actor: Actor, permission: Permission, target?: { regionCode: string }): boolean {
  return actor.permissions.has(permission) && (!target || isWithin(target.regionCode, actor.homeRegion));
}

export class DeniedError extends AppError {
  constructor(
    code: 'forbidden' | 'not_found',
    key: string,
    readonly permission: string,
    readonly targetRegion: string | null,
  ) {
    super(code, key);
  }
}
