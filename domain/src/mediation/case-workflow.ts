/**
 * 人民调解案件流程 (DOMAIN.md "Workflows"): 受理 registered → 调解中 mediating → 达成协议 agreed |
 * 调解不成 failed (referred on) → 回访 follow_up → 结案 closed; a closed case that flares up again is
 * reopened as a new linked case. Pure: the server asks it what is allowed and what evidence is missing.
 */
export const CASE_STATUSES = ['registered', 'mediating', 'agreed', 'failed', 'follow_up', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  registered: '已受理',
  mediating: '调解中',
  agreed: '达成协议',
  failed: '调解不成',
  follow_up: '待回访',
  closed: '已结案',
};

export const OUTCOMES = ['agreement', 'failed'] as const;
/** 调解成功 / 调解不成 */
export type Outcome = (typeof OUTCOMES)[number];
export const PERFORMANCES = ['performed', 'partly', 'not'] as const;
/** 协议履行情况: 已履行 / 部分履行 / 未履行 */
export type Performance = (typeof PERFORMANCES)[number];
export const PERFORMANCE_LABELS: Record<Performance, string> = { performed: '已履行', partly: '部分履行', not: '未履行' };

export const CASE_ACTIONS = ['start', 'agree', 'fail', 'follow_up', 'close'] as const;
/** The state-changing steps. */
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  start: '开始调解',
  agree: '达成协议',
  fail: '调解不成',
  follow_up: '转入回访',
  close: '结案',
};

export const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  start: { from: ['registered'], to: 'mediating' },
  agree: { from: ['mediating'], to: 'agreed' },
  fail: { from: ['mediating'], to: 'failed' },
  follow_up: { from: ['agreed', 'failed'], to: 'follow_up' },
  close: { from: ['follow_up'], to: 'closed' },
};

/** Records that do not change the state, and the states they may be made in. */
export const RECORDINGS = {
  session: ['mediating'],
  confirm: ['agreed'],
  performance: ['agreed', 'follow_up', 'closed'],
  visit: ['follow_up'],
  reopen: ['closed'],
} as const satisfies Record<string, readonly CaseStatus[]>;
export type Recording = keyof typeof RECORDINGS;

/** What the record holds that the steps need as evidence. */
export interface CaseFacts {
  status: CaseStatus;
  mediatorAssigned: boolean;
  sessions: number;
  outcome: Outcome | null;
  confirmed: boolean;
  performance: Performance | null;
  visited: boolean;
}

/**
 * Evidence each step needs, named by the field the user must supply (the server answers 400 with
 * these names): a mediator before mediating, a recorded session before any conclusion, the parties'
 * confirmation before an agreement goes to follow-up, the visit and (for agreements) the
 * performance before closing.
 */
export function missingEvidence(action: CaseAction, facts: CaseFacts): string[] {
  switch (action) {
    case 'start':
      return facts.mediatorAssigned ? [] : ['mediatorId'];
    case 'agree':
    case 'fail':
      return facts.sessions > 0 ? [] : ['sessions'];
    case 'follow_up':
      return facts.outcome === 'agreement' && !facts.confirmed ? ['confirmation'] : [];
    case 'close': {
      const missing: string[] = [];
      if (!facts.visited) missing.push('visit');
      if (facts.outcome === 'agreement' && !facts.performance) missing.push('performance');
      return missing;
    }
  }
}

export type Check = { ok: true; to: CaseStatus } | { ok: false; reason: 'state' } | { ok: false; reason: 'evidence'; missing: string[] };

/** State first (409 when the step is not allowed from here), then evidence (400 naming what is missing). */
export function checkTransition(action: CaseAction, facts: CaseFacts): Check {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(facts.status)) return { ok: false, reason: 'state' };
  const missing = missingEvidence(action, facts);
  return missing.length > 0 ? { ok: false, reason: 'evidence', missing } : { ok: true, to: rule.to };
}

export function canRecord(recording: Recording, status: CaseStatus): boolean {
  return (RECORDINGS[recording] as readonly CaseStatus[]).includes(status);
}

/** Actions allowed from a state (evidence aside), for the console's buttons. */
export function actionsFrom(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

/** 调解期限: concluded (agreement or failure) within `overdueDays` of registration, else 超期. */
export function dueDate(registeredOn: string, overdueDays: number): string {
  return addDays(registeredOn, overdueDays);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Overdue: not concluded by the due date (today counts as the conclusion of an open case). */
export function isOverdue(dueOn: string, concludedOn: string | null, today: string): boolean {
  return (concludedOn ?? today) > dueOn;
}
