import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { FREE_TEXT_PARAM, RATE_LIMITS, type RateLimitKind } from './rate-limit.ts';

/** Issue 15 finding 12 (SECURITY.md 23): 60 searches, 25 exports, 25 consultations in a row met no 429. */
describe('rate limits declared on routes (SECURITY.md 23)', () => {
  let t: TestApp;
  let official: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'jy.official', regionCode: PLACES.jingyang, roles: ['official'] });
    official = await t.login('jy.official');
  });
  afterAll(() => t.close());

  /** What each route must be limited as, from what it is: its file type, its query, who may call it. */
  function expectedKind(route: TestApp['routes'][number], villager: ReadonlySet<string>): RateLimitKind | undefined {
    if (route.method === 'GET' && /\.(xlsx|docx|zip|csv)$/.test(route.url)) return 'export';
    if (route.url.includes('/import')) return 'import';
    if (route.method === 'GET') return route.queryKeys.includes(FREE_TEXT_PARAM) ? 'search' : undefined;
    const access = route.access ?? '';
    // Logins have their own limits per address and account (auth.service.ts, SECURITY.md 3).
    if (route.url.startsWith('/api/auth/')) return undefined;
    return access === 'public' || villager.has(access) ? 'submit' : undefined;
  }

  it('every export, free-text list, villager or public submission and import is limited, and nothing else', () => {
    const villager = new Set<string>(t.ctx.permissions.of('villager').filter((p) => p !== 'region.read'));
    const wrong = t.routes
      .map((route) => ({ route: `${route.method} ${route.url}`, declared: route.rateLimit, expected: expectedKind(route, villager) }))
      .filter((r) => r.declared !== r.expected);
    expect(wrong).toEqual([]);
    const limited = t.routes.filter((r) => r.rateLimit).map((r) => `${r.rateLimit} ${r.method} ${r.url}`);
    expect(limited.filter((r) => r.startsWith('search')).length).toBeGreaterThanOrEqual(8);
    expect(limited.filter((r) => r.startsWith('export')).length).toBeGreaterThanOrEqual(13);
    expect(limited.filter((r) => r.startsWith('submit')).length).toBeGreaterThanOrEqual(3);
    expect(limited.filter((r) => r.startsWith('import')).length).toBeGreaterThanOrEqual(2);
  });

  it('60 searches in a row: the first 30 answer, then 429 in Chinese with Retry-After; the list without text stays open', async () => {
    const answers: number[] = [];
    let limited: Awaited<ReturnType<TestClient['request']>> | undefined;
    for (let i = 0; i < 60; i += 1) {
      const res = await official.request('GET', `/api/mediation/cases?q=${encodeURIComponent(`张${i}`)}`);
      answers.push(res.statusCode);
      if (res.statusCode === 429) limited ??= res;
    }
    expect(answers.slice(0, RATE_LIMITS.search.limit).every((s) => s === 200)).toBe(true);
    expect(answers.slice(RATE_LIMITS.search.limit).every((s) => s === 429)).toBe(true);
    expect(limited && errorOf(limited)).toEqual({ code: 'rate_limited', message: '操作过于频繁，请稍后再试' });
    const retryAfter = Number(limited?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Ordinary page loads (no free text) are never counted, so an official paging through is not blocked.
    for (let i = 0; i < 40; i += 1)
      expect((await official.request('GET', `/api/mediation/cases?page=${(i % 3) + 1}`)).statusCode).toBe(200);
    // Another official is not slowed by the first one's searches; the first searches again once the window has passed.
    await buildUser(t.ctx, { username: 'jy.other', regionCode: PLACES.jingyang, roles: ['official'] });
    expect((await (await t.login('jy.other')).request('GET', '/api/mediation/cases?q=%E5%BC%A0')).statusCode).toBe(200);
    t.clock.advance(retryAfter * 1000);
    expect((await official.request('GET', '/api/mediation/cases?q=%E5%BC%A0')).statusCode).toBe(200);
  });

  it('an export past its limit answers 429 too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.export.limit; i += 1)
      statuses.push((await official.request('GET', '/api/mediation/cases.xlsx')).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('25 consultations or 25 mediation applications in a row from one villager: the limit stops the rest', async () => {
    const submissions = [
      { url: '/api/legal/consultations', body: { question: '邻居占用我家宅基地，应该怎么办？' } },
      {
        url: '/api/mediation/applications',
        body: { caseType: 'homestead', description: '邻居建房占用我家宅基地', phone: '13912340001', respondentName: '王某' },
      },
    ];
    for (const [n, { url, body }] of submissions.entries()) {
      await buildUser(t.ctx, { username: `qj.villager${n}`, regionCode: PLACES.qujia, roles: ['villager'] });
      const villager = await t.login(`qj.villager${n}`);
      const statuses: number[] = [];
      for (let i = 0; i < 25; i += 1) statuses.push((await villager.request('POST', url, body)).statusCode);
      expect(statuses.slice(0, RATE_LIMITS.submit.limit).includes(429), url).toBe(false);
      expect(
        statuses.slice(RATE_LIMITS.submit.limit).every((s) => s === 429),
        url,
      ).toBe(true);
    }
  });
});
