import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './schema.ts';
import * as m001 from './migrations/001-foundation.ts';
import * as m002 from './migrations/002-login-failures.ts';
import * as m003 from './migrations/003-legal.ts';
import * as m004 from './migrations/004-legal-ledger.ts';
import * as m005 from './migrations/005-legal-counts-month.ts';
import * as m006 from './migrations/006-legal-pilot-villages.ts';
import * as m007 from './migrations/007-legal-village-months.ts';
import * as m008 from './migrations/008-legal-compliance-reads.ts';
import { mediationMigrations } from '../../modules/mediation/mediation.migrations.ts';
import { programsMigrations } from '../../modules/programs/programs.migrations.ts';
import { indicatorsMigrations } from '../../modules/indicators/indicators.migrations.ts';

/**
 * The foundation's migrations and each module's own list; Kysely applies them in name order, and
 * each module owns a number range. The same list runs on SQLite and PostgreSQL.
 */
const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': m001,
  '002-login-failures': m002,
  '003-legal': m003,
  '004-legal-ledger': m004,
  '005-legal-counts-month': m005,
  '006-legal-pilot-villages': m006,
  '007-legal-village-months': m007,
  '008-legal-compliance-reads': m008,
  ...mediationMigrations,
  ...programsMigrations,
  ...indicatorsMigrations,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Modules own number ranges, so a module's new migration may sort before another's applied one.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
