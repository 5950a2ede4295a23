import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES, checkTransition, isOverdue, TRANSITIONS, type CaseFacts } from './case-workflow.ts';
import { periodDueOn } from './screening.schema.ts';

const complete: Omit<CaseFacts, 'status'> = {
  mediatorAssigned: true,
  sessions: 1,
  outcome: 'agreement',
  confirmed: true,
  performance: 'performed',
  visited: true,
};

describe('mediation case workflow', () => {
  const table = CASE_STATUSES.flatMap((status) =>
    CASE_ACTIONS.map((action) => [status, action, TRANSITIONS[action].from.includes(status)] as const),
  );

  it.each(table)('from %s, %s allowed: %s', (status, action, allowed) => {
    const result = checkTransition(action, { ...complete, status });
    if (allowed) expect(result).toEqual({ ok: true, to: TRANSITIONS[action].to });
    else expect(result).toEqual({ ok: false, reason: 'state' });
  });

  it('names the missing evidence of each step', () => {
    expect(checkTransition('start', { ...complete, status: 'registered', mediatorAssigned: false })).toEqual({
      ok: false,
      reason: 'evidence',
      missing: ['mediatorId'],
    });
    expect(checkTransition('agree', { ...complete, status: 'mediating', sessions: 0 })).toEqual({
      ok: false,
      reason: 'evidence',
      missing: ['sessions'],
    });
    expect(checkTransition('follow_up', { ...complete, status: 'agreed', confirmed: false })).toEqual({
      ok: false,
      reason: 'evidence',
      missing: ['confirmation'],
    });
    expect(checkTransition('follow_up', { ...complete, status: 'failed', outcome: 'failed', confirmed: false })).toMatchObject({
      ok: true,
    });
    expect(checkTransition('close', { ...complete, status: 'follow_up', visited: false, performance: null })).toEqual({
      ok: false,
      reason: 'evidence',
      missing: ['visit', 'performance'],
    });
    expect(checkTransition('close', { ...complete, status: 'follow_up', outcome: 'failed', performance: null })).toMatchObject({
      ok: true,
    });
  });

  it('counts a case overdue when it is concluded, or still open, after its due date', () => {
    expect(isOverdue('2026-02-01', '2026-02-01', '2026-03-01')).toBe(false);
    expect(isOverdue('2026-02-01', '2026-02-02', '2026-03-01')).toBe(true);
    expect(isOverdue('2026-02-01', null, '2026-02-01')).toBe(false);
    expect(isOverdue('2026-02-01', null, '2026-02-02')).toBe(true);
  });

  it('makes a month’s screening report due on the 5th of the next month', () => {
    expect(periodDueOn('2026-01')).toBe('2026-02-05');
    expect(periodDueOn('2026-12')).toBe('2027-01-05');
  });
});
