import {
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  canRecord,
  TRANSITIONS,
  type CaseAction,
  type CaseStatus,
  type Outcome,
  type Recording,
} from '@rg/domain/mediation/case-workflow';
import { allOf, allow, denyWhen, holds, inRegion, statusIn, type Decision, type Placed, type Policy } from '../../core/access/policy.ts';

/**
 * What may be done with a 调解案件: read it, export the ledger and statistics of a region, register one
 * (`create`; both are the list's abilities, row `caseCollection(regionCode)`), apply online as a villager
 * (`apply`, at their home region), attach evidence, correct its parties, take one of its five steps or
 * five recordings, reveal a party's full ID number or phone, download its 调解协议书, or start legal aid from it.
 */
export type CaseAccess =
  'read' | 'export' | 'create' | 'apply' | 'attach' | 'editParties' | 'reveal' | 'agreement' | 'aid' | CaseAction | Recording;

export interface CaseSubject extends Placed {
  /** The place (`region_code`). */
  regionCode: string;
  /** null before the case exists (the list asking whether it may register one). */
  status: CaseStatus | null;
  outcome: Outcome | null;
  /** The case that reopened this one (重新受理), if any: a case is reopened once. */
  reopenedAs: string | null;
}

/** Parties may be corrected until the mediation has an outcome; after that the agreement names them. */
export const PARTY_EDIT_STATUSES: readonly CaseStatus[] = ['registered', 'mediating'];

const isAction = (a: CaseAction | Recording): a is CaseAction => a in TRANSITIONS;

const statusLabel = (status: CaseStatus | null) => (status ? CASE_STATUS_LABELS[status] : '');

/** The workflow (case-workflow.ts) decides which step is open in the case's status; 409 names both. */
function stepOpen(row: CaseSubject, action: CaseAction | Recording): Decision {
  if (isAction(action)) {
    return row.status !== null && TRANSITIONS[action].from.includes(row.status)
      ? allow
      : {
          ok: false,
          status: 'conflict',
          messageKey: 'mediation.transition.notAllowed',
          params: { status: statusLabel(row.status), action: CASE_ACTION_LABELS[action] },
        };
  }
  const open = row.status !== null && canRecord(action, row.status) && !(action === 'reopen' && row.reopenedAs !== null);
  return open
    ? allow
    : { ok: false, status: 'conflict', messageKey: 'mediation.record.notAllowed', params: { status: statusLabel(row.status) } };
}

/**
 * The case's object rules in one place (P1.4(4), P3.3(三)1): a case outside the actor's region is not
 * found (404); reading needs `mediation.read` (officials, mediators, leaders, inspectors, and the village
 * cadres and supervisors of their own village, parties masked), every change `mediation.handle` (403);
 * the step must be open in the case's status (409). Parties are locked once there is an outcome; only a
 * failed mediation goes on to legal aid (调解不成转法律援助), by a holder of `mediation.aid`.
 */
export const casePolicy: Policy<CaseAccess, CaseSubject> = (actor, action, row) => {
  const region = inRegion(actor, row);
  if (!region.ok) return region;
  if (action === 'read') return holds(actor, 'mediation.read');
  if (action === 'export') return holds(actor, 'mediation.export');
  if (action === 'apply') return holds(actor, 'mediation.apply');
  if (action === 'reveal') return allOf(holds(actor, 'mediation.read'), holds(actor, 'personal.reveal'));
  if (action === 'agreement') {
    return allOf(holds(actor, 'mediation.read'), denyWhen(row.outcome !== 'agreement', 'conflict', 'mediation.agreement.none'));
  }
  if (action === 'aid') {
    const failed = row.status !== 'registered' && row.outcome === 'failed';
    return allOf(holds(actor, 'mediation.aid'), denyWhen(!failed, 'conflict', 'mediation.aid.notFailed'));
  }
  const handle = holds(actor, 'mediation.handle');
  if (action === 'create' || action === 'attach') return handle;
  if (action === 'editParties') return allOf(handle, statusIn(row.status, PARTY_EDIT_STATUSES, 'mediation.parties.locked'));
  return allOf(handle, stepOpen(row, action));
};

/** The policy's view of a stored case. */
export function caseSubject(row: {
  region_code: string;
  status: CaseStatus;
  outcome: Outcome | null;
  reopened_as: string | null;
}): CaseSubject {
  return { regionCode: row.region_code, status: row.status, outcome: row.outcome, reopenedAs: row.reopened_as };
}

/** The cases of a region as a whole: what a list, an export or the statistics decide on. */
export function caseCollection(regionCode: string): CaseSubject {
  return { regionCode, status: null, outcome: null, reopenedAs: null };
}
