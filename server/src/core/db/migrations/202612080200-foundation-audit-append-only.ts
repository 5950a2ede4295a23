import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The database itself refuses to rewrite the audit log (SECURITY.md 19, 31; issue 15 finding 14):
 * UPDATE and DELETE of audit rows abort, on SQLite by triggers, on PostgreSQL by a trigger (which
 * holds for the table's owner too) and by revoking the privileges from PUBLIC and from the role that
 * runs the migration (the application's role, unless an administrator migrates). The chain head stays
 * updatable for the append path, but never moves back and is never deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    await sql`create function audit_head_forward_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_head never moves back' using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    await sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_append_only()`.execute(db);
    await sql`create trigger audit_head_forward_only before update on audit_head
      for each row when (new.seq < old.seq) execute function audit_head_forward_only()`.execute(db);
    await sql`create trigger audit_head_no_delete before delete or truncate on audit_head
      for each statement execute function audit_head_forward_only()`.execute(db);
    await sql`revoke update, delete, truncate on audit_log from public, current_user`.execute(db);
    await sql`revoke delete, truncate on audit_head from public, current_user`.execute(db);
    return;
  }
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only (UPDATE refused)'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only (DELETE refused)'); end`.execute(db);
  await sql`create trigger audit_head_forward_only before update on audit_head when new.seq < old.seq
    begin select raise(abort, 'audit_head never moves back'); end`.execute(db);
  await sql`create trigger audit_head_no_delete before delete on audit_head
    begin select raise(abort, 'audit_head never moves back'); end`.execute(db);
}
