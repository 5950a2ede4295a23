import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { App } from '../module.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Create endpoints used from phones honour an `Idempotency-Key` header (SECURITY.md 26). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { key: string; hash: string } | null;
  }
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/** Keys are kept a day: long enough for a phone on a flaky network to retry. */
const KEEP_MS = 24 * 60 * 60 * 1000;

function bodyHash(request: FastifyRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * A retry with the same key returns the first response without running the handler again; the same
 * key with another body answers 422. Keys belong to the user who sent them.
 */
export function installIdempotency(app: App, ctx: AppContext): void {
  app.decorateRequest('idempotency', null);
  const replay = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !request.actor) return;
    if (!KEY_PATTERN.test(key)) throw new AppError('validation', 'error.validation', { 'Idempotency-Key': 'zod.invalid' });
    const hash = bodyHash(request);
    const since = new Date(ctx.clock.now().getTime() - KEEP_MS).toISOString();
    const stored = await ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', request.actor.userId)
      .where('key', '=', key)
      .where('created_at', '>=', since)
      .executeTakeFirst();
    if (stored && stored.request_hash !== hash) throw new AppError('idempotency_mismatch', 'error.idempotencyMismatch');
    if (stored) return reply.status(stored.status_code).header('idempotent-replay', 'true').type('application/json').send(stored.response);
    request.idempotency = { key, hash };
  };
  const remember = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = request.idempotency;
    if (!pending || !request.actor || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    await ctx.db
      .insertInto('idempotency_keys')
      .values({
        key: pending.key,
        user_id: request.actor.userId,
        request_hash: pending.hash,
        status_code: reply.statusCode,
        response: payload,
        created_at: ctx.clock.now().toISOString(),
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'key']).doUpdateSet({
          request_hash: pending.hash,
          status_code: reply.statusCode,
          response: payload,
          created_at: ctx.clock.now().toISOString(),
        }),
      )
      .execute();
    return payload;
  };
  // Only the routes that declare `idempotent` pay for the two hooks.
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    route.preHandler = [...toArray(route.preHandler), replay];
    route.onSend = [...toArray(route.onSend), remember];
  });
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
