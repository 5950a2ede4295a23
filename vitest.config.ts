import { defineConfig } from 'vitest/config';

/**
 * Unit tests of domain/ and medium tests of server/ against a real database. The server project runs
 * on SQLite by default and on PostgreSQL with TEST_DB=postgres (scripts/test.mjs runs both).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['domain/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
