import { maskIdCard, maskMobile, ID_CARD_PATTERN, MOBILE_PATTERN } from '@rg/domain/personal/masking';
import type { Clock } from '../clock.ts';
import type { RequestContext } from '../access/actor.ts';
import type { CommitGroup } from '../db/commit-group.ts';
import { noteAuditedObject } from '../db/idempotency-claims.ts';
import { insertRow, preparedStatement } from '../db/prepared.ts';
import type { Db, DbOrTx, Tx } from '../db/schema.ts';
import { transactionRetryingConflicts } from '../db/retry.ts';
import { entryHash, type ChainedFields } from './audit-chain.ts';
import { GroupedAudit } from './grouped-audit.ts';

/** What happened, to what, with what result (SECURITY.md 18). */
export interface AuditEvent {
  action: string;
  objectType?: string;
  objectId?: string;
  objectRegion?: string | null;
  result?: 'ok' | 'denied' | 'failed';
  /** Before/after or parameters; personal data is masked before it is stored. */
  detail?: Record<string, unknown>;
}

const ID_CARDS = new RegExp(ID_CARD_PATTERN.source, 'g');
const MOBILES = new RegExp(MOBILE_PATTERN.source, 'g');

/** Masks anything shaped like an ID number or a mobile number, wherever it sits in the detail. */
export function maskDetail(value: unknown): unknown {
  if (typeof value === 'string') {
    // `replace` with a global pattern starts at 0 whatever `lastIndex` holds, so the patterns are shared.
    return value.replace(ID_CARDS, (m) => maskIdCard(m)).replace(MOBILES, (m) => maskMobile(m));
  }
  if (Array.isArray(value)) return value.map(maskDetail);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDetail(v)]));
  }
  return value;
}

/** Moves the head from the entry we last wrote to the next one, if nobody has appended since. */
const advanceHead = preparedStatement<[seq: number, hash: string, id: number, lastSeq: number, lastHash: string]>((db, p) =>
  db
    .updateTable('audit_head')
    .set({ seq: p(0), hash: p(1) })
    .where('id', '=', p(2))
    .where('seq', '=', p(3))
    .where('hash', '=', p(4))
    .returning('seq'),
);

/** Takes the next number from the head (and its row lock on PostgreSQL). */
const bumpHead = preparedStatement<[one: number, id: number]>((db, p) =>
  db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', p(0)) }))
    .where('id', '=', p(1))
    .returning(['seq', 'hash']),
);

const setHeadHash = preparedStatement<[hash: string, id: number]>((db, p) =>
  db
    .updateTable('audit_head')
    .set({ hash: p(0) })
    .where('id', '=', p(1)),
);

export class AuditLog {
  /**
   * The entry this process appended last. The next append moves the head on from it in one
   * conditional UPDATE; when the head has moved meanwhile (another process appended, or our
   * transaction was rolled back) the update matches nothing and the append reads the head instead.
   */
  private last: { seq: number; hash: string } | null = null;
  /** On SQLite, entries are chained and written once per commit group (decision 63). */
  private readonly grouped: GroupedAudit | null;

  constructor(
    private readonly key: Buffer,
    private readonly clock: Clock,
    commitGroup: CommitGroup | null = null,
  ) {
    this.grouped = commitGroup ? new GroupedAudit(key, commitGroup) : null;
  }

  /**
   * Appends one entry inside the caller's transaction, so the business write and its entry commit
   * or fail together. Moving the head first takes its row lock on PostgreSQL, which orders
   * concurrent appends from several processes into one chain.
   */
  async append(tx: Tx, ctx: RequestContext, event: AuditEvent): Promise<void> {
    // What a retry after a crash re-reads (issue 15 finding 1): a no-op outside an idempotent request.
    noteAuditedObject(event);
    const actor = ctx.actor;
    const fields: ChainedFields = {
      at: this.clock.now().toISOString(),
      actor_id: actor?.userId ?? null,
      actor_name: actor?.username ?? null,
      actor_roles: actor ? actor.roles.join(',') : null,
      actor_region: actor?.homeRegion ?? null,
      action: event.action,
      object_type: event.objectType ?? null,
      object_id: event.objectId ?? null,
      object_region: event.objectRegion ?? null,
      result: event.result ?? 'ok',
      ip: ctx.ip,
      request_id: ctx.requestId,
      detail: event.detail ? JSON.stringify(maskDetail(event.detail)) : null,
    };
    if (this.grouped) {
      this.grouped.add(fields);
      return;
    }
    const entry = (await this.fastAppend(tx, fields)) ?? (await this.slowAppend(tx, fields));
    this.last = { seq: entry.seq, hash: entry.hash };
    await insertRow(tx, 'audit_log', { ...fields, ...entry });
  }

  private async fastAppend(tx: Tx, fields: ChainedFields): Promise<{ seq: number; prev_hash: string; hash: string } | null> {
    const last = this.last;
    if (!last) return null;
    const seq = last.seq + 1;
    const hash = entryHash(this.key, seq, last.hash, fields);
    const moved = await advanceHead(tx, [seq, hash, 1, last.seq, last.hash]);
    return moved.length === 1 ? { seq, prev_hash: last.hash, hash } : null;
  }

  private async slowAppend(tx: Tx, fields: ChainedFields): Promise<{ seq: number; prev_hash: string; hash: string }> {
    const [head] = await bumpHead<{ seq: number | string; hash: string }>(tx, [1, 1]);
    if (!head) throw new Error('audit_head is missing');
    const seq = Number(head.seq);
    const hash = entryHash(this.key, seq, head.hash, fields);
    await setHeadHash(tx, [hash, 1]);
    return { seq, prev_hash: head.hash, hash };
  }

  /** For events with no business write of their own (logins, denials, reads that reveal). */
  async record(db: DbOrTx, ctx: RequestContext, event: AuditEvent): Promise<void> {
    if (db.isTransaction) return this.append(db as Tx, ctx, event);
    await transactionRetryingConflicts(db as Db, (tx) => this.append(tx, ctx, event));
  }
}
