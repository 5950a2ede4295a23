import type { Kysely, Transaction } from 'kysely';

/**
 * Storage conventions (docs/decisions.md): timestamps are ISO-8601 UTC text, booleans 0/1
 * integers, money integer 分, ids UUID text, region codes text.
 */
export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: string;
  /** Name as published in the national data (屈家村委会). */
  official_name: string;
  /** Name people use (屈家村). */
  name: string;
  kind: string | null;
  is_poor: number;
  population: number | null;
  households: number | null;
  /** 1 for villager groups and other places created here rather than imported. */
  is_local: number;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  region_code: string;
  password_hash: string;
  must_change_password: number;
  status: string;
  failed_logins: number;
  locked_until: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  totp_secret_enc: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  is_demo: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a database leak yields no usable session. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  scope_code: string;
  /** 1 until the second factor is given. */
  mfa_pending: number;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
}

export interface AuditTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string | null;
  actor_region: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  /** Region the object belongs to, for scoped search of the log. */
  object_region: string | null;
  result: string;
  ip: string | null;
  request_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** One row holding the chain's head, locked by each append so processes extend one chain. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface IdempotencyTable {
  key: string;
  user_id: string;
  request_hash: string;
  /** The request that claimed the key (null for keys stored before claims, migration 003). */
  request_id: string | null;
  /** The first answer; null while the claiming request runs, or after it crashed between commit and answer. */
  status_code: number | null;
  response: string | null;
  /** The object the claiming transaction audited first: what a retry re-reads when no answer was stored. */
  object_type: string | null;
  object_id: string | null;
  created_at: string;
}

/** Failures of login names that are not accounts (accounts keep theirs on the user row). */
export interface LoginFailureTable {
  username: string;
  failures: number;
  locked_until: string | null;
}

/** The foundation's tables; each module keeps its own in `<module>.tables.ts`. */
/** The row /api/ready rewrites as its write probe. */
export interface ReadinessProbeTable {
  id: number;
  probed_at: string;
}

interface CoreTables {
  regions: RegionTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  audit_head: AuditHeadTable;
  rate_limits: RateLimitTable;
  idempotency_keys: IdempotencyTable;
  login_failures: LoginFailureTable;
  readiness_probe: ReadinessProbeTable;
}

/**
 * Every table of the platform: the foundation's here, and each module's merged in from its own
 * `<module>.tables.ts` (`declare module '…/core/db/schema.ts' { interface Database extends … }`), so
 * the foundation names no module.
 */
export interface Database extends CoreTables {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DbOrTx = Db | Tx;
