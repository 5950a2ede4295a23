import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { buildUser, PLACES } from '../testing/factories.ts';

/** Parameters some lists require beside the region, so that the region is what they are asked about. */
const REQUIRED: Record<string, string> = {
  '/api/indicators/reports': 'period=2026-Q1',
  '/api/indicators/completeness': 'period=2026-Q1',
  '/api/indicators/scorecard': 'period=2026-Q1',
  '/api/indicators/scorecard.xlsx': 'period=2026-Q1',
  '/api/mediation/screenings/completeness': 'period=2026-01',
  '/api/legal/compliance': 'period=2026-01',
  '/api/legal/dashboard': 'year=2026',
  '/api/mediation/stats': 'year=2026',
  '/api/mediation/stats.xlsx': 'year=2026',
};

/**
 * Issue 15 finding 15: `GET /api/programs/cases?regionCode=<foreign>` answered 200 where every other list
 * answers 404 for a region outside one's own (SECURITY.md 7). Every list that takes a `regionCode` is asked
 * about a sibling town by a town official, who holds every permission a business official holds.
 */
describe('a list asked about a region outside one’s own answers 404', () => {
  let t: TestApp;
  let town: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
    town = await t.login('wq.official');
  });
  afterAll(() => t.close());

  it('every GET list with a regionCode parameter', async () => {
    const lists = t.routes.filter((r) => r.method === 'GET' && !r.url.includes(':') && r.queryKeys.includes('regionCode'));
    expect(lists.length).toBeGreaterThan(15);
    const answers: string[] = [];
    for (const route of lists) {
      const extra = REQUIRED[route.url];
      const res = await town.request('GET', `${route.url}?regionCode=${PLACES.anwu}${extra ? `&${extra}` : ''}`);
      answers.push(`${route.url} ${res.statusCode}`);
    }
    expect(answers.filter((a) => !a.endsWith(' 404'))).toEqual([]);
  });
});
