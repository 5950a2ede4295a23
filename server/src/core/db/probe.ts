import { sql } from 'kysely';
import type { Db } from './schema.ts';

/** /api/ready's write probe: one row rewritten, so the database must take and commit a write. */
export async function writeProbe(db: Db, now: string): Promise<void> {
  await db
    .insertInto('readiness_probe')
    .values({ id: 1, probed_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ probed_at: now }))
    .execute();
}

/**
 * Bytes SQLite may still add to the database file before `max_page_count` stops it (SQLITE_FULL):
 * the pages below the limit plus the free pages inside the file. The limit is an operator's cap on
 * the file; the disk's own free space is checked apart (statfs).
 */
export async function sqliteHeadroomBytes(db: Db): Promise<number> {
  const value = async (pragma: string) => {
    const { rows } = await sql<Record<string, number>>`${sql.raw(`pragma ${pragma}`)}`.execute(db);
    return Number(Object.values(rows[0] ?? {})[0] ?? 0);
  };
  const [pageSize, pageCount, maxPageCount, freePages] = [
    await value('page_size'),
    await value('page_count'),
    await value('max_page_count'),
    await value('freelist_count'),
  ];
  return (maxPageCount - pageCount + freePages) * pageSize;
}
