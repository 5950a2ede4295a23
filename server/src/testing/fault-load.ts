import crypto from 'node:crypto';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { writeHeaders, type Session } from './spawned-server.ts';

/**
 * Write load for the reliability suite: a few writers, each a bounded loop, and a tally of how every
 * request ended — a status code, or no answer at all (the connection died, or the client gave up).
 */
export class Tally {
  sent = 0;
  readonly statuses: Record<string, number> = {};
  /** Requests that got no HTTP answer. */
  unanswered = 0;

  answer(status: number): void {
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
  }

  count(predicate: (status: number) => boolean): number {
    return Object.entries(this.statuses)
      .filter(([status]) => predicate(Number(status)))
      .reduce((sum, [, n]) => sum + n, 0);
  }

  /** Anything but 2xx and the given statuses (503, 507), counted as "wrong" in the figures. */
  other(allowed: readonly number[]): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.statuses).filter(([status]) => !(Number(status) < 300 || allowed.includes(Number(status)))),
    );
  }
}

/** Runs `writers` loops of at most `perWriter` requests each, until `stopped()` says so. */
export async function runWriters(
  writers: number,
  perWriter: number,
  one: (writer: number, n: number) => Promise<'stop' | void>,
  stopped: () => boolean,
): Promise<void> {
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; n < perWriter && !stopped(); n += 1) if ((await one(w, n)) === 'stop') return;
    }),
  );
}

/** Polls until `done()` or the time is up; true when done. */
export async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  return done();
}

/** Letters only: a run of digits in a marker could look like a phone number to the privacy scans. */
export function marker(prefix: string): string {
  return `${prefix}-${crypto
    .randomBytes(9)
    .toString('base64')
    .replace(/[^A-Za-z]/g, 'x')}`;
}

/** The village the demo's qj.* accounts work in (屈家村). */
export const VILLAGE = '610423104209';

function idNumber(i: number): string {
  const first17 = `61042319${String(60 + (i % 40))}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return `${first17}${idCardCheckChar(first17)}`;
}

/**
 * 登记纠纷 as the mediator's phone page posts it (web/src/modules/mediation/mobile/mediator-case-form-page.tsx);
 * the marker in the description finds the case's rows in the database.
 */
export function caseBody(mark: string, i: number): string {
  return JSON.stringify({
    regionCode: VILLAGE,
    caseType: 'neighbour',
    source: 'application',
    description: `故障测试 ${mark}：两户因排水沟走向发生争执`,
    peopleCount: 2,
    riskLevel: 'low',
    riskReasons: [],
    criminalRisk: false,
    registeredOn: new Date().toISOString().slice(0, 10),
    amountFen: null,
    parties: [
      { kind: 'person', role: 'applicant', name: '张三', idNumber: idNumber(i), phone: '13912345678', address: '一组' },
      { kind: 'person', role: 'respondent', name: '李四', phone: '13812345678', address: '二组' },
    ],
  });
}

export interface Answer {
  status: number;
  body: string;
}

/** One POST; null when no HTTP answer came (the connection died, or `timeoutMs` passed). */
export async function post(
  base: string,
  path: string,
  session: Session,
  body: string,
  headers: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<Answer | null> {
  try {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: writeHeaders(session, headers),
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, body: await res.text() };
  } catch {
    return null;
  }
}
