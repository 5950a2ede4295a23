import crypto from 'node:crypto';
import { maskIdCard, maskMobile, ID_CARD_PATTERN, MOBILE_PATTERN } from '@rg/domain/personal/masking';
import type { Clock } from '../clock.ts';
import type { RequestContext } from '../access/actor.ts';
import type { AuditTable, DbOrTx, Tx } from '../db/schema.ts';

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

type ChainedFields = Omit<AuditTable, 'seq' | 'prev_hash' | 'hash'>;
const FIELD_ORDER: (keyof ChainedFields)[] = [
  'at', 'actor_id', 'actor_name', 'actor_roles', 'actor_region', 'action', 'object_type', 'object_id',
  'object_region', 'result', 'ip', 'request_id', 'detail',
];

/** HMAC over the previous hash, the sequence number and every field: a keyed, tamper-evident chain. */
export function entryHash(key: Buffer, seq: number, prevHash: string, fields: ChainedFields): string {
  const hmac = crypto.createHmac('sha256', key).update(`${prevHash}\n${seq}`);
  for (const name of FIELD_ORDER) hmac.update(`\n${fields[name] ?? ''}`);
  return hmac.digest('hex');
}

/** Masks anything shaped like an ID number or a mobile number, wherever it sits in the detail. */
export function maskDetail(value: unknown): unknown {
  if (typeof value === 'string') {
    return value
      .replace(new RegExp(ID_CARD_PATTERN.source, 'g'), (m) => maskIdCard(m))
      .replace(new RegExp(MOBILE_PATTERN.source, 'g'), (m) => maskMobile(m));
  }
  if (Array.isArray(value)) return value.map(maskDetail);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDetail(v)]));
  }
  return value;
}

export class AuditLog {
  constructor(
    private readonly key: Buffer,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry inside the caller's transaction, so the business write and its entry commit
   * or fail together. Bumping the head row first takes its row lock on PostgreSQL, which orders
   * concurrent appends from several processes into one chain.
   */
  async append(tx: Tx, ctx: RequestContext, event: AuditEvent): Promise<void> {
    const head = await tx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
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
    const seq = Number(head.seq);
    const hash = entryHash(this.key, seq, head.hash, fields);
    await tx.insertInto('audit_log').values({ ...fields, seq, prev_hash: head.hash, hash }).execute();
    await tx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  }

  /** For events with no business write of their own (logins, denials, reads that reveal). */
  async record(db: DbOrTx, ctx: RequestContext, event: AuditEvent): Promise<void> {
    if (db.isTransaction) return this.append(db as Tx, ctx, event);
    await db.transaction().execute((tx) => this.append(tx, ctx, event));
  }
}
