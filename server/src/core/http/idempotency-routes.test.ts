import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/*
 * Issue 15 finding 1 (SECURITY.md 26, 33): every create, and every write the phone pages send, is
 * answered once per Idempotency-Key. The phone pages are web/src/**\/mobile/** and the /m routes
 * (mobile-apply-page, mobile-login-page); these are the POSTs they send.
 */
const PHONE_WRITES = [
  'POST /api/mediation/cases', // /m/mediation/new
  'POST /api/mediation/applications', // /m/mediation
  'POST /api/mediation/screenings', // /m/mediation/screening
  'POST /api/legal/services', // /m/legal/new
  'POST /api/legal/consultations', // /m/legal/ask
  'POST /api/legal/consultations/:id/answer', // /m/legal/questions
];

/** Creates (POST answering 201) that are exempt, each with why. */
const EXEMPT = new Map<string, string>([
  // Uploads: the body is the file's bytes, not JSON; a retried upload adds a second copy of the same
  // file to the same record, which the user sees and removes (attachment uploads are not in this issue's scope).
  ['POST /api/mediation/cases/:id/attachments', 'upload'],
  ['POST /api/legal/services/:id/attachments', 'upload'],
  ['POST /api/legal/consultations/:id/pictures', 'upload'],
  ['POST /api/programs/applications/:id/attachments', 'upload'],
  ['POST /api/legal/advisors/:id/contract-files', 'upload'],
]);

describe('route table: idempotent creates (issue 15 finding 1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const name = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

  it('declares every POST answering 201 idempotent, except the listed uploads', () => {
    const creates = t.routes.filter((r) => r.method === 'POST' && r.responses.includes('201'));
    expect(creates.length).toBeGreaterThan(10);
    const missing = creates.filter((r) => r.idempotent !== 'yes' && r.idempotent !== 'replays' && !EXEMPT.has(name(r))).map(name);
    expect(missing).toEqual([]);
    // An exemption that no longer names a create is stale.
    expect([...EXEMPT.keys()].filter((k) => !creates.some((r) => name(r) === k))).toEqual([]);
  });

  it('answers a retry after a crash on every phone write with the first answer (a replay is declared)', () => {
    const routes = new Map(t.routes.map((r) => [name(r), r.idempotent]));
    expect(PHONE_WRITES.map((w) => [w, routes.get(w)])).toEqual(PHONE_WRITES.map((w) => [w, 'replays']));
  });
});
