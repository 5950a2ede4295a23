import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryCompiler, type TransactionSettings } from 'kysely';
import type { DbOrTx } from './schema.ts';

/*
 * Idempotency keys claimed inside the business transaction (issue 15 finding 1, SECURITY.md 26 and 33).
 *
 * An idempotent route's handler runs inside `claims.run(claim, …)` (core/http/idempotency.ts). The
 * first transaction that the handler opens in that scope inserts the claim row — the user's key and
 * the request's hash — on its own connection right after BEGIN, before any business write, so the
 * key and the record it guards commit or roll back together. A concurrent copy of the request finds
 * the key taken: on PostgreSQL its insert waits on the primary key until the first commits (or rolls
 * back, and then it claims the key itself); on SQLite (group commit, one connection) it sees the
 * first's row in the open group. It then throws `ClaimTaken`, which the route wrapper turns into the
 * first request's answer. Requests without a key run no claim and pay nothing but one
 * AsyncLocalStorage lookup per transaction.
 */

/** A key, what it guards and where its claim stands, for one request. */
export interface Claim {
  userId: string;
  key: string;
  /** sha256 of the method, URL and body: the same key with another body is refused. */
  hash: string;
  requestId: string;
  /** When this request claims (ISO); a claim older than `expiredBefore` may be taken over. */
  at: string;
  expiredBefore: string;
  /**
   * pending: no transaction of ours holds it yet; claimed: inserted in an open transaction;
   * committed: that transaction committed (on SQLite, its savepoint joined the commit group).
   */
  state: 'pending' | 'claimed' | 'committed';
  connection: DatabaseConnection | null;
  /** The first object the claiming transaction audited: what a retry after a crash re-reads. */
  object: { type: string; id: string } | null;
}

/** The stored row of a key, as a retry reads it. */
export interface StoredClaim {
  request_hash: string;
  request_id: string | null;
  status_code: number | null;
  response: string | null;
  object_type: string | null;
  object_id: string | null;
}

/** Another request holds this key: its transaction committed first (or is in the same SQLite group). */
export class ClaimTaken extends Error {
  constructor(readonly stored: StoredClaim) {
    super('idempotency key already claimed');
  }
}

export const claims = new AsyncLocalStorage<Claim>();

/**
 * Called by the audit log for each entry: the first object audited in the claiming transaction is
 * remembered on the claim row at commit (decision 81: every write leaves an entry naming its object).
 */
export function noteAuditedObject(event: { objectType?: string; objectId?: string; result?: string }): void {
  const claim = claims.getStore();
  // A denial names what was refused, not what was written.
  if (claim?.state !== 'claimed' || claim.object || (event.result ?? 'ok') !== 'ok') return;
  if (event.objectType && event.objectId) claim.object = { type: event.objectType, id: event.objectId };
}

type Flavour = 'sqlite' | 'postgres';

/** Hand-written: the driver runs them on the transaction's own connection, below the query builder. */
function statements(flavour: Flavour) {
  const n = (i: number) => (flavour === 'postgres' ? `$${i}` : '?');
  return {
    claim: (c: Claim) =>
      CompiledQuery.raw(
        `insert into "idempotency_keys" ("user_id", "key", "request_hash", "request_id", "created_at") values (${n(1)}, ${n(2)}, ${n(3)}, ${n(4)}, ${n(5)}) ` +
          `on conflict ("user_id", "key") do update set "request_hash" = excluded."request_hash", "request_id" = excluded."request_id", ` +
          `"created_at" = excluded."created_at", "status_code" = null, "response" = null, "object_type" = null, "object_id" = null ` +
          `where "idempotency_keys"."created_at" < ${n(6)} returning "key"`,
        [c.userId, c.key, c.hash, c.requestId, c.at, c.expiredBefore],
      ),
    read: (c: Claim) =>
      CompiledQuery.raw(
        `select "request_hash", "request_id", "status_code", "response", "object_type", "object_id" from "idempotency_keys" where "user_id" = ${n(1)} and "key" = ${n(2)}`,
        [c.userId, c.key],
      ),
    object: (c: Claim, object: { type: string; id: string }) =>
      CompiledQuery.raw(
        `update "idempotency_keys" set "object_type" = ${n(1)}, "object_id" = ${n(2)} where "user_id" = ${n(3)} and "key" = ${n(4)}`,
        [object.type, object.id, c.userId, c.key],
      ),
  };
}

class ClaimingDriver implements Driver {
  private readonly sql: ReturnType<typeof statements>;

  constructor(
    private readonly inner: Driver,
    flavour: Flavour,
  ) {
    this.sql = statements(flavour);
    // Savepoints are optional on a driver; pass on only those the inner driver has.
    if (inner.savepoint) this.savepoint = inner.savepoint.bind(inner);
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = inner.rollbackToSavepoint.bind(inner);
    if (inner.releaseSavepoint) this.releaseSavepoint = inner.releaseSavepoint.bind(inner);
  }

  savepoint?: Driver['savepoint'];
  rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  releaseSavepoint?: Driver['releaseSavepoint'];

  init(): Promise<void> {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return this.inner.acquireConnection();
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(connection, settings);
    const claim = claims.getStore();
    if (claim?.state !== 'pending') return;
    let stored: StoredClaim | undefined;
    try {
      const inserted = await connection.executeQuery(this.sql.claim(claim));
      if (inserted.rows.length === 1) {
        claim.state = 'claimed';
        claim.connection = connection;
        return;
      }
      stored = (await connection.executeQuery<StoredClaim>(this.sql.read(claim))).rows[0];
    } catch (err) {
      await this.inner.rollbackTransaction(connection);
      throw err;
    }
    // Kysely rolls back only a transaction whose BEGIN succeeded: this one is ours to end.
    await this.inner.rollbackTransaction(connection);
    if (!stored) throw new Error('idempotency key neither claimed nor found');
    throw new ClaimTaken(stored);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const claim = claims.getStore();
    if (claim?.state !== 'claimed' || claim.connection !== connection) return this.inner.commitTransaction(connection);
    if (claim.object) await connection.executeQuery(this.sql.object(claim, claim.object));
    await this.inner.commitTransaction(connection);
    claim.state = 'committed';
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const claim = claims.getStore();
    if (claim?.state === 'claimed' && claim.connection === connection) {
      // The claim went with the transaction: a later transaction of the same request claims again.
      claim.state = 'pending';
      claim.connection = null;
      claim.object = null;
    }
    return this.inner.rollbackTransaction(connection);
  }
}

/** The dialect whose transactions claim the scope's idempotency key first (see above). */
export function withIdempotencyClaims(dialect: Dialect, flavour: Flavour): Dialect {
  return {
    createDriver: () => new ClaimingDriver(dialect.createDriver(), flavour),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: (): QueryCompiler => dialect.createQueryCompiler(),
  };
}

/** The stored row of a key that has not expired, or undefined. */
export async function findClaim(db: DbOrTx, userId: string, key: string, notBefore: string): Promise<StoredClaim | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'request_id', 'status_code', 'response', 'object_type', 'object_id'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('created_at', '>=', notBefore)
    .executeTakeFirst();
}

/** The first answer, written once the claiming transaction committed (the row is this request's). */
export async function storeAnswer(db: DbOrTx, claim: Claim, status: number, response: string): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: status, response })
    .where('user_id', '=', claim.userId)
    .where('key', '=', claim.key)
    .where('request_id', '=', claim.requestId)
    .execute();
}

/**
 * For a route whose handler opened no transaction of ours (nothing to claim in): the key and its
 * answer in one statement after the fact, as before this mechanism.
 */
export async function storeUnclaimedAnswer(db: DbOrTx, claim: Claim, status: number, response: string): Promise<void> {
  const row = { request_hash: claim.hash, request_id: claim.requestId, status_code: status, response, created_at: claim.at };
  await db
    .insertInto('idempotency_keys')
    .values({ ...row, user_id: claim.userId, key: claim.key, object_type: null, object_id: null })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet(row))
    .execute();
}

/** A claim whose transaction committed but whose request then failed: the key is freed for a retry. */
export async function releaseClaim(db: DbOrTx, claim: Claim): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', claim.userId)
    .where('key', '=', claim.key)
    .where('request_id', '=', claim.requestId)
    .execute();
}
