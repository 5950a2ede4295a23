import type { RequestContext } from '../access/actor.ts';
import { authorize } from '../access/authorize.ts';
import type { AppContext } from '../context.ts';
import { unsealFreeText } from '../crypto/free-text.ts';

/** The personal field to show in full, and the audit entry that records it. */
export interface RevealRequest {
  /** The audit action, e.g. `legal.reveal`. */
  action: string;
  objectType: string;
  objectId: string;
  /** The region the row belongs to: the actor needs `personal.reveal` there. */
  regionCode: string;
  /** The stored (sealed) value; null when the row has none, which is still audited and answers null. */
  sealed: string | null;
  /** What was revealed (the field's name, a case number), never the value. */
  detail?: Record<string, unknown>;
}

type RevealContext = Pick<AppContext, 'db' | 'audit' | 'cipher'>;

/**
 * One audited reveal of an encrypted personal field (SECURITY.md 13, 18): the actor needs
 * `personal.reveal` inside the row's region (403 without it, 404 outside, both audited as denials),
 * the audit entry is written before the value is decrypted, and an entry that cannot be written
 * fails the reveal.
 */
export async function revealSealed(ctx: RevealContext, rc: RequestContext, request: RevealRequest & { sealed: string }): Promise<string>;
export async function revealSealed(ctx: RevealContext, rc: RequestContext, request: RevealRequest): Promise<string | null>;
export async function revealSealed(ctx: RevealContext, rc: RequestContext, request: RevealRequest): Promise<string | null> {
  authorize(rc.actor, 'personal.reveal', { regionCode: request.regionCode });
  await ctx.audit.record(ctx.db, rc, {
    action: request.action,
    objectType: request.objectType,
    objectId: request.objectId,
    objectRegion: request.regionCode,
    ...(request.detail ? { detail: request.detail } : {}),
  });
  return request.sealed === null ? null : ctx.cipher.decrypt(request.sealed);
}

/**
 * One audited reveal of a free text with the personal numbers typed into it in full (SECURITY.md 30):
 * the same rule and audit as a sealed field; rows written before sealing hold their numbers in plain and
 * come out as they are.
 */
export async function revealFreeText(
  ctx: RevealContext,
  rc: RequestContext,
  request: Omit<RevealRequest, 'sealed'> & { text: string | null },
): Promise<string | null> {
  const { text, ...rest } = request;
  await revealSealed(ctx, rc, { ...rest, sealed: null });
  return text === null ? null : unsealFreeText(ctx.cipher, text);
}
