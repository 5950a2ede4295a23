import { configDefaults, defineConfig } from 'vitest/config';

/** The database the server project runs on; a test file named `*.sqlite.test.ts` or `*.postgres.test.ts` runs on that one only. */
const dialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/**
 * Unit tests of domain/ and medium tests of server/ against a real database. The server project runs
 * on SQLite by default and on PostgreSQL with TEST_DB=postgres (scripts/test.mjs runs both); a file for
 * one database is left out of the other's run rather than reported as skipped. The
 * faults project is the reliability suite (`npm run test:faults`): real server processes killed,
 * starved of disk or cut off from their database, each file on both databases, one file at a time
 * (they load the machine on purpose).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['domain/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, `server/src/**/*.${dialect === 'postgres' ? 'sqlite' : 'postgres'}.test.ts`],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'faults',
          include: ['server/src/**/*.faults.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
