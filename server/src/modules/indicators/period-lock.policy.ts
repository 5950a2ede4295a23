import { levelOf } from '@rg/domain/regions/region-code';
import { allOf, denyWhen, holds, inRegion, type Placed, type Policy } from '../../core/access/policy.ts';

/** 锁定: closing a quarter for entry in a region (town or above). */
export type PeriodLockAction = 'lock';

export interface PeriodLockSubject extends Placed {
  /** The region whose quarter is to be closed. */
  regionCode: string;
  /** The quarter is already closed there, by the region itself or by one above it. */
  locked: boolean;
}

/**
 * Quarters are closed for a town or a wider region, never for one village (P3.3(三)2): asking to close
 * a village's is a wrong request (400), which the service checks with this before the policy.
 */
export function isClosable(regionCode: string): boolean {
  return !['village', 'group'].includes(levelOf(regionCode));
}

/** Who closes a quarter: a reviewer of the region (404 elsewhere, 403 without the right), once (409). */
export const periodLockPolicy: Policy<PeriodLockAction, PeriodLockSubject> = (actor, _action, row) =>
  allOf(inRegion(actor, row), holds(actor, 'indicators.review'), denyWhen(row.locked, 'conflict', 'indicators.lock.already'));
