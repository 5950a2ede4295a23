import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACES } from '../../testing/factories.ts';
import { createLoggingApp, type LoggingApp } from '../../testing/log-capture.ts';

/** SECURITY.md 17: no personal data in log lines, whatever requests carry. */
describe('the request log holds no personal data', () => {
  let t: LoggingApp;
  beforeAll(async () => {
    t = await createLoggingApp([{ username: 'log.official', regionCode: PLACES.jingyang, roles: ['official'] }]);
  });
  afterAll(() => t.close());

  it('logs method, path and status but no phone or ID number from queries, bodies or errors', async () => {
    const { app } = t;
    const headers = await t.headersFor('log.official');
    await app.inject({ method: 'GET', url: '/api/users?q=13812345678', headers });
    await app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'log.new',
        displayName: '张三',
        regionCode: PLACES.qujia,
        roles: ['village_cadre'],
        phone: '13812345678',
        initialPassword: 'Cadre#2026ok',
      },
    });
    await app.inject({
      method: 'POST',
      url: '/api/legal/advisors',
      headers,
      payload: {
        regionCode: PLACES.jingyang,
        name: '李四',
        gender: 'male',
        phone: '13912345678',
        idNumber: '610423198501010011',
        category: 'other',
      },
    });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '13700001111', password: '610423198501010011' } });
    await app.inject({ method: 'GET', url: '/api/legal/coverage/uncovered?regionCode=610423&q=610423198501010011', headers });
    expect(t.lines.length).toBeGreaterThan(8);
    expect(t.lines.some((l) => l.includes('/api/users'))).toBe(true);
    expect(t.leaks()).toEqual([]);
  });
});
