import { createContext } from '../core/bootstrap.ts';
import { MODULES } from '../modules/index.ts';
import { buildUser, PLACES, seedPlaces, TEST_PASSWORD } from './factories.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

/**
 * A database for a reliability scenario: migrated, the seed's places and two accounts of 屈家村 — not the
 * demo seed, whose thousands of records take a minute and more to write on a loaded PostgreSQL. The
 * servers then start without DEMO. The master key is the key file in the data folder, as in production.
 */
export const ACCOUNTS = {
  /** 村干部: adds 村民小组 (POST /api/regions/:code/groups). */
  cadre: 'fcadre',
  /** 调解员: registers disputes from the phone page (POST /api/mediation/cases). */
  mediator: 'fmediator',
} as const;

export const PASSWORD = TEST_PASSWORD;

export async function createFaultDatabase(dialect: 'sqlite' | 'postgres', parentDir?: string): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect, parentDir);
  try {
    const { ctx, connection } = await createContext(database.config, MODULES);
    try {
      await seedPlaces(ctx);
      await buildUser(ctx, { username: ACCOUNTS.cadre, regionCode: PLACES.qujia, roles: ['village_cadre'] });
      await buildUser(ctx, { username: ACCOUNTS.mediator, regionCode: PLACES.qujia, roles: ['mediator'] });
    } finally {
      await connection.close();
    }
  } catch (err) {
    await database.dispose();
    throw err;
  }
  return database;
}
