import { sql } from 'kysely';
import type { Role } from '@rg/domain/access/roles';
import type { UserListQuery } from '@rg/domain/access/user.schema';
import type { DbOrTx, UserTable } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import { containsText } from '../../core/db/contains.ts';

export type UserRow = UserTable & { region_name: string };

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('regions', 'regions.code', 'users.region_code')
    .selectAll('users')
    .select('regions.name as region_name')
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserTable | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function rolesOf(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', [...userIds])
    .orderBy('role')
    .execute();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.role as Role]);
  return map;
}

/** One page of users inside `scope`, newest first. */
export async function listUsers(db: DbOrTx, scope: string, query: UserListQuery): Promise<{ rows: UserRow[]; total: number }> {
  let base = db
    .selectFrom('users')
    .innerJoin('regions', 'regions.code', 'users.region_code')
    .where((eb) => withinScope(eb, 'users.region_code', scope));
  if (query.regionCode) base = base.where((eb) => withinScope(eb, 'users.region_code', query.regionCode ?? scope));
  if (query.status) base = base.where('users.status', '=', query.status);
  if (query.role) {
    const role = query.role;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .select('user_roles.user_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where('user_roles.role', '=', role),
      ),
    );
  }
  if (query.q) {
    const q = query.q;
    base = base.where((eb) => containsText(eb, ['users.username', 'users.display_name'], q));
  }
  const rows = await base
    .selectAll('users')
    .select('regions.name as region_name')
    .orderBy('users.created_at', 'desc')
    .orderBy('users.id')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function insertUser(db: DbOrTx, user: UserTable, roles: readonly Role[]): Promise<void> {
  await db.insertInto('users').values(user).execute();
  await replaceRoles(db, user.id, roles);
}

export async function replaceRoles(db: DbOrTx, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
}

/** Updates when the version still matches; returns false when someone else saved first. */
export async function updateUserVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<UserTable>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateUser(db: DbOrTx, id: string, changes: Partial<UserTable>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Which of the login names belong to an account (exact spelling, as they are stored). */
export async function existingUsernames(db: DbOrTx, usernames: readonly string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where('username', 'in', [...usernames])
    .execute();
  return new Set(rows.map((r) => r.username));
}

/** Accounts inside `scope` still locked at `now` after failed logins. */
export async function countLockedUsers(db: DbOrTx, scope: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => withinScope(eb, 'region_code', scope))
    .where('locked_until', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
