import type { AppContext } from '../../core/context.ts';
import type { Db } from '../../core/db/schema.ts';
import { namesOf } from './regions.repository.ts';

/** How long a place's name is trusted: an import in another process (the CLI) is seen after this. */
const NAME_TTL_MS = 60_000;
/** Enough for every county, town and village a busy province touches; past it, start afresh. */
const MAX_NAMES = 200_000;

interface Cached {
  name: string;
  until: number;
}

/** One cache per database handle (tests and the bench open several in one process). */
const caches = new WeakMap<Db, Map<string, Cached>>();

/**
 * Place names for display paths (泾阳县王桥镇屈家村), which every list and every new record shows.
 * Names change only with a region import, so they are kept in memory for a minute instead of being
 * read for each request; the importer forgets them at once in its own process.
 */
export async function regionNames(ctx: AppContext, codes: readonly string[]): Promise<Map<string, string>> {
  const cache = caches.get(ctx.db) ?? new Map<string, Cached>();
  caches.set(ctx.db, cache);
  const now = Date.now();
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const code of codes) {
    const hit = cache.get(code);
    if (hit && hit.until > now) names.set(code, hit.name);
    else missing.push(code);
  }
  if (missing.length === 0) return names;
  const rows = await namesOf(ctx.db, ctx.reads, missing);
  if (cache.size + rows.length > MAX_NAMES) cache.clear();
  for (const row of rows) {
    names.set(row.code, row.name);
    cache.set(row.code, { name: row.name, until: now + NAME_TTL_MS });
  }
  return names;
}

/** After an import in this process: the next read takes the names from the table. */
export function forgetRegionNames(db: Db): void {
  caches.delete(db);
}
