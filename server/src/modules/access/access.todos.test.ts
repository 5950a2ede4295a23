import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

describe('GET /api/todos: locked accounts for the officials who manage them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'wq.todo', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'aw.todo', regionCode: PLACES.anwu, roles: ['official'] });
    await buildUser(t.ctx, { username: 'qj.locked', regionCode: PLACES.qujia, roles: ['village_cadre'] });
  });
  afterAll(() => t.close());

  /** The access module's items only: other modules add their own (e.g. mediation staffing). */
  const accessItems = async (client: TestClient) =>
    (await client.request('GET', '/api/todos'))
      .json<{ items: { kind: string; description: string }[] }>()
      .items.filter((i) => i.kind.startsWith('access.'));

  it('shows nothing until an account in the town is locked, then one item with the count', async () => {
    const official = await t.login('wq.todo');
    expect(await accessItems(official)).toEqual([]);
    for (let i = 0; i < 5; i += 1) {
      await t.anonymous.request('POST', '/api/auth/login', { username: 'qj.locked', password: 'Wrong#2026pass' });
    }
    const items = await accessItems(official);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'access.locked',
        count: 1,
        title: '有账号因多次登录失败被锁定',
        link: '/users',
        titleKey: 'todo.access.locked.title',
        descriptionKey: 'todo.access.locked.description',
        params: { count: 1 },
      }),
    ]);
    expect(items[0]?.description).toContain('共 1 个账号');
    const other = await t.login('aw.todo');
    expect(await accessItems(other)).toEqual([]);
  });
});
