import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTx, LoginFailureTable } from '../../core/db/schema.ts';

/**
 * Failed logins, counted in one statement each (issue 15 finding 3, SECURITY.md 3): the row is read and
 * written by the database itself, so concurrent wrong passwords, from one process or several, each add
 * one, and the one that reaches `max` locks. A read-then-write let twelve at once end at a count of 1.
 * While a lock holds nothing changes; the count restarts from 0 after a lock (it is reset when locking).
 */
export interface FailureCount {
  /** The failure limit that locks. */
  max: number;
  /** `now`, ISO: a `locked_until` later than it is a lock in force. */
  now: string;
  /** When a lock set by this failure ends, ISO. */
  lockUntil: string;
}

function counted(failures: string, lockedUntil: string, { max, now, lockUntil }: FailureCount) {
  const lockHolds = sql<SqlBool>`${sql.ref(lockedUntil)} > ${now}`;
  const reachesMax = sql<SqlBool>`${sql.ref(failures)} + 1 >= ${max}`;
  return {
    count: sql<number>`case when ${lockHolds} then ${sql.ref(failures)} when ${reachesMax} then 0 else ${sql.ref(failures)} + 1 end`,
    lock: sql<
      string | null
    >`case when ${lockHolds} then ${sql.ref(lockedUntil)} when ${reachesMax} then ${lockUntil} else ${sql.ref(lockedUntil)} end`,
  };
}

/** Adds a failure to an account; its `locked_until` after the statement. */
export async function countAccountFailure(db: DbOrTx, userId: string, count: FailureCount): Promise<string | null> {
  const { count: failures, lock } = counted('users.failed_logins', 'users.locked_until', count);
  const row = await db
    .updateTable('users')
    .set({ failed_logins: failures, locked_until: lock })
    .where('id', '=', userId)
    .returning('locked_until')
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/**
 * A successful login clears the count, unless a lock was set meanwhile (by failures racing this
 * login): false then, and the login is refused as locked.
 */
export async function clearAccountFailures(db: DbOrTx, userId: string, now: string): Promise<boolean> {
  const unlocked: Expression<SqlBool> = sql<SqlBool>`(locked_until is null or locked_until <= ${now})`;
  const result = await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .where(unlocked)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Failed logins of a name that is no account (SECURITY.md 3: the same answer as for a real one). */
export async function findLoginFailures(db: DbOrTx, username: string): Promise<LoginFailureTable | undefined> {
  return db.selectFrom('login_failures').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Adds a failure to a name that is no account, inserting its row on the first. */
export async function countNameFailure(db: DbOrTx, username: string, count: FailureCount): Promise<void> {
  const { count: failures, lock } = counted('login_failures.failures', 'login_failures.locked_until', count);
  await db
    .insertInto('login_failures')
    .values({ username, failures: 1, locked_until: null })
    .onConflict((oc) => oc.column('username').doUpdateSet({ failures, locked_until: lock }))
    .execute();
}
