import { ancestorsOf } from '@rg/domain/regions/region-code';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { LegalNormTable } from './legal.tables.ts';

export type NormRow = Omit<LegalNormTable, 'created_at'>;

/** Norms that apply inside `scope`: set on it, on one of its ancestors, or on a place within it. */
export async function applicableNorms(db: DbOrTx, scope: string): Promise<NormRow[]> {
  return db
    .selectFrom('legal_norms')
    .select(['id', 'region_code', 'name', 'service_window', 'service_type', 'period', 'min_count'])
    .where((eb) => eb.or([eb('region_code', 'in', [...ancestorsOf(scope), scope]), withinScope(eb, 'region_code', scope)]))
    .orderBy('period')
    .orderBy('region_code')
    .execute();
}

export async function insertNorm(db: DbOrTx, row: LegalNormTable): Promise<void> {
  await db.insertInto('legal_norms').values(row).execute();
}

export async function findNorm(db: DbOrTx, id: string): Promise<LegalNormTable | undefined> {
  return db.selectFrom('legal_norms').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteNorm(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('legal_norms').where('id', '=', id).execute();
}

/** The roster names of advisors, a few thousand ids at a time. */
export async function advisorNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('legal_advisors')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
