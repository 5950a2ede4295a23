import { sql } from 'kysely';
import type { RequestContext } from '../access/actor.ts';
import type { AppContext } from '../context.ts';
import { sealFreeText } from '../crypto/free-text.ts';
import type { FreeTextColumns, ModuleManifest } from '../module.ts';
import { newId } from './ids.ts';

const BATCH = 500;

/**
 * Rows written before free text was sealed on the way in (SECURITY.md 30, issue 15 finding 11) still hold
 * typed-in numbers in plain; readers never see them (every response and export masks them on read), but
 * the database should not hold them either. This seals them in place, table by table, in batches, and is
 * idempotent: a sealed text seals to itself. One audit entry per table that changed, by the system.
 */
export async function sealStoredTexts(
  ctx: Pick<AppContext, 'db' | 'cipher' | 'audit'>,
  modules: readonly ModuleManifest[],
): Promise<Record<string, number>> {
  const sealed: Record<string, number> = {};
  for (const target of modules.flatMap((m) => m.freeTextColumns ?? [])) {
    const rows = await sealTable(ctx, target);
    sealed[target.table] = rows;
    if (rows === 0) continue;
    const rc: RequestContext = { actor: null, ip: null, requestId: newId() };
    await ctx.audit.record(ctx.db, rc, { action: 'pii.texts_sealed', objectType: target.table, detail: { rows } });
  }
  return sealed;
}

async function sealTable(ctx: Pick<AppContext, 'db' | 'cipher'>, { table, key, columns }: FreeTextColumns): Promise<number> {
  const keys = sql.join(key.map((k) => sql.ref(k)));
  let changed = 0;
  for (let offset = 0; ; offset += BATCH) {
    // Keys never change here, so an offset over the key order visits every row once.
    const { rows } = await sql<
      Record<string, unknown>
    >`select ${keys}, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} order by ${keys} limit ${BATCH} offset ${offset}`.execute(
      ctx.db,
    );
    for (const row of rows) {
      const updates = columns.flatMap((c) => {
        const value = row[c];
        if (typeof value !== 'string') return [];
        const next = sealFreeText(ctx.cipher, value);
        return next === value ? [] : [sql`${sql.ref(c)} = ${next}`];
      });
      if (updates.length === 0) continue;
      const where = sql.join(
        key.map((k) => sql`${sql.ref(k)} = ${row[k]}`),
        sql` and `,
      );
      await sql`update ${sql.table(table)} set ${sql.join(updates)} where ${where}`.execute(ctx.db);
      changed += 1;
    }
    if (rows.length < BATCH) return changed;
  }
}
