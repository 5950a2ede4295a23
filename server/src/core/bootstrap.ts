import type { z } from 'zod';
import { registerMessages } from '@rg/domain/i18n/messages.zh-CN';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { connect, type Connection } from './db/connect.ts';
import type { SyncFile } from './db/sqlite-group-commit.ts';
import { migrateToLatest } from './db/migrate.ts';
import { keySource, loadOrCreateKeys, type Keys } from './crypto/keys.ts';
import { keyMatchesAuditLog } from './audit/key-check.ts';
import { personalDataCipher } from './crypto/personal-data.ts';
import { AuditLog } from './audit/audit-log.ts';
import { SessionStore } from './access/sessions.ts';
import { PermissionTable } from './access/permissions.ts';
import { RateLimiter } from './http/rate-limit.ts';
import type { AppContext } from './context.ts';
import type { ModuleManifest } from './module.ts';
import { EventBus } from './events/event-bus.ts';

/** Every event the modules publish, name → payload schema; an event declared twice is refused. */
function eventSchemas(modules: readonly ModuleManifest[]): Map<string, z.ZodType> {
  const schemas = new Map<string, z.ZodType>();
  for (const module of modules) {
    for (const [type, schema] of Object.entries(module.events ?? {})) {
      if (schemas.has(type)) throw new Error(`the event ${type} of module ${module.name} is declared twice`);
      schemas.set(type, schema);
    }
  }
  return schemas;
}

export interface Started {
  ctx: AppContext;
  connection: Connection;
}

/**
 * The master key for this data (issue 15 finding 7): created only for a brand-new data folder (no
 * migration applied yet); for existing data a missing key or another key stops the start with a
 * message naming the key, before anything is decrypted with it.
 */
async function startKeys(connection: Connection, config: Config): Promise<Keys> {
  const tables = await connection.db.introspection.getTables({ withInternalKyselyTables: true });
  const newDataFolder = !tables.some((t) => t.name === 'kysely_migration');
  const keys = loadOrCreateKeys(config.keyFile, newDataFolder);
  if (!newDataFolder && (await keyMatchesAuditLog(connection.db, keys.audit)) === 'mismatch') {
    throw new Error(
      `${keySource(config.keyFile)} does not match this data: its audit log was written with another master key. Start with the key the data was written with (MASTER_KEY or ${config.keyFile}).`,
    );
  }
  return keys;
}

/** Connects, checks durability, migrates and assembles the shared services. */
export async function createContext(
  config: Config,
  modules: readonly ModuleManifest[],
  options: { clock?: Clock; keys?: Keys; syncFile?: SyncFile } = {},
): Promise<Started> {
  for (const module of modules) if (module.messages) registerMessages(module.messages);
  const connection = await connect(config, { holdDataDir: true, syncFile: options.syncFile });
  let keys: Keys;
  try {
    keys = options.keys ?? (await startKeys(connection, config));
  } catch (err) {
    await connection.close();
    throw err;
  }
  await connection.untimed((db) => migrateToLatest(db, modules));
  const clock = options.clock ?? systemClock;
  const ctx: AppContext = {
    db: connection.db,
    dialect: connection.dialect,
    reads: connection.reads,
    bulk: connection.bulk,
    counters: connection.counters,
    config,
    clock,
    keys,
    cipher: personalDataCipher(keys),
    audit: new AuditLog(keys.audit, clock, connection.group),
    sessions: new SessionStore(clock, connection.reads),
    permissions: new PermissionTable(modules.map((m) => m.rolePermissions ?? {})),
    rateLimiter: new RateLimiter(connection.db, clock),
    events: new EventBus(eventSchemas(modules)),
    modules,
    group: connection.group,
  };
  for (const module of modules) module.subscribe?.(ctx);
  return { ctx, connection };
}
