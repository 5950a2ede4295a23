import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Keys } from './crypto/keys.ts';
import type { PersonalDataCipher } from './crypto/personal-data.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { SessionStore } from './access/sessions.ts';
import type { PermissionTable } from './access/permissions.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { Db } from './db/schema.ts';
import type { Dialect, HotReads } from './db/connect.ts';
import type { BulkWriter } from './db/bulk-upsert.ts';
import type { Counters } from './db/counters.ts';
import type { CommitGroup } from './db/commit-group.ts';
import type { ModuleManifest } from './module.ts';
import type { EventBus } from './events/event-bus.ts';

/** The shared services every module receives: built once at start, no request state inside. */
export interface AppContext {
  db: Db;
  dialect: Dialect;
  /** Committed-data reads for hot paths; everything else uses `db`. */
  reads: HotReads;
  /** Bulk upserts for imports. */
  bulk: BulkWriter;
  /** Additive counter tables (ledger counts, statistics, roll-ups), merged across a commit group on SQLite. */
  counters: Counters;
  config: Config;
  clock: Clock;
  keys: Keys;
  cipher: PersonalDataCipher;
  audit: AuditLog;
  sessions: SessionStore;
  permissions: PermissionTable;
  rateLimiter: RateLimiter;
  /** Domain events between modules, handled in the publisher's transaction. */
  events: EventBus;
  /** Every module's manifest, for the menu and the todo list. */
  modules: readonly ModuleManifest[];
  /** SQLite's group commit, whose liveness /api/ready reports; null on PostgreSQL. */
  group: CommitGroup | null;
}
