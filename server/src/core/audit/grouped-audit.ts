import { quote } from '../db/bulk-upsert.ts';
import type { CommitGroup, GroupListener } from '../db/commit-group.ts';
import { AUDIT_FIELDS, entryHash, type ChainedFields } from './audit-chain.ts';

const COLUMNS = [...AUDIT_FIELDS, 'seq', 'prev_hash', 'hash'] as const;
const INSERT = `insert into "audit_log" (${COLUMNS.map(quote).join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`;
/** Takes `n` numbers at once; RETURNING gives the new last number and the hash the chain goes on from. */
const TAKE = `update "audit_head" set "seq" = "seq" + ? where "id" = 1 returning "seq", "hash"`;
const SET_HASH = `update "audit_head" set "hash" = ? where "id" = 1`;

/**
 * SQLite (decision 63): a transaction's audit entries wait with it in the commit group and are chained
 * and written just before the group's COMMIT, in the same transaction — one head update for the whole
 * group instead of one per entry. An entry of a transaction that rolled back is dropped with it; if
 * the group fails, none is written, like the business rows. The chain follows commit order.
 */
export class GroupedAudit implements GroupListener {
  private current: ChainedFields[] = [];
  private group: ChainedFields[] = [];

  constructor(
    private readonly key: Buffer,
    private readonly commitGroup: CommitGroup,
  ) {
    commitGroup.listen(this);
  }

  add(fields: ChainedFields): void {
    if (!this.commitGroup.inTransaction()) throw new Error('audit entries are appended inside a transaction');
    this.current.push(fields);
  }

  released(): void {
    this.group.push(...this.current);
    this.current = [];
  }

  rolledBack(): void {
    this.current = [];
  }

  beforeCommit(): void {
    const entries = this.group;
    this.group = [];
    if (entries.length === 0) return;
    const [head] = this.commitGroup.query<{ seq: number; hash: string }>(TAKE, [entries.length]);
    if (!head) throw new Error('audit_head is missing');
    let seq = Number(head.seq) - entries.length;
    let prev = head.hash;
    for (const fields of entries) {
      seq += 1;
      const hash = entryHash(this.key, seq, prev, fields);
      this.commitGroup.execute(INSERT, [...AUDIT_FIELDS.map((f) => fields[f]), seq, prev, hash]);
      prev = hash;
    }
    this.commitGroup.execute(SET_HASH, [prev]);
  }

  abandoned(): void {
    this.current = [];
    this.group = [];
  }
}
