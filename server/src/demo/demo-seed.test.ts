import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES } from '@rg/domain/access/roles';
import type { TodoItem } from '@rg/domain/home/todo.schema';
import { enUS } from '@rg/domain/i18n/messages.en-US';
import { messageOf } from '@rg/domain/i18n/messages.zh-CN';
import { assertNoDemoAccounts, seedDemo } from './demo-seed.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { createTestApp, totpCode, type TestApp } from '../testing/test-app.ts';

/** ISSUE 2 item 8 and SECURITY.md 1: the demo seed is idempotent; a production start refuses demo accounts. */
describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds no demo accounts on a fresh database', async () => {
    await expect(assertNoDemoAccounts(t.ctx)).resolves.toBeUndefined();
  });

  it('creates each demo account once, however often it runs', async () => {
    const first = await seedDemo(t.ctx);
    const second = await seedDemo(t.ctx);
    expect(first.accounts.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    expect(second.accounts.map((a) => a.username)).toEqual(first.accounts.map((a) => a.username));
    expect(second.importedRegions).toBe(0);
    const rows = await t.ctx.db.selectFrom('users').select(['username', 'is_demo', 'must_change_password']).execute();
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    for (const account of DEMO_ACCOUNTS) {
      expect(
        rows.filter((r) => r.username === account.username),
        account.username,
      ).toEqual([{ username: account.username, is_demo: 1, must_change_password: 0 }]);
    }
    const secret = (r: typeof first) => r.accounts.find((a) => a.username === 'admin')?.totpSecret;
    expect(secret(first)).toBeTruthy();
    expect(secret(second)).toBe(secret(first));
  });

  it('covers every level of 泾阳县 and makes the administrators use a second factor', async () => {
    const regions = new Set(DEMO_ACCOUNTS.map((a) => a.regionCode));
    for (const code of ['610423', '610423104', '610423104209']) expect(regions.has(code), code).toBe(true);
    const official = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wq.official', password: DEMO_PASSWORD },
    });
    expect(official.json<{ status: string }>().status).toBe('ok');
    const again = await seedDemo(t.ctx);
    const adminSecret = again.accounts.find((a) => a.username === 'admin')?.totpSecret ?? '';
    const admin = await t.login('admin', DEMO_PASSWORD);
    expect((await admin.request('GET', '/api/users')).statusCode).toBe(401);
    expect((await admin.request('POST', '/api/auth/totp', { code: totpCode(adminSecret, t.clock) })).statusCode).toBe(200);
    expect((await admin.request('GET', '/api/users')).statusCode).toBe(200);
  });

  it('gives every todo item the keys its Chinese texts come from, each with an English twin (decision 72)', async () => {
    const items: TodoItem[] = [];
    t.clock.advance(60_000); // a fresh window for the login rate limit (30 a minute per address)
    for (const account of DEMO_ACCOUNTS.filter((a) => !a.roles.some((role) => ADMIN_ROLES.includes(role)))) {
      const client = await t.login(account.username, DEMO_PASSWORD);
      items.push(...(await client.request('GET', '/api/todos')).json<{ items: TodoItem[] }>().items);
    }
    expect([...new Set(items.map((i) => i.kind.split('.')[0]))]).toEqual(
      expect.arrayContaining(['indicators', 'legal', 'mediation', 'programs']),
    );
    for (const item of items) {
      expect(messageOf(item.titleKey, item.params), item.id).toBe(item.title);
      expect(item.descriptionKey && messageOf(item.descriptionKey, item.params), item.id).toBe(item.description);
      expect(
        [item.titleKey, item.descriptionKey].filter((key) => key !== undefined && !(key in enUS)),
        item.id,
      ).toEqual([]);
    }
  });

  it('makes a production start refuse to boot once demo accounts exist', async () => {
    await expect(assertNoDemoAccounts(t.ctx)).rejects.toThrow(/demo account/);
  });
});
