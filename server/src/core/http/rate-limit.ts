import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { MINUTE, type Clock } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import type { App } from '../module.ts';
import { RateLimitedError } from './errors.ts';
import { hooksOf } from './route-hooks.ts';

/**
 * What a route is limited as (SECURITY.md 23, issue 15 finding 12), declared in its config
 * (`config: { rateLimit: 'export' }`) and applied by one hook (`installRateLimits`):
 * - `search`: a list whose free-text query (`q`) is filled in; the same list without one is an ordinary
 *   page load and is never limited, so officials paging through lists are not blocked.
 * - `export`: a generated file (.xlsx, .docx, .zip, .csv).
 * - `submit`: what villagers (or the public) send in: consultations, pictures, applications.
 * - `import`: a spreadsheet read into the database.
 */
export type RateLimitKind = 'search' | 'export' | 'submit' | 'import';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Counted per signed-in account (per address on a public route); past the limit 429 (SECURITY.md 23). */
    rateLimit?: RateLimitKind;
  }
}

/**
 * The limits, per account and window. Generous for a person at work (a search a second for half a minute,
 * an export every 20 seconds for ten minutes) and well under what a script sends; the e2e flows stay far
 * below them (the heaviest, the legal office's, exports a dozen files).
 */
export const RATE_LIMITS: Record<RateLimitKind, { limit: number; windowMs: number }> = {
  search: { limit: 30, windowMs: MINUTE },
  export: { limit: 30, windowMs: 10 * MINUTE },
  submit: { limit: 20, windowMs: 10 * MINUTE },
  import: { limit: 10, windowMs: 10 * MINUTE },
};

/** The free-text query parameter a `search` route counts on. */
export const FREE_TEXT_PARAM = 'q';

/**
 * Fixed-window counters in the database, shared by every server process (SECURITY.md 23, 29).
 * One upsert per hit; old windows are overwritten in place.
 */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Counts a hit; past `limit` in the window, 429 with the seconds until the window ends. */
  async hit(key: string, limit: number, windowMs: number): Promise<void> {
    const now = this.clock.now().getTime();
    const windowStart = new Date(now - (now % windowMs)).toISOString();
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          hits: eb
            .case()
            .when('rate_limits.window_start', '=', windowStart)
            .then(eb('rate_limits.hits', '+', 1))
            .else(1)
            .end(),
          window_start: windowStart,
        })),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (row.hits > limit) throw new RateLimitedError(Math.max(1, Math.ceil((windowMs - (now % windowMs)) / 1000)));
  }
}

function counts(request: FastifyRequest, kind: RateLimitKind): boolean {
  if (kind !== 'search') return true;
  const query = request.query as Record<string, unknown> | undefined;
  const text = query?.[FREE_TEXT_PARAM];
  return typeof text === 'string' && text.trim() !== '';
}

/**
 * Applies each route's declared `rateLimit` after its access is checked (so the actor is known) and
 * its input validated (so a search's text is read as the handler reads it).
 */
export function installRateLimits(app: App, limiter: RateLimiter): void {
  // Only the routes that declare a limit get the hook (first, as a global hook would run).
  app.addHook('onRoute', (route) => {
    const kind = route.config?.rateLimit;
    if (!kind) return;
    const { limit, windowMs } = RATE_LIMITS[kind];
    const count: preHandlerAsyncHookHandler = async (request) => {
      if (!counts(request, kind)) return;
      const who = request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`;
      await limiter.hit(`${kind}:${who}`, limit, windowMs);
    };
    route.preHandler = [count, ...hooksOf(route.preHandler)];
  });
}
