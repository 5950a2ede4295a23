import type { ProgramStatus } from '@rg/domain/programs/program.schema';
import { isWithin } from '@rg/domain/regions/region-code';
import type { Actor } from '../../core/access/actor.ts';
import { allOf, allow, holds, inRegion, type Decision, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 试点示范项目; `create` is the list's ability (row `{ regionCode }` of the organiser). */
export type ProgramAction = 'read' | 'create' | 'manage' | 'apply';

export interface ProgramSubject extends Placed {
  /** The organiser's region (`organiser_region`). */
  regionCode: string;
  /** Null for a programme about to be created. */
  status: ProgramStatus | null;
  /** Named by the 409 of a withdrawn programme. */
  name: string;
}

/** A programme is known inside its organiser's region and to everyone above the organiser (a county sees the national batch). */
function visible(actor: Actor, row: ProgramSubject): Decision {
  const known = isWithin(row.regionCode, actor.homeRegion) || isWithin(actor.homeRegion, row.regionCode);
  return known ? allow : { ok: false, status: 'not_found', messageKey: 'error.notFound' };
}

/** A withdrawn programme takes no change and no application (409 naming it). */
function active(row: ProgramSubject): Decision {
  return row.status === 'active'
    ? allow
    : { ok: false, status: 'conflict', messageKey: 'programs.program.withdrawn', params: { program: row.name } };
}

/**
 * The programme's rules (P2.3, P3.4): read where it is visible; its organiser's region or above manages
 * it (`programs.manage`; below the organiser it is only read, 404 to manage); anyone holding
 * `programs.apply` may apply under it while it is active.
 */
export const programPolicy: Policy<ProgramAction, ProgramSubject> = (actor, action, row) => {
  if (action === 'read') return allOf(visible(actor, row), holds(actor, 'programs.read'));
  if (action === 'create') return allOf(holds(actor, 'programs.manage'), inRegion(actor, row));
  if (action === 'apply') return allOf(visible(actor, row), holds(actor, 'programs.apply'), active(row));
  return allOf(visible(actor, row), holds(actor, 'programs.manage'), inRegion(actor, row), active(row));
};
