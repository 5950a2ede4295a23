import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { ModuleManifest } from '../module.ts';
import type { Db } from './schema.ts';
import * as m001 from './migrations/001-foundation.ts';
import * as m002 from './migrations/002-login-failures.ts';
import * as m202612080150 from './migrations/202612080150-foundation-idempotency-claims.ts';
import * as m202612080200 from './migrations/202612080200-foundation-audit-append-only.ts';
import * as m202612080210 from './migrations/202612080210-foundation-readiness-probe.ts';

/** The foundation's own migrations; every module brings its own in its manifest (`migrations`). */
const FOUNDATION: Record<string, Migration> = {
  '001-foundation': m001,
  '002-login-failures': m002,
  '202612080150-foundation-idempotency-claims': m202612080150,
  '202612080200-foundation-audit-append-only': m202612080200,
  '202612080210-foundation-readiness-probe': m202612080210,
};

/** Every migration of the foundation and the modules, by name; a name used twice is refused at start. */
export function allMigrations(modules: readonly ModuleManifest[]): Record<string, Migration> {
  const all: Record<string, Migration> = { ...FOUNDATION };
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (all[name]) throw new Error(`migration ${name} of module ${module.name} is named like another`);
      all[name] = migration;
    }
  }
  return all;
}

/**
 * Applies what is missing, in name order; the same list runs on SQLite and PostgreSQL. A module's
 * new migration may sort before another module's applied one (each module adds its own over time),
 * hence unordered migrations are allowed.
 */
export async function migrateToLatest(db: Db, modules: readonly ModuleManifest[]): Promise<string[]> {
  const migrations = allMigrations(modules);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
