import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { connect, type Connection } from './connect.ts';
import { transactionRetryingConflicts } from './retry.ts';

/** Issue 15 (PostgreSQL faults): a deadlock victim runs again instead of answering an error. */
describe('transactions retried on a deadlock or serialization failure', () => {
  let database: TestDatabase;
  let connection: Connection;
  beforeAll(async () => {
    database = await createTestDatabase();
    connection = await connect(database.config);
    await sql`create table retry_rows (id integer primary key, n integer not null)`.execute(connection.db);
    await sql`insert into retry_rows values (1, 0), (2, 0)`.execute(connection.db);
  });
  afterAll(async () => {
    await connection.close();
    await database.dispose();
  });

  /** Locks `first`, waits until the other transaction holds its first row too, then locks `second`. */
  const crossing = (first: number, second: number, bothHoldOne: Promise<void>, holding: () => void) =>
    transactionRetryingConflicts(connection.db, async (tx) => {
      await sql`update retry_rows set n = n + 1 where id = ${first}`.execute(tx);
      holding();
      await bothHoldOne;
      await sql`update retry_rows set n = n + 1 where id = ${second}`.execute(tx);
      return first;
    });

  it('two transactions that deadlock both commit: the one PostgreSQL aborts runs again', async () => {
    let held = 0;
    let release: () => void = () => undefined;
    const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
    const holding = () => {
      held += 1;
      if (held === 2) release();
    };
    const results = await Promise.all([crossing(1, 2, bothHoldOne, holding), crossing(2, 1, bothHoldOne, holding)]);
    expect(results).toEqual([1, 2]);
    const { rows } = await sql<{ id: number; n: number }>`select id, n from retry_rows order by id`.execute(connection.db);
    // Each transaction added one to both rows exactly once: the aborted attempt left nothing.
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
    expect(held).toBeGreaterThanOrEqual(3); // at least one run was aborted and ran again
  });

  it('gives up after three runs, and never retries other errors', async () => {
    let runs = 0;
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    await expect(
      transactionRetryingConflicts(connection.db, async () => {
        runs += 1;
        throw deadlock;
      }),
    ).rejects.toBe(deadlock);
    expect(runs).toBe(3);
    runs = 0;
    await expect(
      transactionRetryingConflicts(connection.db, async () => {
        runs += 1;
        throw Object.assign(new Error('duplicate'), { code: '23505' });
      }),
    ).rejects.toThrow('duplicate');
    expect(runs).toBe(1);
  });
});
