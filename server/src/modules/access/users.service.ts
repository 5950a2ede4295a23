import { canGrantRole } from '@rg/domain/access/grants';
import { checkPassword } from '@rg/domain/access/password-policy';
import { ROLE_LABELS, ROLES, type Role } from '@rg/domain/access/roles';
import { toXlsx, type ExportColumn } from '../../core/export/xlsx.ts';
import { USER_ACTIONS, type UserCreate, type UserDto, type UserListQuery, type UserUpdate } from '@rg/domain/access/user.schema';
import { maskMobile } from '@rg/domain/personal/masking';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope } from '../../core/access/authorize.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { hashPassword } from '../../core/crypto/password-hash.ts';
import { AppError, conflict, invalid, notFound } from '../../core/http/errors.ts';
import { userPolicy, type UserPolicyAction, type UserSubject } from './user.policy.ts';
import type { Tx, UserTable } from '../../core/db/schema.ts';
import { findRegion } from '../regions/regions.facade.ts';
import * as repo from './users.repository.ts';
import { newUserRow, phoneColumns } from './user-row.ts';
import { newId } from '../../core/db/ids.ts';
import { revealSealed } from '../../core/audit/reveal.ts';

const EXPORT_LIMIT = 10_000;

const USER_EXPORT_COLUMNS: ExportColumn<UserDto>[] = [
  { header: '用户名', value: (u) => u.username },
  { header: '姓名', value: (u) => u.displayName },
  { header: '所属区划', width: 20, value: (u) => u.regionName },
  { header: '区划代码', value: (u) => u.regionCode },
  { header: '角色', width: 24, value: (u) => u.roles.map((r) => ROLE_LABELS[r]).join('、') },
  { header: '手机号', value: (u) => u.phone },
  { header: '状态', value: (u) => (u.status === 'active' ? '启用' : '停用') },
  { header: '最后登录', width: 22, value: (u) => u.lastLoginAt },
  { header: '创建时间', width: 22, value: (u) => u.createdAt },
];

/** 用户管理: officials manage accounts inside their region, granting only what they hold (SECURITY.md 8). */
export class UsersService {
  private readonly policy = userPolicy((actor) => this.grantableRoles(actor));

  constructor(private readonly ctx: AppContext) {}

  /** Per actor (one a request): a list of users asks it for every row. */
  private readonly grantable = new WeakMap<Actor, Role[]>();

  grantableRoles(actor: Actor): Role[] {
    let roles = this.grantable.get(actor);
    if (!roles) {
      roles = ROLES.filter((role) => canGrantRole(actor.roles, actor.permissions, (r) => this.ctx.permissions.of(r), role));
      this.grantable.set(actor, roles);
    }
    return roles;
  }

  toDto(actor: Actor, row: repo.UserRow, roles: Role[]): UserDto {
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      regionCode: row.region_code,
      regionName: row.region_name,
      roles,
      phone: row.phone_enc ? maskMobile(this.ctx.cipher.decrypt(row.phone_enc)) : null,
      status: row.status === 'disabled' ? 'disabled' : 'active',
      mustChangePassword: row.must_change_password === 1,
      totpEnabled: row.totp_enabled === 1,
      lockedUntil: row.locked_until && Date.parse(row.locked_until) > this.ctx.clock.now().getTime() ? row.locked_until : null,
      lastLoginAt: row.last_login_at,
      createdAt: row.created_at,
      version: row.version,
      abilities: abilitiesOf(this.policy, actor, subjectOf(row, roles), USER_ACTIONS),
    };
  }

  async list(rc: RequestContext, query: UserListQuery): Promise<{ items: UserDto[]; total: number; page: number; pageSize: number }> {
    const actor = authorize(rc.actor, 'user.read');
    if (query.regionCode) authorize(actor, 'user.read', { regionCode: query.regionCode });
    const { rows, total } = await repo.listUsers(this.ctx.db, listScope(actor), query);
    const roles = await repo.rolesOf(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => this.toDto(actor, r, roles.get(r.id) ?? [])), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * 导出: the same filtered list as an .xlsx (at most 10,000 rows), phones masked; permission-checked,
   * rate-limited (its route's `rateLimit`) and audited (SECURITY.md 15, 23). The file is streamed, never stored, so nothing lingers.
   */
  async export(rc: RequestContext, query: UserListQuery): Promise<Buffer> {
    const actor = authorize(rc.actor, 'user.export');
    if (query.regionCode) authorize(actor, 'user.export', { regionCode: query.regionCode });
    const { rows, total } = await repo.listUsers(this.ctx.db, listScope(actor), { ...query, page: 1, pageSize: EXPORT_LIMIT });
    const roles = await repo.rolesOf(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    const items = rows.map((r) => this.toDto(actor, r, roles.get(r.id) ?? []));
    await this.ctx.audit.record(this.ctx.db, rc, {
      action: 'export.users',
      objectType: 'user',
      objectRegion: listScope(actor),
      detail: { filters: { ...query, page: undefined, pageSize: undefined }, rows: items.length, total },
    });
    return toXlsx('用户', USER_EXPORT_COLUMNS, items);
  }

  /** A user, when the policy allows the action on them; a user elsewhere answers 404 like a missing one. */
  private async load(
    rc: RequestContext,
    id: string,
    action: UserPolicyAction,
  ): Promise<{ actor: Actor; row: repo.UserRow; roles: Role[] }> {
    const row = await repo.findUserById(this.ctx.db, id);
    if (!row) throw notFound();
    const roles = (await repo.rolesOf(this.ctx.db, [id])).get(id) ?? [];
    return { actor: enforce(this.policy, rc.actor, action, subjectOf(row, roles)), row, roles };
  }

  async get(rc: RequestContext, id: string): Promise<UserDto> {
    const { actor, row, roles } = await this.load(rc, id, 'read');
    return this.toDto(actor, row, roles);
  }

  /** The region and roles an account is to get (SECURITY.md 8, 11); a refused role is named on the form's roles field. */
  private checkGrants(actor: Actor, subject: UserSubject): void {
    const decision = this.policy(actor, 'grant', subject);
    if (!decision.ok && decision.messageKey.startsWith('user.role.')) {
      throw new AppError('forbidden', decision.messageKey, { roles: decision.messageKey });
    }
    enforce(this.policy, actor, 'grant', subject);
  }

  private async requireRegion(code: string): Promise<void> {
    if (!(await findRegion(this.ctx.db, code))) throw invalid({ regionCode: 'region.notFound' });
  }

  private checkPasswordPolicy(password: string, username: string, field: string): void {
    const problems = checkPassword(password, username);
    if (problems[0]) throw invalid({ [field]: problems[0] });
  }

  async create(rc: RequestContext, input: UserCreate): Promise<UserDto> {
    const actor = authorize(rc.actor, 'user.manage');
    this.checkGrants(actor, { regionCode: input.regionCode, id: null, roles: input.roles, hasPhone: false });
    await this.requireRegion(input.regionCode);
    this.checkPasswordPolicy(input.initialPassword, input.username, 'initialPassword');
    const passwordHash = await hashPassword(input.initialPassword);
    const now = this.ctx.clock.now().toISOString();
    const id = newId();
    const roles = [...new Set(input.roles)];
    await this.ctx.db.transaction().execute(async (tx) => {
      if (await repo.findUserByUsername(tx, input.username)) throw invalid({ username: 'user.username.taken' });
      const user = {
        id,
        username: input.username,
        displayName: input.displayName,
        regionCode: input.regionCode,
        passwordHash,
        mustChangePassword: true,
        phone: input.phone ?? null,
      };
      await repo.insertUser(tx, newUserRow(this.ctx.cipher, user, now), roles);
      await this.ctx.audit.append(tx, rc, {
        action: 'user.create',
        objectType: 'user',
        objectId: id,
        objectRegion: input.regionCode,
        detail: {
          after: {
            username: input.username,
            displayName: input.displayName,
            regionCode: input.regionCode,
            roles,
            phone: input.phone ?? null,
          },
        },
      });
    });
    return this.get(rc, id);
  }

  /** Runs a versioned change with its audit entry; a stale version answers 409 (SECURITY.md 27). */
  private async change(
    rc: RequestContext,
    id: string,
    version: number,
    changes: Partial<UserTable>,
    action: string,
    regionCode: string,
    detail: Record<string, unknown>,
    after?: (tx: Tx) => Promise<void>,
  ): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.updateUserVersioned(tx, id, version, changes, now))) throw conflict();
      await after?.(tx);
      await this.ctx.audit.append(tx, rc, { action, objectType: 'user', objectId: id, objectRegion: regionCode, detail });
    });
  }

  async update(rc: RequestContext, id: string, input: UserUpdate): Promise<UserDto> {
    const { actor, row, roles } = await this.load(rc, id, 'update');
    const regionCode = input.regionCode ?? row.region_code;
    const newRoles = input.roles ? [...new Set(input.roles)].sort() : roles;
    const rolesChanged = newRoles.join() !== [...roles].sort().join();
    const regionChanged = regionCode !== row.region_code;
    // Roles and region are granted anew only when they change, so one's own name and phone stay editable.
    if (rolesChanged || regionChanged) this.checkGrants(actor, { ...subjectOf(row, newRoles), regionCode });
    if (input.regionCode) await this.requireRegion(input.regionCode);
    const changes: Partial<UserTable> = {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
      ...(input.phone !== undefined ? phoneColumns(this.ctx.cipher, input.phone) : {}),
    };
    await this.change(
      rc,
      id,
      input.version,
      changes,
      'user.update',
      regionCode,
      {
        before: { displayName: row.display_name, regionCode: row.region_code, roles },
        after: { displayName: input.displayName, regionCode: input.regionCode, roles: input.roles, phone: input.phone },
      },
      async (tx) => {
        if (rolesChanged) await repo.replaceRoles(tx, id, newRoles);
        // A change of roles or region ends the user's sessions: new rights apply from the next login.
        if (rolesChanged || regionChanged) await this.ctx.sessions.revokeUser(tx, id);
      },
    );
    return this.get(rc, id);
  }

  async setStatus(rc: RequestContext, id: string, version: number, status: 'active' | 'disabled'): Promise<UserDto> {
    const { row } = await this.load(rc, id, 'disable');
    await this.change(
      rc,
      id,
      version,
      { status, failed_logins: 0, locked_until: null },
      'user.status',
      row.region_code,
      { before: row.status, after: status },
      async (tx) => {
        if (status === 'disabled') await this.ctx.sessions.revokeUser(tx, id);
      },
    );
    return this.get(rc, id);
  }

  async resetPassword(rc: RequestContext, id: string, newPassword: string): Promise<void> {
    const { row } = await this.load(rc, id, 'resetPassword');
    this.checkPasswordPolicy(newPassword, row.username, 'newPassword');
    const hash = await hashPassword(newPassword);
    await this.change(
      rc,
      id,
      row.version,
      { password_hash: hash, must_change_password: 1, failed_logins: 0, locked_until: null },
      'user.password_reset',
      row.region_code,
      {},
      (tx) => this.ctx.sessions.revokeUser(tx, id),
    );
  }

  /** The full phone number, for holders of the reveal permission; each reveal is audited (SECURITY.md 13). */
  async revealPhone(rc: RequestContext, id: string): Promise<{ phone: string | null }> {
    authorize(rc.actor, 'personal.reveal');
    const { row } = await this.load(rc, id, 'read');
    const phone = await revealSealed(this.ctx, rc, {
      action: 'user.reveal_phone',
      objectType: 'user',
      objectId: id,
      regionCode: row.region_code,
      sealed: row.phone_enc,
    });
    return { phone };
  }
}

function subjectOf(row: repo.UserRow, roles: readonly Role[]): UserSubject {
  return { regionCode: row.region_code, id: row.id, roles, hasPhone: row.phone_enc !== null };
}
