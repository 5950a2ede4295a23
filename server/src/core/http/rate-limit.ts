import type { Clock } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from './errors.ts';

/**
 * Fixed-window counters in the database, shared by every server process (SECURITY.md 23, 29).
 * One upsert per hit; old windows are overwritten in place.
 */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

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
    if (row.hits > limit) throw new AppError('rate_limited', 'error.rateLimited');
  }
}
