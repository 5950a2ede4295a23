import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../core/clock.ts';
import { createTestApp, errorOf, newTotpSecret, totpCode, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES, TEST_PASSWORD } from '../../testing/factories.ts';

const INVALID = { code: 'invalid_credentials', message: '用户名或密码错误' };
const LOCKED = { code: 'locked', message: '连续登录失败次数过多，账号已锁定 15 分钟' };

describe('login, lockout, sessions, first login, TOTP (SECURITY.md 2–5, 23)', () => {
  let t: TestApp;
  const loginRaw = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const sessionOk = async (client: TestClient) => (await client.request('GET', '/api/session')).statusCode;
  const userRow = (id: string) => t.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'aw.official', regionCode: PLACES.anwu, roles: ['official'] });
  });
  afterAll(() => t.close());
  // A new minute for every test, so the per-IP login limit (30 a minute) of one test never spills into the next.
  beforeEach(() => t.clock.advance(MINUTE));

  describe('password login', () => {
    it('opens a server-side session stored only as a hash of the cookie, and audits the login', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const res = await loginRaw(user.username, TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ status: string; session: { user: { username: string }; csrfToken: string } }>();
      expect(body.status).toBe('ok');
      expect(body.session.user.username).toBe(user.username);
      const token = res.cookies.find((c) => c.name === 'rg_sid')?.value ?? '';
      expect(token.length).toBeGreaterThan(30);
      const rows = await t.ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.id_hash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(token);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'auth.login')
        .where('object_id', '=', user.id)
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('gives a new session id at every login', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const a = await t.login(user.username);
      const b = await t.login(user.username);
      expect(a.cookie).not.toBe(b.cookie);
      expect(await sessionOk(a)).toBe(200);
      expect(await sessionOk(b)).toBe(200);
    });

    it('answers a wrong password and an unknown user alike', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const wrong = await loginRaw(user.username, 'Wrong#2026pass');
      const unknown = await loginRaw('nobody.here', 'Wrong#2026pass');
      expect(wrong.statusCode).toBe(401);
      expect(errorOf(wrong)).toEqual(INVALID);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrong.json());
      expect(wrong.cookies.find((c) => c.name === 'rg_sid')).toBeUndefined();
    });

    it('locks an account for 15 minutes after 5 failures, even against the right password', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      for (let i = 0; i < 5; i += 1) {
        const res = await loginRaw(user.username, `Wrong#2026pass${i}`);
        expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
        expect(errorOf(res)).toEqual(INVALID);
      }
      const sixth = await loginRaw(user.username, TEST_PASSWORD);
      expect(sixth.statusCode).toBe(423);
      expect(errorOf(sixth)).toEqual(LOCKED);
      expect((await userRow(user.id)).locked_until).not.toBeNull();
      // The locked account shows on the todo list of its town's official, not of another town's.
      // (Only the access module's items: other modules add their own, e.g. mediation staffing.)
      const lockedItems = async (username: string) =>
        (await (await t.login(username)).request('GET', '/api/todos'))
          .json<{ items: { id: string; count?: number }[] }>()
          .items.filter((i) => i.id.startsWith('access.'));
      expect(await lockedItems('wq.official')).toEqual([expect.objectContaining({ id: 'access.locked', count: 1 })]);
      expect(await lockedItems('aw.official')).toEqual([]);
      t.clock.advance(14 * MINUTE);
      expect((await loginRaw(user.username, TEST_PASSWORD)).statusCode).toBe(423);
      t.clock.advance(MINUTE + 1000);
      const later = await loginRaw(user.username, TEST_PASSWORD);
      expect(later.statusCode).toBe(200);
      expect((await userRow(user.id)).failed_logins).toBe(0);
    });

    it('counts failures of unknown usernames too and locks them after 5', async () => {
      for (let i = 0; i < 5; i += 1) {
        expect((await loginRaw('ghost.user', 'Wrong#2026pass')).statusCode, `attempt ${i + 1}`).toBe(401);
      }
      const sixth = await loginRaw('GHOST.user', 'Wrong#2026pass');
      expect(sixth.statusCode).toBe(423);
      expect(errorOf(sixth)).toEqual(LOCKED);
      // The same clock as for accounts: still locked after 14 minutes, open again after 15.
      t.clock.advance(14 * MINUTE);
      expect((await loginRaw('ghost.user', 'Wrong#2026pass')).statusCode).toBe(423);
      t.clock.advance(MINUTE + 1000);
      expect((await loginRaw('ghost.user', 'Wrong#2026pass')).statusCode).toBe(401);
    });

    it('answers a disabled account like a wrong password', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      await t.ctx.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
      const res = await loginRaw(user.username, TEST_PASSWORD);
      expect(res.statusCode).toBe(401);
      expect(errorOf(res)).toEqual(INVALID);
    });

    it('limits login attempts per address to 30 a minute', { timeout: 120_000 }, async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i += 1) statuses.push((await loginRaw(`flood${i}`, 'Wrong#2026pass')).statusCode);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      const limited = await loginRaw('wq.official', TEST_PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(errorOf(limited)).toEqual({ code: 'rate_limited', message: '操作过于频繁，请稍后再试' });
      t.clock.advance(MINUTE);
      expect((await loginRaw('wq.official', TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('refuses a login body with unknown fields or missing values', async () => {
      const extra = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'wq.official', password: TEST_PASSWORD, role: 'admin' },
      });
      expect(extra.statusCode).toBe(400);
      expect(errorOf(extra).fields).toEqual({ role: '不允许提交此字段' });
      const empty = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '', password: '' } });
      expect(empty.statusCode).toBe(400);
      expect(errorOf(empty)).toMatchObject({
        code: 'validation',
        message: '提交的内容有误，请按提示修改',
        fields: { username: '请输入用户名', password: '请输入密码' },
      });
    });
  });

  describe('sessions', () => {
    it('ends after 30 idle minutes; activity keeps it alive', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const client = await t.login(user.username);
      t.clock.advance(29 * MINUTE);
      expect(await sessionOk(client)).toBe(200);
      t.clock.advance(29 * MINUTE);
      expect(await sessionOk(client)).toBe(200);
      t.clock.advance(31 * MINUTE);
      const expired = await client.request('GET', '/api/session');
      expect(expired.statusCode).toBe(401);
      expect(errorOf(expired).code).toBe('unauthenticated');
      expect(await t.ctx.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute()).toEqual([]);
    });

    it('ends 12 hours after login however active', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const client = await t.login(user.username);
      for (let i = 0; i < 24; i += 1) {
        t.clock.advance(29 * MINUTE);
        expect(await sessionOk(client), `after ${(i + 1) * 29} min`).toBe(200);
      }
      t.clock.advance(12 * HOUR - 24 * 29 * MINUTE - MINUTE);
      expect(await sessionOk(client)).toBe(200);
      t.clock.advance(2 * MINUTE);
      expect(await sessionOk(client)).toBe(401);
    });

    it('logout revokes the session', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const client = await t.login(user.username);
      const other = await t.login(user.username);
      const res = await client.request('POST', '/api/auth/logout');
      expect(res.statusCode).toBe(204);
      expect(await sessionOk(client)).toBe(401);
      expect(await sessionOk(other)).toBe(200);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'auth.logout')
        .where('object_id', '=', user.id)
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('disabling a user ends their sessions on the next request', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const victim = await t.login(user.username);
      const official = await t.login('wq.official');
      const { version } = (await official.request('GET', `/api/users/${user.id}`)).json<{ version: number }>();
      const res = await official.request('PUT', `/api/users/${user.id}/status`, { version, status: 'disabled' });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ status: string }>().status).toBe('disabled');
      expect(await sessionOk(victim)).toBe(401);
      expect((await loginRaw(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    });

    it('a disabled user loses the session even when it was not revoked in the table', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const victim = await t.login(user.username);
      await t.ctx.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
      expect(await sessionOk(victim)).toBe(401);
    });

    it('changing roles ends the sessions; changing the name does not', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const target = await t.login(user.username);
      const official = await t.login('wq.official');
      let { version } = (await official.request('GET', `/api/users/${user.id}`)).json<{ version: number }>();
      const renamed = await official.request('PATCH', `/api/users/${user.id}`, { version, displayName: '屈家村新书记' });
      expect(renamed.statusCode).toBe(200);
      expect(await sessionOk(target)).toBe(200);
      version = renamed.json<{ version: number }>().version;
      const res = await official.request('PATCH', `/api/users/${user.id}`, { version, roles: ['mediator'] });
      expect(res.statusCode).toBe(200);
      expect(await sessionOk(target)).toBe(401);
      const again = await t.login(user.username);
      const session = (await again.request('GET', '/api/session')).json<{ user: { roles: string[] } }>();
      expect(session.user.roles).toEqual(['mediator']);
    });
  });

  describe('first login', () => {
    it('allows only the password change until it is done', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.wangqiao, roles: ['official'], mustChangePassword: true });
      const client = await t.login(user.username);
      const other = await t.login(user.username);
      const blocked = await client.request('GET', '/api/users');
      expect(blocked.statusCode).toBe(403);
      expect(errorOf(blocked)).toEqual({ code: 'must_change_password', message: '首次登录请先修改密码' });
      const session = await client.request('GET', '/api/session');
      expect(session.statusCode).toBe(200);
      expect(session.json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(true);

      const weak = await client.request('POST', '/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'abc' });
      expect(weak.statusCode).toBe(400);
      expect(errorOf(weak).fields).toEqual({ newPassword: '密码至少 8 位' });
      const common = await client.request('POST', '/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'P@ssw0rd' });
      expect(common.statusCode).toBe(400);
      expect(errorOf(common).fields).toEqual({ newPassword: '密码过于常见或容易猜到（常用密码、键盘顺序、简单重复），请换一个' });
      const wrongCurrent = await client.request('POST', '/api/session/password', {
        currentPassword: 'Wrong#2026pass',
        newPassword: 'Cadre#2026ok',
      });
      expect(wrongCurrent.statusCode).toBe(400);
      expect(errorOf(wrongCurrent).fields).toEqual({ currentPassword: '原密码不正确' });
      expect((await userRow(user.id)).must_change_password).toBe(1);

      const ok = await client.request('POST', '/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'Cadre#2026ok' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(false);
      expect((await userRow(user.id)).must_change_password).toBe(0);
      expect((await client.request('GET', '/api/users')).statusCode).toBe(200);
      expect(await sessionOk(other)).toBe(401);
      expect((await loginRaw(user.username, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await loginRaw(user.username, 'Cadre#2026ok')).statusCode).toBe(200);
    });
  });

  describe('second factor', () => {
    it('challenges an administrator after the password and refuses a reused code', async () => {
      const secret = newTotpSecret();
      const admin = await buildUser(t.ctx, { regionCode: '00', roles: ['admin'], totpSecret: secret });
      const first = await loginRaw(admin.username, TEST_PASSWORD);
      expect(first.statusCode).toBe(200);
      const body = first.json<{ status: string; session?: unknown }>();
      expect(body.status).toBe('totp_required');
      expect(body.session).toBeUndefined();

      const client = await t.login(admin.username);
      const pending = await client.request('GET', '/api/users');
      expect(pending.statusCode).toBe(401);
      expect(errorOf(pending).code).toBe('totp_required');

      const code = totpCode(secret, t.clock);
      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await client.request('POST', '/api/auth/totp', { code: wrongCode });
      expect(wrong.statusCode).toBe(401);
      expect(errorOf(wrong)).toEqual({ code: 'invalid_credentials', message: '动态验证码不正确或已使用' });

      const ok = await client.request('POST', '/api/auth/totp', { code });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<{ status: string }>().status).toBe('ok');
      expect((await client.request('GET', '/api/users')).statusCode).toBe(200);

      const second = await t.login(admin.username);
      const replay = await second.request('POST', '/api/auth/totp', { code });
      expect(replay.statusCode).toBe(401);
      expect(errorOf(replay).code).toBe('invalid_credentials');
      expect((await second.request('GET', '/api/users')).statusCode).toBe(401);

      t.clock.advance(30_000);
      const fresh = await second.request('POST', '/api/auth/totp', { code: totpCode(secret, t.clock) });
      expect(fresh.statusCode).toBe(200);
      expect((await second.request('GET', '/api/users')).statusCode).toBe(200);
    });

    it('makes an administrator without a secret enrol before anything else', async () => {
      const admin = await buildUser(t.ctx, { regionCode: '00', roles: ['security_admin'] });
      const res = await loginRaw(admin.username, TEST_PASSWORD);
      const body = res.json<{ status: string; secret: string; otpauthUri: string }>();
      expect(body.status).toBe('totp_enroll');
      expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      const client = await t.login(admin.username);
      expect((await client.request('GET', '/api/users')).statusCode).toBe(401);
      const enrolled = await client.request('POST', '/api/auth/totp/enroll', { code: totpCode(body.secret, t.clock) });
      expect(enrolled.statusCode).toBe(200);
      expect((await userRow(admin.id)).totp_enabled).toBe(1);
      expect((await client.request('GET', '/api/users')).statusCode).toBe(200);
    });
  });
});
