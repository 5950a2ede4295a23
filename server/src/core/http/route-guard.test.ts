import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleManifest } from '../module.ts';
import { buildApp } from './app.ts';
import { createTestApp, errorOf, type TestApp } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

/** Fills a route's path parameters with values that pass the parameter schemas. */
function concreteUrl(url: string): string {
  return url.replace(':id', '0b7f3f0e-3c1a-4d2e-9f55-7a1c2b3d4e5f').replace(':code', PLACES.qujia).replace('*', 'anything');
}

describe('route table and guard (SECURITY.md 6, 21)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'guard.official', regionCode: PLACES.wangqiao, roles: ['official'] });
  });
  afterAll(() => t.close());

  it('declares an access rule on every route', () => {
    expect(t.routes.length).toBeGreaterThan(15);
    const urls = t.routes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining(['POST /api/users', 'GET /api/audit', 'POST /api/auth/login', 'GET /api/regions/:code/children']),
    );
    const undeclared = t.routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps public routes to login and health', () => {
    const publicApi = t.routes
      .filter((r) => r.access === 'public' && r.url.startsWith('/api'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicApi).toEqual(['GET /api/health', 'GET /api/ready', 'POST /api/auth/login']);
  });

  it('answers 401 to an anonymous request on every non-public route', async () => {
    const closed = t.routes.filter((r) => r.access !== 'public');
    expect(closed.length).toBeGreaterThan(10);
    for (const route of closed) {
      const res = await t.app.inject({ method: route.method as 'GET', url: concreteUrl(route.url) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(errorOf(res)).toEqual({ code: 'unauthenticated', message: '请先登录' });
    }
  });

  it('refuses every request to a route registered without access (500, not 200)', async () => {
    const careless: ModuleManifest = {
      name: 'careless',
      routes(app) {
        app.get('/careless', async () => ({ secret: 'should never be served' }));
        app.get('/careful', { config: { access: 'public' } }, async () => ({ ok: true }));
      },
    };
    const { app, routes } = await buildApp(t.ctx, [careless]);
    try {
      await app.ready();
      expect(routes.find((r) => r.url === '/api/careless')?.access).toBeUndefined();
      const res = await app.inject({ method: 'GET', url: '/api/careless' });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('should never be served');
      expect(errorOf(res)).toEqual({ code: 'internal', message: '系统繁忙，请稍后再试' });
      expect((await app.inject({ method: 'GET', url: '/api/careful' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('sends the security headers', async () => {
    const res = await t.anonymous.request('GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('sends Cache-Control: no-store on every /api answer, JSON, errors and files; hashed assets keep their long cache (issue 15 finding 15)', async () => {
    await buildUser(t.ctx, { username: 'guard.cache', regionCode: PLACES.wangqiao, roles: ['official'] });
    const official = await t.login('guard.cache');
    for (const res of [
      await t.anonymous.request('GET', '/api/health'),
      await official.request('GET', '/api/todos'),
      await official.request('GET', '/api/legal/advisors/template.xlsx'),
      await t.anonymous.request('GET', '/api/todos'),
      await official.request('GET', '/api/no-such-route'),
    ]) {
      expect(res.headers['cache-control'], `${res.statusCode} ${res.body.slice(0, 80)}`).toContain('no-store');
    }
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(webDist, 'assets', 'index-3f2a1b.js'), 'console.log(1);');
    const { app } = await buildApp({ ...t.ctx, config: { ...t.ctx.config, webDist } }, []);
    try {
      await app.ready();
      const asset = await app.inject({ method: 'GET', url: '/assets/index-3f2a1b.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await app.inject({ method: 'GET', url: '/api/health' })).headers['cache-control']).toBe('no-store');
    } finally {
      await app.close();
      fs.rmSync(webDist, { recursive: true });
    }
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'guard.official', password: 'Test#2026pass' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'rg_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const client = await t.login('guard.official');
    const before = await t.ctx.db.selectFrom('regions').select('code').where('parent_code', '=', PLACES.qujia).execute();
    const noToken = await t.app.inject({
      method: 'POST',
      url: `/api/regions/${PLACES.qujia}/groups`,
      headers: { cookie: client.cookie ?? '', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: '一组' }),
    });
    expect(noToken.statusCode).toBe(403);
    expect(errorOf(noToken)).toEqual({ code: 'csrf', message: '页面已过期，请刷新后重试' });
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: `/api/regions/${PLACES.qujia}/groups`,
      headers: { cookie: client.cookie ?? '', 'content-type': 'application/json', 'x-csrf-token': 'x'.repeat(client.csrfToken.length) },
      payload: JSON.stringify({ name: '一组' }),
    });
    expect(wrongToken.statusCode).toBe(403);
    expect(errorOf(wrongToken).code).toBe('csrf');
    const after = await t.ctx.db.selectFrom('regions').select('code').where('parent_code', '=', PLACES.qujia).execute();
    expect(after).toEqual(before);
    expect((await client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '一组' })).statusCode).toBe(201);
  });

  it('answers unknown API paths, bad JSON and oversized bodies in the error format', async () => {
    const client = await t.login('guard.official');
    const missing = await client.request('GET', '/api/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing)).toEqual({ code: 'not_found', message: '找不到该记录，或不在您的管辖范围内' });

    const badJson = await t.app.inject({
      method: 'POST',
      url: `/api/regions/${PLACES.qujia}/groups`,
      headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(errorOf(badJson).code).toBe('validation');
    expect(badJson.body).not.toMatch(/at .*\.ts:\d+|stack/i);

    const huge = await t.app.inject({
      method: 'POST',
      url: `/api/regions/${PLACES.qujia}/groups`,
      headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(errorOf(huge)).toEqual({ code: 'too_large', message: '提交的内容过大' });
  });
});
