import crypto from 'node:crypto';
import { sql } from 'kysely';
import { MINUTE, HOUR, type Clock } from '../clock.ts';
import type { DbOrTx, SessionTable, UserTable } from '../db/schema.ts';
import type { HotReads } from '../db/connect.ts';

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
  /** Role names as stored; the caller keeps the ones it knows. */
  roles: string[];
}

type SessionQueryRow = Pick<SessionTable, 'user_id' | 'csrf_token' | 'scope_code' | 'mfa_pending' | 'created_at' | 'last_seen_at'> &
  Pick<UserTable, 'username' | 'display_name' | 'region_code' | 'status' | 'must_change_password'> & { role: string | null };

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Sessions live in the database so several server processes share them (SECURITY.md 29). */
export class SessionStore {
  constructor(
    private readonly clock: Clock,
    private readonly reads: HotReads,
  ) {}

  /** A new id at every login (no fixation); returns the cookie token, which is never stored. */
  async create(
    db: DbOrTx,
    userId: string,
    scopeCode: string,
    mfaPending: boolean,
    ip: string | null,
  ): Promise<{ token: string; csrfToken: string }> {
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const now = this.clock.now().toISOString();
    await db
      .insertInto('sessions')
      .values({
        id_hash: hashToken(token),
        user_id: userId,
        csrf_token: csrfToken,
        scope_code: scopeCode,
        mfa_pending: mfaPending ? 1 : 0,
        created_at: now,
        last_seen_at: now,
        ip,
      })
      .execute();
    return { token, csrfToken };
  }

  /**
   * The live session for a cookie token with its user's current state, in one query; null when
   * unknown or timed out (then it is deleted). Read on every request, so it stays a single indexed join.
   */
  async find(db: DbOrTx, token: string): Promise<(SessionRow & { user: SessionUser }) | null> {
    const idHash = hashToken(token);
    // One row per role (or one with a null role): session, user and roles in a single indexed query,
    // written as SQL text because the builder's compilation costs more than the query on this path.
    const rows = await this.reads.rows(
      sql<SessionQueryRow>`
      select s.user_id, s.csrf_token, s.scope_code, s.mfa_pending, s.created_at, s.last_seen_at,
             u.username, u.display_name, u.region_code, u.status, u.must_change_password, r.role
      from sessions s
      join users u on u.id = s.user_id
      left join user_roles r on r.user_id = s.user_id
      where s.id_hash = ${idHash}`.compile(db),
    );
    const row = rows[0];
    if (!row) return null;
    const now = this.clock.now().getTime();
    const idle = now - Date.parse(row.last_seen_at);
    if (idle > IDLE_TIMEOUT_MS || now - Date.parse(row.created_at) > ABSOLUTE_TIMEOUT_MS) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return null;
    }
    if (idle > TOUCH_EVERY_MS) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now).toISOString() })
        .where('id_hash', '=', idHash)
        .execute();
    }
    return {
      idHash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      scopeCode: row.scope_code,
      mfaPending: Number(row.mfa_pending) === 1,
      user: {
        username: row.username,
        displayName: row.display_name,
        regionCode: row.region_code,
        active: row.status === 'active',
        mustChangePassword: Number(row.must_change_password) === 1,
        roles: rows.map((r) => r.role).filter((r): r is string => r !== null),
      },
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
