import { sql } from 'kysely';
import type { Db } from '../core/db/schema.ts';
import type { Dialect } from '../core/db/connect.ts';

/**
 * What an attacker with the database owner's rights (or the SQLite file) does first: drop the
 * triggers that keep the audit log append-only and take back the revoked privileges. Tests that
 * tamper with the chain call it, so they show what the verify command finds after such an attack.
 */
export async function dropAuditGuards(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    for (const trigger of ['audit_log_no_update', 'audit_log_no_delete', 'audit_head_forward_only', 'audit_head_no_delete']) {
      await sql`drop trigger if exists ${sql.ref(trigger)}`.execute(db);
    }
    return;
  }
  await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db);
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop trigger if exists audit_head_forward_only on audit_head`.execute(db);
  await sql`drop trigger if exists audit_head_no_delete on audit_head`.execute(db);
  await sql`grant update, delete, truncate on audit_log, audit_head to current_user`.execute(db);
}
