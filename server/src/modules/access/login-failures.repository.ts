import type { DbOrTx, LoginFailureTable } from '../../core/db/schema.ts';

/** Failed logins of a name that is no account (SECURITY.md 3: the same answer as for a real one). */
export async function findLoginFailures(db: DbOrTx, username: string): Promise<LoginFailureTable | undefined> {
  return db.selectFrom('login_failures').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function putLoginFailures(db: DbOrTx, row: LoginFailureTable): Promise<void> {
  const { username: _username, ...values } = row;
  await db
    .insertInto('login_failures')
    .values(row)
    .onConflict((oc) => oc.column('username').doUpdateSet(values))
    .execute();
}
