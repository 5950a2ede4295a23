import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalNumbersIn } from '../../testing/personal-numbers.ts';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES, type BuiltUser } from '../../testing/factories.ts';

interface UserJson {
  id: string;
  username: string;
  regionCode: string;
  regionName: string;
  roles: string[];
  phone: string | null;
  mustChangePassword: boolean;
  version: number;
  status: string;
}
interface ListJson {
  items: UserJson[];
  total: number;
}

const NOT_FOUND = { code: 'not_found', message: '找不到该记录，或不在您的管辖范围内' };

describe('users across regions (SECURITY.md 7–9, 13, 27)', () => {
  let t: TestApp;
  let county: TestClient;
  let town: TestClient;
  let leader: TestClient;
  let local: BuiltUser;
  let foreign: BuiltUser;
  let n = 0;
  const newUser = (over: Record<string, unknown> = {}) => ({
    username: `new.user${(n += 1)}`,
    displayName: '新用户',
    regionCode: PLACES.qujia,
    roles: ['village_cadre'],
    initialPassword: 'Cadre#2026ok',
    ...over,
  });
  const row = (id: string) => t.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  const rowByName = (username: string) => t.ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const auditOf = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'jy.official', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'wq.leader', regionCode: PLACES.wangqiao, roles: ['leader'] });
    await buildUser(t.ctx, { username: 'qj.cadre0', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    local = await buildUser(t.ctx, { username: 'qj.local', regionCode: PLACES.qujia, roles: ['village_cadre'], phone: '13800138000' });
    foreign = await buildUser(t.ctx, {
      username: 'wj.foreign',
      regionCode: PLACES.wangjia,
      roles: ['village_cadre'],
      phone: '13900139000',
    });
    county = await t.login('jy.official');
    town = await t.login('wq.official');
    leader = await t.login('wq.leader');
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('a county official creates a user in 屈家村 who must change the password, audited with the region', async () => {
      const res = await county.request('POST', '/api/users', newUser({ username: 'qj.newcadre', phone: '13800138000' }));
      expect(res.statusCode).toBe(201);
      const body = res.json<UserJson>();
      expect(body).toMatchObject({
        username: 'qj.newcadre',
        regionCode: PLACES.qujia,
        regionName: '屈家村',
        roles: ['village_cadre'],
        phone: '138****8000',
        mustChangePassword: true,
        status: 'active',
        version: 1,
      });
      const stored = await row(body.id);
      expect(stored?.must_change_password).toBe(1);
      expect(stored?.phone_enc).not.toContain('13800138000');
      expect(stored?.password_hash).not.toContain('Cadre#2026ok');
      const audit = (await auditOf('user.create')).filter((a) => a.object_id === body.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ object_region: '610423104209', actor_name: 'jy.official', result: 'ok', object_type: 'user' });
      expect(audit[0]?.detail).toContain('138****8000');
      expect(audit[0]?.detail).not.toContain('13800138000');
    });

    it('a town official creating a user in another town’s village gets 404, no row, and a denial in the audit log', async () => {
      const deniedBefore = (await auditOf('access.denied')).length;
      const res = await town.request('POST', '/api/users', newUser({ username: 'wj.intruder', regionCode: PLACES.wangjia }));
      expect(res.statusCode).toBe(404);
      expect(errorOf(res)).toEqual(NOT_FOUND);
      expect(await rowByName('wj.intruder')).toBeUndefined();
      const denied = await auditOf('access.denied');
      expect(denied).toHaveLength(deniedBefore + 1);
      expect(denied.at(-1)).toMatchObject({ object_region: PLACES.wangjia, actor_name: 'wq.official', result: 'denied' });
    });

    it('nobody grants a region above or outside their own', async () => {
      for (const regionCode of [PLACES.jingyang, PLACES.huaiyuan, '00']) {
        const res = await town.request('POST', '/api/users', newUser({ username: 'outside.user', regionCode }));
        expect(res.statusCode, regionCode).toBe(404);
      }
      expect(await rowByName('outside.user')).toBeUndefined();
    });

    it('an official cannot grant the administrator roles', async () => {
      for (const role of ['admin', 'security_admin', 'auditor']) {
        const res = await county.request(
          'POST',
          '/api/users',
          newUser({ username: `esc.${role}`, regionCode: PLACES.jingyang, roles: [role] }),
        );
        expect(res.statusCode, role).toBe(403);
        expect(errorOf(res)).toEqual({ code: 'forbidden', message: '您不能授予该角色', fields: { roles: '您不能授予该角色' } });
        expect(await rowByName(`esc.${role}`)).toBeUndefined();
      }
    });

    it('refuses a duplicate username whatever its case', async () => {
      expect((await county.request('POST', '/api/users', newUser({ username: 'Dup.User' }))).statusCode).toBe(201);
      const dup = await county.request('POST', '/api/users', newUser({ username: 'dup.user' }));
      expect(dup.statusCode).toBe(400);
      expect(errorOf(dup)).toEqual({
        code: 'validation',
        message: '提交的内容有误，请按提示修改',
        fields: { username: '该用户名已被使用' },
      });
      expect(await rowByName('dup.user')).toBeUndefined();
    });

    it('refuses fields the form does not own', async () => {
      for (const extra of [{ status: 'disabled' }, { passwordHash: 'scrypt$x' }, { isDemo: true }, { mustChangePassword: false }]) {
        const username = `mass.${Object.keys(extra)[0]?.toLowerCase()}`;
        const res = await county.request('POST', '/api/users', newUser({ username, ...extra }));
        expect(res.statusCode, username).toBe(400);
        expect(errorOf(res).fields).toEqual({ [Object.keys(extra)[0] ?? '']: '不允许提交此字段' });
        expect(await rowByName(username)).toBeUndefined();
      }
    });

    it('validates the password, phone and region on the server', async () => {
      const weak = await county.request('POST', '/api/users', newUser({ username: 'weak.pw', initialPassword: 'abcdefgh' }));
      expect(weak.statusCode).toBe(400);
      expect(errorOf(weak).fields).toEqual({ initialPassword: '密码须包含大写字母、小写字母、数字、符号中的至少三类' });
      const phone = await county.request('POST', '/api/users', newUser({ username: 'bad.phone', phone: '12345' }));
      expect(phone.statusCode).toBe(400);
      expect(errorOf(phone).fields).toEqual({ phone: '手机号码格式不正确' });
      const missingRegion = await county.request('POST', '/api/users', newUser({ username: 'no.region', regionCode: '610423104299' }));
      expect(missingRegion.statusCode).toBe(400);
      expect(errorOf(missingRegion).fields).toEqual({ regionCode: '区划不存在或不在您的管辖范围内' });
      const badCode = await county.request('POST', '/api/users', newUser({ username: 'bad.code', regionCode: '6104231' }));
      expect(badCode.statusCode).toBe(400);
      expect(errorOf(badCode).fields).toEqual({ regionCode: '区划代码格式不正确' });
      for (const username of ['weak.pw', 'bad.phone', 'no.region', 'bad.code']) expect(await rowByName(username)).toBeUndefined();
    });

    it('roles without user.manage cannot create users', async () => {
      const res = await leader.request('POST', '/api/users', newUser({ username: 'by.leader' }));
      expect(res.statusCode).toBe(403);
      expect(errorOf(res)).toEqual({ code: 'forbidden', message: '您没有执行此操作的权限' });
      const cadre = await t.login('qj.cadre0');
      expect((await cadre.request('GET', '/api/users')).statusCode).toBe(403);
    });
  });

  describe('grants and scope', () => {
    it('offers an official only the roles they may grant', async () => {
      const res = await town.request('GET', '/api/meta/roles');
      expect(res.statusCode).toBe(200);
      const grantable = new Map(res.json<{ items: { role: string; grantable: boolean }[] }>().items.map((i) => [i.role, i.grantable]));
      expect(grantable.get('admin')).toBe(false);
      expect(grantable.get('security_admin')).toBe(false);
      expect(grantable.get('auditor')).toBe(false);
      expect(grantable.get('village_cadre')).toBe(true);
      // Officials and leaders review: only the security administrator grants them (issue 15 finding 8).
      expect(grantable.get('official')).toBe(false);
      expect(grantable.get('leader')).toBe(false);
    });

    it('switching the scope narrows lists and cannot leave the home region', async () => {
      const client = await t.login('jy.official');
      const outside = await client.request('PUT', '/api/session/scope', { regionCode: PLACES.huaiyuan });
      expect(outside.statusCode).toBe(404);
      const switched = await client.request('PUT', '/api/session/scope', { regionCode: PLACES.anwu });
      expect(switched.statusCode).toBe(200);
      expect(switched.json<{ scope: { code: string; name: string } }>().scope).toEqual({
        code: PLACES.anwu,
        name: '安吴镇',
        level: 'town',
      });
      const list = (await client.request('GET', '/api/users?pageSize=100')).json<ListJson>();
      expect(list.items.map((u) => u.id)).toContain(foreign.id);
      expect(list.items.every((u) => u.regionCode.startsWith(PLACES.anwu))).toBe(true);
    });
  });

  describe('foreign rows', () => {
    it('answer 404 to read, update, status, password reset and reveal, and stay unchanged', async () => {
      const before = await row(foreign.id);
      const attempts: [string, string, unknown][] = [
        ['GET', `/api/users/${foreign.id}`, undefined],
        ['PATCH', `/api/users/${foreign.id}`, { version: 1, displayName: '被改了' }],
        ['PUT', `/api/users/${foreign.id}/status`, { version: 1, status: 'disabled' }],
        ['POST', `/api/users/${foreign.id}/password`, { newPassword: 'Hijack#2026pw' }],
        ['POST', `/api/users/${foreign.id}/reveal-phone`, undefined],
      ];
      for (const [method, url, body] of attempts) {
        const res = await town.request(method as 'GET', url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(errorOf(res)).toEqual(NOT_FOUND);
        expect(res.body).not.toContain('wj.foreign');
      }
      expect(await row(foreign.id)).toEqual(before);
    });

    it('answer like a missing id', async () => {
      const missing = await town.request('GET', '/api/users/0b7f3f0e-3c1a-4d2e-9f55-7a1c2b3d4e5f');
      const foreignRes = await town.request('GET', `/api/users/${foreign.id}`);
      expect(missing.statusCode).toBe(404);
      expect(foreignRes.json()).toEqual(missing.json());
    });

    it('never appear in lists, searches or totals', async () => {
      const all = await town.request('GET', '/api/users?pageSize=100');
      expect(all.statusCode).toBe(200);
      const list = all.json<ListJson>();
      const inTown = await t.ctx.db.selectFrom('users').select('id').where('region_code', 'like', `${PLACES.wangqiao}%`).execute();
      expect(list.total).toBe(inTown.length);
      expect(list.items.map((u) => u.id).sort()).toEqual(inTown.map((u) => u.id).sort());
      expect(list.items.every((u) => u.regionCode.startsWith(PLACES.wangqiao))).toBe(true);
      expect(list.items.map((u) => u.id)).not.toContain(foreign.id);

      const search = (await town.request('GET', '/api/users?q=wj.foreign')).json<ListJson>();
      expect(search).toMatchObject({ items: [], total: 0 });
      const byRole = (await town.request('GET', '/api/users?role=village_cadre&pageSize=1')).json<ListJson>();
      expect(byRole.total).toBe(
        (
          await t.ctx.db
            .selectFrom('users')
            .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
            .select('users.id')
            .where('users.region_code', 'like', `${PLACES.wangqiao}%`)
            .where('user_roles.role', '=', 'village_cadre')
            .execute()
        ).length,
      );
      const filtered = await town.request('GET', `/api/users?regionCode=${PLACES.anwu}`);
      expect(filtered.statusCode).toBe(404);

      const countyList = (await county.request('GET', '/api/users?q=wj.foreign')).json<ListJson>();
      expect(countyList.items.map((u) => u.id)).toEqual([foreign.id]);
    });
  });

  describe('update', () => {
    it('refuses fields the form does not own and leaves the row unchanged', async () => {
      const before = await row(local.id);
      for (const extra of [
        { status: 'disabled' },
        { passwordHash: 'scrypt$x' },
        { isDemo: true },
        { failedLogins: 0 },
        { username: 'renamed' },
      ]) {
        const res = await town.request('PATCH', `/api/users/${local.id}`, { version: before?.version, displayName: '改名', ...extra });
        expect(res.statusCode, JSON.stringify(extra)).toBe(400);
        expect(errorOf(res).fields).toEqual({ [Object.keys(extra)[0] ?? '']: '不允许提交此字段' });
      }
      expect(await row(local.id)).toEqual(before);
    });

    it('answers 409 to a stale version and overwrites nothing', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const first = await town.request('PATCH', `/api/users/${user.id}`, { version: 1, displayName: '第一次修改' });
      expect(first.statusCode).toBe(200);
      expect(first.json<UserJson>().version).toBe(2);
      const stale = await county.request('PATCH', `/api/users/${user.id}`, { version: 1, displayName: '过期的修改', roles: ['mediator'] });
      expect(stale.statusCode).toBe(409);
      expect(errorOf(stale)).toEqual({ code: 'conflict', message: '记录已被他人修改，请刷新后重试' });
      const stored = await row(user.id);
      expect(stored).toMatchObject({ display_name: '第一次修改', version: 2 });
      const roles = await t.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
      expect(roles.map((r) => r.role)).toEqual(['village_cadre']);
    });

    it('an official cannot add an administrator role or move a user out of their region', async () => {
      const user = await buildUser(t.ctx, { regionCode: PLACES.qujia, roles: ['village_cadre'] });
      const admin = await town.request('PATCH', `/api/users/${user.id}`, { version: 1, roles: ['village_cadre', 'admin'] });
      expect(admin.statusCode).toBe(403);
      const moved = await town.request('PATCH', `/api/users/${user.id}`, { version: 1, regionCode: PLACES.wangjia });
      expect(moved.statusCode).toBe(404);
      expect(await row(user.id)).toMatchObject({ region_code: PLACES.qujia, version: 1 });
      const roles = await t.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
      expect(roles.map((r) => r.role)).toEqual(['village_cadre']);
    });
  });

  describe('phones', () => {
    it('are masked in reads and lists, and revealed only with personal.reveal, each reveal audited', async () => {
      const read = await leader.request('GET', `/api/users/${local.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json<UserJson>().phone).toBe('138****8000');
      const listed = (await town.request('GET', '/api/users?q=qj.local')).json<ListJson>();
      expect(listed.items[0]?.phone).toBe('138****8000');

      const refused = await leader.request('POST', `/api/users/${local.id}/reveal-phone`);
      expect(refused.statusCode).toBe(403);
      expect((await auditOf('user.reveal_phone')).filter((a) => a.object_id === local.id)).toHaveLength(0);

      const revealed = await town.request('POST', `/api/users/${local.id}/reveal-phone`);
      expect(revealed.statusCode).toBe(200);
      expect(revealed.json()).toEqual({ phone: '13800138000' });
      const audit = (await auditOf('user.reveal_phone')).filter((a) => a.object_id === local.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_name: 'wq.official', object_region: PLACES.qujia, result: 'ok' });
    });

    it('never appear unmasked in any other response of this file, nor in the audit log', async () => {
      const audit = await town.request('GET', '/api/audit?pageSize=100');
      expect(audit.statusCode).toBe(200);
      const scanned = t.responses.filter((r) => !r.url.endsWith('/reveal-phone') || r.statusCode !== 200);
      expect(scanned.length).toBeGreaterThan(40);
      // personalNumbersIn, not a bare pattern: an id's hex (the audit rows' request ids) can hold eleven digits in a row.
      for (const r of scanned) expect(personalNumbersIn(r.body), `${r.method} ${r.url}`).toEqual([]);
      const reveals = t.responses.filter((r) => r.url.endsWith('/reveal-phone') && r.statusCode === 200);
      expect(reveals.some((r) => personalNumbersIn(r.body).includes('13800138000'))).toBe(true);
      const rows = await t.ctx.db.selectFrom('audit_log').select(['detail', 'object_id', 'actor_name']).execute();
      for (const r of rows) expect(personalNumbersIn(JSON.stringify(r))).toEqual([]);
    });
  });
});
