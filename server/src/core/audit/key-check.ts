import type { Db } from '../db/schema.ts';
import { entryHash } from './audit-chain.ts';

/**
 * Was this audit log written with this key? Every write leaves an entry, so a database with data has
 * entries; if neither the first nor the newest verifies, the key is another one (issue 15 finding 7:
 * a wrong key is named as such, not as "entry 1 was altered"). One of the two verifying means the key
 * is right and anything else is for the chain's verification to name.
 */
export async function keyMatchesAuditLog(db: Db, auditKey: Buffer): Promise<'match' | 'mismatch' | 'empty'> {
  const first = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(1).executeTakeFirst();
  if (!first) return 'empty';
  const last = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  const signed = (row: typeof first) => entryHash(auditKey, Number(row.seq), row.prev_hash, row) === row.hash;
  return signed(first) || signed(last) ? 'match' : 'mismatch';
}
