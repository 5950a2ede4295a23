import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { isConnectionLost } from './faults.ts';

export type PostgresTimeouts = Pick<
  Config,
  'dbStatementTimeoutMs' | 'dbLockTimeoutMs' | 'dbIdleInTransactionTimeoutMs' | 'dbAcquireTimeoutMs' | 'dbQueryTimeoutMs'
>;

/**
 * The pg pool with the timeouts of issue 15 finding 4, so a stalled database answers 503 within
 * seconds instead of holding requests: the server's own `statement_timeout`, `lock_timeout` and
 * `idle_in_transaction_session_timeout` for every session (startup options, no extra round trip per
 * request), an acquire timeout for a full pool or a server that accepts no connection, and a
 * client-side read timeout for a server that does not answer at all (a silent TCP peer), a little
 * longer than the statement timeout so that the server's own cancel normally arrives first.
 */
export function createPgPool(url: string, timeouts: PostgresTimeouts): pg.Pool {
  const options = [
    `-c statement_timeout=${timeouts.dbStatementTimeoutMs}`,
    `-c lock_timeout=${timeouts.dbLockTimeoutMs}`,
    `-c idle_in_transaction_session_timeout=${timeouts.dbIdleInTransactionTimeoutMs}`,
  ].join(' ');
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.PG_POOL_SIZE ?? 10),
    options,
    connectionTimeoutMillis: timeouts.dbAcquireTimeoutMs,
    query_timeout: timeouts.dbQueryTimeoutMs,
    keepAlive: true,
  });
  // An idle client whose server connection ends (a PostgreSQL restart, an administrator's terminate,
  // a dropped test database) emits 'error' to the pool, which drops it and opens a new one for the next query.
  pool.on('error', (err) => console.error(`postgres: idle connection closed (${(err as { code?: string }).code ?? err.message})`));
  // A client in use has no such listener: its 'error' (the server ended the session mid-query) was
  // unhandled and ended the process (finding 2). The query in flight fails on its own, and
  // `guardedPool` below keeps the client out of the pool, so the event needs no more than a listener.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * The pool as Kysely sees it. A client whose query failed because the session ended or the server did
 * not answer goes back to the pool as broken, so pg destroys it: after `pg_terminate_backend` pg still
 * counts it queryable for a moment, and after a read timeout its query may still be running, so the
 * next request would otherwise get the dead or busy connection. Once broken, its remaining queries (the
 * transaction's ROLLBACK) fail at once instead of queueing behind the stalled one.
 */
export function guardedPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => new GuardedClient(await pool.connect()),
    end: () => pool.end(),
  };
}

class GuardedClient implements PostgresPoolClient {
  private broken: Error | null = null;

  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') throw new Error('cursors are not configured for this pool');
    if (this.broken) return Promise.reject(this.broken);
    // Kysely hands over a fresh array per query and pg only reads it: no copy on the hot path.
    return this.client.query(sqlOrCursor, parameters as unknown[]).then(
      (result) => result as unknown as PostgresQueryResult<R>,
      (err: unknown) => {
        if (isConnectionLost(err)) this.broken = err instanceof Error ? err : new Error('postgres connection lost');
        throw err;
      },
    );
  }

  release(): void {
    this.client.release(this.broken ?? undefined);
  }
}
