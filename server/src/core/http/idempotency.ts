import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import {
  claims,
  ClaimTaken,
  findClaim,
  releaseClaim,
  storeAnswer,
  storeUnclaimedAnswer,
  type Claim,
  type StoredClaim,
} from '../db/idempotency-claims.ts';
import type { App } from '../module.ts';
import { AppError } from './errors.ts';
import { hooksOf } from './route-hooks.ts';

/** How an idempotent route answers a retry whose first request committed but stored no answer (a crash). */
export interface IdempotentReplay {
  /** The route's answer for the object the first request created, read now through the module's own presenter. */
  replay(request: FastifyRequest, objectId: string): Promise<unknown>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Create endpoints used from phones honour an `Idempotency-Key` header (SECURITY.md 26, 33; issue
     * 15 finding 1). `true`, or how to re-read the answer after a crash (see `IdempotentReplay`).
     */
    idempotent?: true | IdempotentReplay;
  }
  interface FastifyRequest {
    idempotency: IdempotentRequest | null;
  }
}

/** A keyed request on an idempotent route. */
interface IdempotentRequest {
  claim: Claim;
  /** The answer sent is the first request's, not this one's. */
  replayed: boolean;
  /** Set when that answer was rebuilt from the first's object: it is stored then for later retries. */
  rebuiltFor: string | null;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/** Keys are kept a day: long enough for a phone on a flaky network to retry. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/**
 * How long a copy waits for the first request's stored answer once the first's transaction has
 * committed, when the first runs in another process (PostgreSQL). The answer is stored a few
 * milliseconds after that commit; if it has not come by then, the first request died in between, and
 * the copy rebuilds the answer from the object it created. A first request of this process is
 * waited for while it runs (up to LOCAL_WAIT_MS); one that is not running here on SQLite, whose data
 * folder one process holds, died: its answer is rebuilt at once.
 */
const WAIT_MS = 3000;
const LOCAL_WAIT_MS = 10_000;

function bodyHash(request: FastifyRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/** The status the route answers on success: its first declared 2xx response. */
function successStatus(request: FastifyRequest): number {
  const declared = Object.keys((request.routeOptions.schema?.response as Record<string, unknown> | undefined) ?? {});
  return Number(declared.find((code) => code.startsWith('2')) ?? 200);
}

/**
 * A retry with the same key returns the first response without running the handler again; a copy
 * sent while the first still runs waits for it; the same key with another body answers 422. Keys
 * belong to the user who sent them. The key is claimed in the business transaction itself (see
 * core/db/idempotency-claims.ts); routes without `idempotent`, and requests without a key, pay nothing.
 */
export function installIdempotency(app: App, ctx: AppContext): void {
  app.decorateRequest('idempotency', null);
  /** Ids of this process's keyed requests that have not answered yet. */
  const running = new Set<string>();

  const replayStored = (request: FastifyRequest, reply: FastifyReply, status: number, response: string) => {
    if (request.idempotency) request.idempotency.replayed = true;
    return reply.status(status).header('idempotent-replay', 'true').type('application/json').send(response);
  };

  /** The first request holds the key: wait for its answer, or rebuild it if the first died. */
  const answerTaken = async (request: FastifyRequest, reply: FastifyReply, pending: IdempotentRequest, first: StoredClaim) => {
    const { claim } = pending;
    let stored: StoredClaim | undefined = first;
    const limit = (row: StoredClaim) =>
      row.request_id !== null && running.has(row.request_id) ? LOCAL_WAIT_MS : ctx.dialect === 'postgres' ? WAIT_MS : 0;
    for (let waited = 0, delay = 20; stored && stored.response === null && waited < limit(stored); delay = Math.min(delay * 2, 400)) {
      await sleep(delay);
      waited += delay;
      stored = await findClaim(ctx.db, claim.userId, claim.key, claim.expiredBefore);
    }
    // The first failed and freed the key meanwhile: it created nothing, so the caller may run again.
    if (!stored) return null;
    if (stored.request_hash !== claim.hash) throw new AppError('idempotency_mismatch', 'error.idempotencyMismatch');
    if (stored.response !== null && stored.status_code !== null) return replayStored(request, reply, stored.status_code, stored.response);
    // Committed, but the answer was never stored: rebuild it from the object the first request created.
    const config = request.routeOptions.config.idempotent;
    if (typeof config !== 'object' || !stored.object_id || !stored.request_id) {
      throw new AppError('conflict', 'error.idempotencyUnanswered');
    }
    const body = await config.replay(request, stored.object_id);
    pending.replayed = true;
    pending.rebuiltFor = stored.request_id;
    return reply.status(successStatus(request)).header('idempotent-replay', 'true').send(body);
  };

  const prepare = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !request.actor) return;
    if (!KEY_PATTERN.test(key)) throw new AppError('validation', 'error.validation', { 'Idempotency-Key': 'zod.invalid' });
    const hash = bodyHash(request);
    const now = ctx.clock.now();
    const expiredBefore = new Date(now.getTime() - KEEP_MS).toISOString();
    // A retry after the first finished is answered here, before the handler's own checks run.
    const stored = await findClaim(ctx.db, request.actor.userId, key, expiredBefore);
    if (stored && stored.request_hash !== hash) throw new AppError('idempotency_mismatch', 'error.idempotencyMismatch');
    if (stored?.response != null && stored.status_code !== null) return replayStored(request, reply, stored.status_code, stored.response);
    request.idempotency = {
      claim: {
        userId: request.actor.userId,
        key,
        hash,
        requestId: request.id,
        at: now.toISOString(),
        expiredBefore,
        state: 'pending',
        connection: null,
        object: null,
      },
      replayed: false,
      rebuiltFor: null,
    };
    running.add(request.id);
  };

  const remember = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pending = request.idempotency;
    if (!pending) return payload;
    try {
      await storeOutcome(request, reply, pending, payload);
    } finally {
      running.delete(request.id);
    }
    return payload;
  };

  const storeOutcome = async (request: FastifyRequest, reply: FastifyReply, pending: IdempotentRequest, payload: unknown) => {
    const { claim } = pending;
    if (pending.replayed) {
      if (pending.rebuiltFor && reply.statusCode < 300 && typeof payload === 'string') {
        await storeAnswer(ctx.db, { ...claim, requestId: pending.rebuiltFor }, reply.statusCode, payload);
      }
      return;
    }
    if (reply.statusCode >= 300) {
      // A committed claim whose transaction created nothing: free the key so that a retry runs again.
      if (claim.state === 'committed' && !claim.object) await releaseClaim(ctx.db, claim);
      return;
    }
    if (typeof payload !== 'string') return;
    // In a transaction of its own: on SQLite it joins the open commit group and shares its fsync,
    // where a lone statement would commit the group and sync on its own.
    if (claim.state === 'committed') await ctx.db.transaction().execute((tx) => storeAnswer(tx, claim, reply.statusCode, payload));
    else if (claim.state === 'pending') await storeUnclaimedAnswer(ctx.db, claim, reply.statusCode, payload);
  };

  // Only the routes that declare `idempotent` pay for the hooks and the wrapper.
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    route.preHandler = [...hooksOf(route.preHandler), prepare];
    route.onSend = [...hooksOf(route.onSend), remember];
    const handler = route.handler;
    // The handler runs in the claim's scope (AsyncLocalStorage.run, which every await inside keeps),
    // so its first transaction claims the key.
    route.handler = async function idempotentHandler(request, reply) {
      const pending = request.idempotency;
      if (!pending) return handler.call(this, request, reply);
      const run = () => claims.run(pending.claim, () => handler.call(this, request, reply));
      for (let attempt = 0; ; attempt++) {
        let first: StoredClaim | undefined;
        try {
          return await run();
        } catch (err) {
          if (err instanceof ClaimTaken) first = err.stored;
          // A check before the transaction may refuse a copy because the first's record now exists
          // (a name already taken): the first's answer is the right one then.
          else if (pending.claim.state === 'pending' && err instanceof AppError && err.status < 500) {
            first = await findClaim(ctx.db, pending.claim.userId, pending.claim.key, pending.claim.expiredBefore);
          }
          if (!first) throw err;
        }
        const answered = await answerTaken(request, reply, pending, first);
        if (answered) return answered;
        if (attempt > 0) throw new AppError('conflict', 'error.idempotencyUnanswered');
        pending.claim.state = 'pending';
      }
    };
  });
}
