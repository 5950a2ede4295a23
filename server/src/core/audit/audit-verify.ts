import type { Db, AuditTable } from '../db/schema.ts';
import { entryHash } from './audit-chain.ts';
import type { Anchor } from './audit-anchors.ts';

export type ChainProblem = 'altered' | 'removed' | 'inserted' | 'truncated';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problem?: { seq: number; kind: ChainProblem; message: string };
}

const BATCH = 5000;

/**
 * Walks the chain in order and names the first entry that was altered, removed or inserted
 * (SECURITY.md 19). A broken link is told apart by looking one entry ahead: if the next entry links
 * to the previous good one, the entry in between was inserted. The anchors (checked signatures, see
 * `readAnchors`) name what the database alone cannot show (SECURITY.md 31): newest entries cut off
 * with the head moved back, or a chain rewritten from an anchored entry on.
 */
export async function verifyAuditChain(db: Db, key: Buffer, anchors: readonly Anchor[] = []): Promise<VerifyResult> {
  const anchored = new Map(anchors.map((a) => [a.seq, a]));
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  let prevHash = '0'.repeat(64);
  let expected = 1;
  let checked = 0;
  let after = 0;
  let pending: AuditTable[] = [];
  const fail = (seq: number, kind: ChainProblem, message: string): VerifyResult => ({
    ok: false,
    checked,
    problem: { seq, kind, message },
  });

  for (;;) {
    if (pending.length < 2) {
      const more = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(BATCH).execute();
      if (more.length > 0) after = Number(more[more.length - 1]?.seq);
      pending = pending.concat(more.map((r) => ({ ...r, seq: Number(r.seq) })));
    }
    const row = pending.shift();
    if (!row) break;
    const next = pending[0];
    if (row.seq > Number(head.seq)) return fail(row.seq, 'inserted', `entry ${row.seq} lies beyond the chain head ${head.seq}`);
    if (row.seq !== expected) return fail(expected, 'removed', `entry ${expected} is missing`);
    const valid = entryHash(key, row.seq, row.prev_hash, row) === row.hash;
    if (row.prev_hash !== prevHash) {
      if (next && next.prev_hash === prevHash) return fail(row.seq, 'inserted', `entry ${row.seq} does not belong to the chain`);
      return fail(
        row.seq,
        valid ? 'removed' : 'altered',
        valid ? `an entry before ${row.seq} was removed` : `entry ${row.seq} was altered`,
      );
    }
    if (!valid) {
      if (next && next.prev_hash === prevHash) return fail(row.seq, 'inserted', `entry ${row.seq} does not belong to the chain`);
      return fail(row.seq, 'altered', `entry ${row.seq} was altered`);
    }
    const anchor = anchored.get(row.seq);
    if (anchor && anchor.hash !== row.hash)
      return fail(row.seq, 'altered', `entry ${row.seq} differs from the anchor written at ${anchor.at}`);
    prevHash = row.hash;
    expected += 1;
    checked += 1;
  }
  if (expected - 1 !== Number(head.seq)) return fail(expected, 'removed', `entries from ${expected} to ${head.seq} are missing`);
  if (prevHash !== head.hash && checked > 0) return fail(expected - 1, 'altered', `the chain head does not match entry ${expected - 1}`);
  const latest = anchors.reduce<Anchor | null>((max, a) => (!max || a.seq > max.seq ? a : max), null);
  if (latest && latest.seq > checked) {
    return fail(
      checked + 1,
      'truncated',
      `the log ends at entry ${checked} but the anchor written at ${latest.at} recorded entry ${latest.seq}: the newest entries were removed`,
    );
  }
  return { ok: true, checked };
}
