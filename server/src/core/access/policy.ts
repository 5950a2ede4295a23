import { isWithin } from '@rg/domain/regions/region-code';
import type { Permission } from '@rg/domain/access/roles';
import { AppError } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { DeniedError } from './authorize.ts';

/**
 * What a policy answers for one action on one row (ARCHITECTURE.md "Access rules"):
 * - `not_found` (404): the row lies outside the actor's region, or is one they may not know about
 *   (another advisor's ledger entry), so ids cannot be probed;
 * - `forbidden` (403): the actor may see the row but lacks the permission for the action;
 * - `conflict` (409): the row's status does not allow the action (an accepted entry is locked).
 * A denial may name the permission it missed, for the audit entry of the denial.
 */
export type Decision =
  | { ok: true }
  | {
      ok: false;
      status: 'not_found' | 'forbidden' | 'conflict';
      messageKey: string;
      permission?: Permission;
      /** What a 409's message names (the programme that was withdrawn). */
      params?: Record<string, string | number>;
    };

/** A row a policy decides on: every place-bound row carries its region code. */
export interface Placed {
  regionCode: string;
}

/**
 * A policy per aggregate: a pure function deciding region, ownership, status and reviewer rules in one
 * place, so the service's guard and the `abilities` of the response cannot disagree. Collection
 * abilities (may create here) use the same policy with a row such as `{ regionCode }`.
 */
export type Policy<A extends string, R extends Placed> = (actor: Actor, action: A, row: R) => Decision;

export const allow: Decision = { ok: true };

/** Allowed when every check is; else the first denial, so order the checks 404 → 403 → 409. */
export function allOf(...decisions: Decision[]): Decision {
  return decisions.find((d) => !d.ok) ?? allow;
}

/** The row lies in the actor's region (辖区), else 404. */
export function inRegion(actor: Actor, row: Placed): Decision {
  return isWithin(row.regionCode, actor.homeRegion) ? allow : { ok: false, status: 'not_found', messageKey: 'error.notFound' };
}

/** The actor holds the permission, else 403. */
export function holds(actor: Actor, permission: Permission): Decision {
  return actor.permissions.has(permission) ? allow : { ok: false, status: 'forbidden', messageKey: 'error.forbidden', permission };
}

/** The status is one the action allows, else 409 with the given message (null: the row has none yet). */
export function statusIn<S extends string>(status: S | null, allowed: readonly S[], messageKey: string): Decision {
  return status !== null && allowed.includes(status) ? allow : { ok: false, status: 'conflict', messageKey };
}

/** A denial the builders above do not cover (ownership, four-eyes): `when` true denies. */
export function denyWhen(when: boolean, status: 'not_found' | 'forbidden' | 'conflict', messageKey: string): Decision {
  return when ? { ok: false, status, messageKey } : allow;
}

/**
 * The service guard: the actor, when the policy allows the action on the row; otherwise the
 * platform's error. 404 and 403 throw `DeniedError`, which the error handler audits as today
 * (SECURITY.md 18); 409 is a plain conflict. No actor answers 401.
 */
export function enforce<A extends string, R extends Placed>(policy: Policy<A, R>, actor: Actor | null, action: A, row: R): Actor {
  if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
  const decision = policy(actor, action, row);
  if (decision.ok) return actor;
  if (decision.status === 'conflict') throw new AppError('conflict', decision.messageKey, undefined, decision.params);
  throw new DeniedError(decision.status, decision.messageKey, decision.permission ?? action, row.regionCode);
}

/** The `abilities` of a response: for each action, whether the policy allows it on the row. */
export function abilitiesOf<A extends string, R extends Placed>(
  policy: Policy<A, R>,
  actor: Actor,
  row: R,
  actions: readonly A[],
): Record<A, boolean> {
  // Filled for every action just below; TypeScript cannot type an object built key by key.
  const abilities = {} as Record<A, boolean>;
  for (const action of actions) abilities[action] = policy(actor, action, row).ok;
  return abilities;
}
