import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserDto } from '@rg/domain/access/user.schema';
import { createTestApp, errorOf, loginWithTotp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES, type BuiltUser } from '../../testing/factories.ts';

const SECRET = 'JBSWY3DPEHPK3PXP';

/** 三权分立 (SECURITY.md 8, 11): the administrator roles never mix, nobody escalates or locks themselves out. */
describe('users: separation of duties and no escalation', () => {
  let t: TestApp;
  let secadmin: BuiltUser;
  let security: TestClient;
  let town: TestClient;
  let official: BuiltUser;
  const rolesOf = async (userId: string) =>
    (await t.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute()).map((r) => r.role);

  beforeAll(async () => {
    t = await createTestApp();
    secadmin = await buildUser(t.ctx, { username: 'sec.admin', regionCode: '00', roles: ['security_admin'], totpSecret: SECRET });
    official = await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
    security = await loginWithTotp(t, 'sec.admin', SECRET);
    town = await t.login('wq.official');
  });
  afterAll(() => t.close());

  it('an account with an administrator role gets no other role: 403 on the roles field, no account', async () => {
    const res = await security.request('POST', '/api/users', {
      username: 'mixed.admin',
      displayName: '兼任',
      regionCode: '00',
      roles: ['admin', 'auditor'],
      initialPassword: 'Admin#2026ok',
    });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res)).toMatchObject({ message: '系统管理员、安全管理员、审计管理员账号不能兼任其他角色' });
    expect(errorOf(res).fields).toHaveProperty('roles');
    const stored = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'mixed.admin').executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  it('the security administrator cannot make themselves auditor too, but creates a plain auditor', async () => {
    const own = await security.request('PATCH', `/api/users/${secadmin.id}`, { version: 1, roles: ['security_admin', 'auditor'] });
    expect(own.statusCode).toBe(403);
    expect(await rolesOf(secadmin.id)).toEqual(['security_admin']);
    const created = await security.request('POST', '/api/users', {
      username: 'plain.auditor',
      displayName: '审计员',
      regionCode: '00',
      roles: ['auditor'],
      initialPassword: 'Audit#2026ok',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<UserDto>().roles).toEqual(['auditor']);
  });

  it('nobody disables or resets their own account: 403, the row unchanged, and their row offers neither', async () => {
    const self = await town.request('GET', `/api/users/${official.id}`);
    expect(self.json<UserDto>().abilities).toEqual({ update: true, disable: false, resetPassword: false, revealPhone: false });
    const disabled = await town.request('PUT', `/api/users/${official.id}/status`, { version: 1, status: 'disabled' });
    expect(disabled.statusCode).toBe(403);
    expect(errorOf(disabled)).toMatchObject({ message: '不能停用自己的账号' });
    const reset = await town.request('POST', `/api/users/${official.id}/password`, { newPassword: 'Other#2026pass' });
    expect(reset.statusCode).toBe(403);
    const stored = await t.ctx.db.selectFrom('users').select(['status', 'version']).where('id', '=', official.id).executeTakeFirst();
    expect(stored).toEqual({ status: 'active', version: 1 });
  });

  /**
   * Issue 15 finding 8, step by step: the security administrator made one account all three
   * administrators, then gave themselves an official's role and read both counties' cases.
   */
  describe('the reproduction of finding 8 fails at every step', () => {
    const attempts: { name: string; as: 'security' | 'town'; method: 'POST' | 'PATCH'; roles: string[]; message: string }[] = [
      {
        name: 'one account with all three administrator roles',
        as: 'security',
        method: 'POST',
        roles: ['admin', 'security_admin', 'auditor'],
        message: '系统管理员、安全管理员、审计管理员账号不能兼任其他角色',
      },
      {
        name: 'an administrator role beside a business role',
        as: 'security',
        method: 'POST',
        roles: ['auditor', 'official'],
        message: '系统管理员、安全管理员、审计管理员账号不能兼任其他角色',
      },
      {
        name: 'the security administrator adds an official role to themselves',
        as: 'security',
        method: 'PATCH',
        roles: ['security_admin', 'official'],
        message: '不能更改自己的角色或所属区划，请由安全管理员办理',
      },
      {
        name: 'the security administrator makes themselves an official',
        as: 'security',
        method: 'PATCH',
        roles: ['official'],
        message: '不能更改自己的角色或所属区划，请由安全管理员办理',
      },
      {
        name: 'an official adds a role to themselves',
        as: 'town',
        method: 'PATCH',
        roles: ['official', 'village_cadre'],
        message: '不能更改自己的角色或所属区划，请由安全管理员办理',
      },
      {
        name: 'an official makes a second official, to sign in as it and approve their own work',
        as: 'town',
        method: 'POST',
        roles: ['official'],
        message: '您不能授予该角色',
      },
      {
        name: 'an official grants an administrator role',
        as: 'town',
        method: 'POST',
        roles: ['security_admin'],
        message: '您不能授予该角色',
      },
    ];
    it.each(attempts)('$name: 403 naming the rule, nothing stored', async ({ as, method, roles, message }) => {
      const client = as === 'security' ? security : town;
      const subject = as === 'security' ? { ...secadmin, regionCode: '00' } : { ...official, regionCode: PLACES.wangqiao };
      const before = await rolesOf(subject.id);
      const username = `try.${roles.join('.')}`.replace(/_/g, '').slice(0, 32);
      const res =
        method === 'POST'
          ? await client.request('POST', '/api/users', {
              username,
              displayName: '尝试',
              regionCode: subject.regionCode,
              roles,
              initialPassword: 'Admin#2026ok',
            })
          : await client.request('PATCH', `/api/users/${subject.id}`, { version: 1, roles });
      expect(res.statusCode, res.body).toBe(403);
      expect(errorOf(res)).toMatchObject({ message });
      expect(await rolesOf(subject.id)).toEqual(before);
      expect(await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()).toBeUndefined();
    });

    it('an official still edits their own name, and the security administrator still grants business roles to others', async () => {
      const named = await town.request('PATCH', `/api/users/${official.id}`, { version: 1, displayName: '王桥干部', roles: ['official'] });
      expect(named.statusCode, named.body).toBe(200);
      const created = await security.request('POST', '/api/users', {
        username: 'granted.official',
        displayName: '新干部',
        regionCode: PLACES.wangqiao,
        roles: ['official'],
        initialPassword: 'Grant#2026ok',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(await rolesOf(created.json<UserDto>().id)).toEqual(['official']);
    });
  });
});
