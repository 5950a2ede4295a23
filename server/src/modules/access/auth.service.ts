import * as OTPAuth from 'otpauth';
import { ADMIN_ROLES, type Role } from '@rg/domain/access/roles';
import { checkPassword } from '@rg/domain/access/password-policy';
import type { LoginResult, MenuEntryDto, SessionDto } from '@rg/domain/access/user.schema';
import { isWithin } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import type { SessionRow } from '../../core/access/sessions.ts';
import { MINUTE } from '../../core/clock.ts';
import type { AppContext } from '../../core/context.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../core/crypto/password-hash.ts';
import { AppError, invalid, notFound } from '../../core/http/errors.ts';
import type { UserTable } from '../../core/db/schema.ts';
import { findRegion } from '../regions/regions.facade.ts';
import * as users from './users.repository.ts';
import {
  clearAccountFailures,
  countAccountFailure,
  countNameFailure,
  findLoginFailures,
  type FailureCount,
} from './login-failures.repository.ts';

/** SECURITY.md 3: five failures lock the account for fifteen minutes. */
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * MINUTE;

/** One failure's count: locks at MAX_FAILURES for LOCK_MS from `now`. */
function failureCount(now: Date): FailureCount {
  return { max: MAX_FAILURES, now: now.toISOString(), lockUntil: new Date(now.getTime() + LOCK_MS).toISOString() };
}

export interface LoginOutcome {
  result: LoginResult;
  /** Cookie token of the new session, when one was opened. */
  token?: string;
}

/** 登录与会话: password, second factor, first-login change, scope switch. */
export class AuthService {
  constructor(private readonly ctx: AppContext) {}

  async login(rc: RequestContext, username: string, password: string): Promise<LoginOutcome> {
    const { db, clock, audit } = this.ctx;
    await this.ctx.rateLimiter.hit(`login:ip:${rc.ip ?? '-'}`, 30, MINUTE);
    const now = clock.now();
    const user = await users.findUserByUsername(db, username);
    const refuse = async (code: 'invalid_credentials' | 'locked', reason: string): Promise<never> => {
      await audit.record(db, rc, {
        action: 'auth.login_failed',
        result: 'denied',
        objectType: 'user',
        objectId: user?.id,
        objectRegion: user?.region_code,
        detail: { username, reason },
      });
      throw new AppError(code, code === 'locked' ? 'auth.locked' : 'auth.invalidCredentials');
    };
    if (!user) {
      // Unknown names are counted and locked like real ones, so the answers cannot tell them apart.
      await burnPasswordCheck(password);
      if (await this.unknownNameLocked(username.toLowerCase(), now)) return refuse('locked', 'unknown_locked');
      return refuse('invalid_credentials', 'unknown_user');
    }
    if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
      await burnPasswordCheck(password);
      return refuse('locked', 'locked');
    }
    const valid = await verifyPassword(password, user.password_hash);
    if (!valid || user.status !== 'active') {
      if (!valid) await countAccountFailure(db, user.id, failureCount(now));
      return refuse('invalid_credentials', valid ? 'disabled' : 'wrong_password');
    }
    // Failures racing this login may have locked the account since it was read: the lock wins (finding 3).
    if (!(await clearAccountFailures(db, user.id, now.toISOString()))) return refuse('locked', 'locked');
    const roles = (await users.rolesOf(db, [user.id])).get(user.id) ?? [];
    const needsTotp = user.totp_enabled === 1 || roles.some((r) => ADMIN_ROLES.includes(r));
    const { token, csrfToken } = await this.ctx.sessions.create(db, user.id, user.region_code, needsTotp, rc.ip);
    await audit.record(
      db,
      { ...rc, actor: this.actorOf(user, roles, user.region_code) },
      { action: 'auth.login', objectType: 'user', objectId: user.id, objectRegion: user.region_code, detail: { mfa: needsTotp } },
    );
    if (!needsTotp) return { token, result: { status: 'ok', session: await this.sessionDto(user.id, await this.sessionOf(token)) } };
    if (user.totp_enabled === 1) return { token, result: { status: 'totp_required', csrfToken } };
    return { token, result: { status: 'totp_enroll', csrfToken, ...(await this.startEnrolment(user)) } };
  }

  /** Counts a failure of a name that is no account, with the same 5-then-15-minutes rule; true when it was locked. */
  private async unknownNameLocked(name: string, now: Date): Promise<boolean> {
    const row = await findLoginFailures(this.ctx.db, name);
    if (row?.locked_until && Date.parse(row.locked_until) > now.getTime()) return true;
    await countNameFailure(this.ctx.db, name, failureCount(now));
    return false;
  }

  private async sessionOf(token: string): Promise<SessionRow> {
    const session = await this.ctx.sessions.find(this.ctx.db, token);
    if (!session) throw new AppError('unauthenticated', 'error.unauthenticated');
    return session;
  }

  private actorOf(
    user: Pick<UserTable, 'id' | 'username' | 'display_name' | 'region_code' | 'must_change_password'>,
    roles: Role[],
    scope: string,
  ): Actor {
    return {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles,
      homeRegion: user.region_code,
      scope,
      permissions: this.ctx.permissions.union(roles),
      mustChangePassword: user.must_change_password === 1,
    };
  }

  private totpFor(user: Pick<UserTable, 'username'>, secret: string): OTPAuth.TOTP {
    return new OTPAuth.TOTP({
      issuer: '乡村治理试点示范平台',
      label: user.username,
      secret: OTPAuth.Secret.fromBase32(secret),
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    });
  }

  private async startEnrolment(user: UserTable): Promise<{ secret: string; otpauthUri: string }> {
    let secret = user.totp_secret_enc ? this.ctx.cipher.decrypt(user.totp_secret_enc) : null;
    if (!secret) {
      secret = new OTPAuth.Secret({ size: 20 }).base32;
      await users.updateUser(this.ctx.db, user.id, { totp_secret_enc: this.ctx.cipher.encrypt(secret) });
    }
    return { secret, otpauthUri: this.totpFor(user, secret).toString() };
  }

  /**
   * Checks a TOTP code for the pending session. A code's time step is remembered, so a code
   * (or an older one) cannot be used twice (SECURITY.md 5).
   */
  async verifyTotp(rc: RequestContext, session: SessionRow | null, code: string, enrol: boolean): Promise<SessionDto> {
    if (!session?.mfaPending) throw new AppError('validation', 'auth.totp.notPending');
    const user = await users.findUserById(this.ctx.db, session.userId);
    if (!user?.totp_secret_enc || (enrol ? user.totp_enabled === 1 : user.totp_enabled !== 1))
      throw new AppError('validation', 'auth.totp.notPending');
    await this.ctx.rateLimiter.hit(`totp:${user.id}`, 10, 5 * MINUTE);
    const now = this.ctx.clock.now().getTime();
    const delta = this.totpFor(user, this.ctx.cipher.decrypt(user.totp_secret_enc)).validate({ token: code, timestamp: now, window: 1 });
    const step = delta === null ? null : Math.floor(now / 30_000) + delta;
    const reused = step !== null && user.totp_last_step !== null && step <= Number(user.totp_last_step);
    if (step === null || reused) {
      await this.ctx.audit.record(this.ctx.db, rc, {
        action: 'auth.totp',
        result: 'denied',
        objectType: 'user',
        objectId: user.id,
        objectRegion: user.region_code,
        detail: { reused },
      });
      throw new AppError('invalid_credentials', 'auth.totp.invalid');
    }
    await this.ctx.db.transaction().execute(async (tx) => {
      await users.updateUser(tx, user.id, { totp_last_step: step, ...(enrol ? { totp_enabled: 1 } : {}) });
      await this.ctx.sessions.completeMfa(tx, session.idHash);
      await this.ctx.audit.append(tx, rc, {
        action: 'auth.totp',
        objectType: 'user',
        objectId: user.id,
        objectRegion: user.region_code,
        detail: { enrol },
      });
    });
    return this.sessionDto(user.id, { ...session, mfaPending: false });
  }

  async logout(rc: RequestContext, session: SessionRow): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.ctx.sessions.revoke(tx, session.idHash);
      await this.ctx.audit.append(tx, rc, {
        action: 'auth.logout',
        objectType: 'user',
        objectId: session.userId,
        objectRegion: rc.actor?.homeRegion,
      });
    });
  }

  async changePassword(rc: RequestContext, session: SessionRow, currentPassword: string, newPassword: string): Promise<SessionDto> {
    const user = await users.findUserById(this.ctx.db, session.userId);
    if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
    if (!(await verifyPassword(currentPassword, user.password_hash))) throw invalid({ currentPassword: 'auth.password.wrong' });
    const problems = checkPassword(newPassword, user.username);
    if (problems[0]) throw invalid({ newPassword: problems[0] });
    if (newPassword === currentPassword) throw invalid({ newPassword: 'auth.password.reused' });
    const hash = await hashPassword(newPassword);
    await this.ctx.db.transaction().execute(async (tx) => {
      await users.updateUser(tx, user.id, { password_hash: hash, must_change_password: 0, updated_at: this.ctx.clock.now().toISOString() });
      await this.ctx.sessions.revokeUser(tx, user.id, session.idHash);
      await this.ctx.audit.append(tx, rc, {
        action: 'auth.password_change',
        objectType: 'user',
        objectId: user.id,
        objectRegion: user.region_code,
      });
    });
    return this.sessionDto(user.id, session);
  }

  /** The console looks at a region inside the user's own (ISSUE 2 item 7). */
  async switchScope(rc: RequestContext, session: SessionRow, regionCode: string): Promise<SessionDto> {
    const actor = rc.actor;
    if (!actor || !isWithin(regionCode, actor.homeRegion) || !(await findRegion(this.ctx.db, regionCode)))
      throw notFound('region.notFound');
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.ctx.sessions.setScope(tx, session.idHash, regionCode);
      await this.ctx.audit.append(tx, rc, {
        action: 'session.scope',
        objectType: 'region',
        objectId: regionCode,
        objectRegion: regionCode,
      });
    });
    return this.sessionDto(actor.userId, { ...session, scopeCode: regionCode });
  }

  async sessionDto(userId: string, session: SessionRow): Promise<SessionDto> {
    const user = await users.findUserById(this.ctx.db, userId);
    if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
    const roles = (await users.rolesOf(this.ctx.db, [userId])).get(userId) ?? [];
    const permissions = this.ctx.permissions.union(roles);
    const scope = (await findRegion(this.ctx.db, session.scopeCode)) ?? null;
    const menu: MenuEntryDto[] = this.ctx.modules
      .flatMap((m) => m.menu ?? [])
      .filter((entry) => entry.access === 'authenticated' || entry.access === 'public' || permissions.has(entry.access))
      .map(({ access: _access, ...entry }) => entry)
      .sort((a, b) => a.order - b.order);
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        roles,
        regionCode: user.region_code,
        regionName: user.region_name,
      },
      scope: { code: session.scopeCode, name: scope?.name ?? '', level: scope?.level ?? '' },
      permissions: [...permissions].sort(),
      mustChangePassword: user.must_change_password === 1,
      csrfToken: session.csrfToken,
      menu,
    };
  }
}
