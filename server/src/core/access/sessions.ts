import crypto from 'node:crypto';
import { MINUTE, HOUR, type Clock } from '../clock.ts';
import type { DbOrTx } from '../db/schema.ts';

/** SECURITY.md 4: idle timeout 30 minutes, absolute 12 hours. */
export const IDLE_TIMEOUT_MS = 30 * MINUTE;
export const ABSOLUTE_TIMEOUT_MS = 12 * HOUR;
/** Touch `last_seen_at` at most once a minute, to keep reads free of writes. */
const TOUCH_EVERY_MS = MINUTE;

export const SESSION_COOKIE = 'rg_sid';

export interface SessionRow {
  idHash: string;
  userId: string;
  csrfToken: string;
  scopeCode: string;
  mfaPending: boolean;
}

/** The user's state as of this request: disabling or moving a user applies at once (SECURITY.md 4). */
export interface SessionUser {
  username: string;
  displayName: string;
  regionCode: string;
  active: boolean;
  mustChangePassword: boolean;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Sessions live in the database so several server processes share them (SECURITY.md 29). */
export class SessionStore {
  constructor(private readonly clock: Clock) {}

  /** A new id at every login (no fixation); returns the cookie token, which is never stored. */
  async create(db: DbOrTx, userId: string, scopeCode: string, mfaPending: boolean, ip: string | null): Promise<{ token: string; csrfToken: string }> {
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const now = this.clock.now().toISOString();
    await db
      .insertInto('sessions')
      .values({ id_hash: hashToken(token), user_id: userId, csrf_token: csrfToken, scope_code: scopeCode, mfa_pending: mfaPending ? 1 : 0, created_at: now, last_seen_at: now, ip })
      .execute();
    return { token, csrfToken };
  }

  /**
   * The live session for a cookie token with its user's current state, in one query; null when
   * unknown or timed out (then it is deleted). Read on every request, so it stays a single indexed join.
   */
  async find(db: DbOrTx, token: string): Promise<(SessionRow & { user: SessionUser }) | null> {
    const idHash = hashToken(token);
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.user_id', 'sessions.csrf_token', 'sessions.scope_code', 'sessions.mfa_pending', 'sessions.created_at', 'sessions.last_seen_at',
        'users.username', 'users.display_name', 'users.region_code', 'users.status', 'users.must_change_password',
      ])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.clock.now().getTime();
    const idle = now - Date.parse(row.last_seen_at);
    if (idle > IDLE_TIMEOUT_MS || now - Date.parse(row.created_at) > ABSOLUTE_TIMEOUT_MS) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return null;
    }
    if (idle > TOUCH_EVERY_MS) {
      await db.updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id_hash', '=', idHash).execute();
    }
    return {
      idHash, userId: row.user_id, csrfToken: row.csrf_token, scopeCode: row.scope_code, mfaPending: row.mfa_pending === 1,
      user: { username: row.username, displayName: row.display_name, regionCode: row.region_code, active: row.status === 'active', mustChangePassword: row.must_change_password === 1 },
    };
  }

  async completeMfa(db: DbOrTx, idHash: string): Promise<void> {
    await db.updateTable('sessions').set({ mfa_pending: 0 }).where('id_hash', '=', idHash).execute();
  }

  async setScope(db: DbOrTx, idHash: string, scopeCode: string): Promise<void> {
    await db.updateTable('sessions').set({ scope_code: scopeCode }).where('id_hash', '=', idHash).execute();
  }

  async revoke(db: DbOrTx, idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Disabling a user or changing their roles or region ends all their sessions (SECURITY.md 4). */
  async revokeUser(db: DbOrTx, userId: string, exceptIdHash?: string): Promise<void> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
    await query.execute();
  }
}
