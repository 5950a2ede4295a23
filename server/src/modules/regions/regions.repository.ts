import { sql } from 'kysely';
import { NATION_CODE } from '@rg/domain/regions/region-code';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import type { VillageKind } from '@rg/domain/regions/region-code';
import type { RegionLevel } from '@rg/domain/regions/region-code';
import type { DbOrTx, RegionTable } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import { containsText } from '../../core/db/contains.ts';
import type { HotReads } from '../../core/db/connect.ts';

export type RegionRow = RegionTable;

export function toRegionDto(row: RegionRow, hasChildren: boolean): RegionDto {
  return {
    code: row.code,
    name: row.name,
    officialName: row.official_name,
    level: row.level as RegionLevel,
    parentCode: row.parent_code,
    kind: (row.kind as VillageKind | null) ?? null,
    isPoor: row.is_poor === 1,
    population: row.population,
    households: row.households,
    hasChildren,
  };
}

export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findRegions(db: DbOrTx, codes: readonly string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('regions')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

export async function hasChildren(db: DbOrTx, code: string): Promise<boolean> {
  const row = await db.selectFrom('regions').select('code').where('parent_code', '=', code).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** One page of a region's children with a flag for each saying whether it has children itself. */
export async function listChildren(
  db: DbOrTx,
  reads: HotReads,
  parentCode: string,
  offset: number,
  limit: number,
): Promise<{ rows: (RegionRow & { has_children: number })[]; total: number }> {
  // SQL text on the hot-read path: this is the region picker's busiest query (ISSUE 2 bench "scoped GET").
  const rows = await reads.rows(
    sql<RegionRow & { has_children: number }>`
    select r.*, case when exists (select 1 from regions c where c.parent_code = r.code) then 1 else 0 end as has_children
    from regions r
    where r.parent_code = ${parentCode}
    order by r.code
    limit ${limit} offset ${offset}`.compile(db),
  );
  const mapped = rows.map((r) => ({ ...r, has_children: Number(r.has_children) }));
  // A short page holds the whole remainder: no count query needed (the common case of a town's villages).
  if (rows.length < limit && (rows.length > 0 || offset === 0)) return { rows: mapped, total: offset + rows.length };
  const count = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_code', '=', parentCode)
    .executeTakeFirstOrThrow();
  return { rows: mapped, total: Number(count.n) };
}

/** Regions whose name contains `q`, inside `scope`: exact names first, then higher levels first. */
export async function searchByName(db: DbOrTx, scope: string, q: string, limit: number): Promise<RegionRow[]> {
  return db
    .selectFrom('regions')
    .selectAll()
    .where((eb) => withinScope(eb, 'code', scope))
    .where((eb) => containsText(eb, ['name', 'official_name'], q))
    .where('code', '!=', NATION_CODE)
    .orderBy(sql`case when name = ${q} then 0 else 1 end`)
    .orderBy(sql`length(code)`)
    .orderBy('code')
    .limit(limit)
    .execute();
}

export async function updateVillageAttributes(
  db: DbOrTx,
  code: string,
  attributes: Partial<Pick<RegionRow, 'is_poor' | 'population' | 'households'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('regions')
    .set({ ...attributes, updated_at: now })
    .where('code', '=', code)
    .execute();
}

export async function insertRegion(db: DbOrTx, row: RegionRow): Promise<void> {
  await db.insertInto('regions').values(row).execute();
}

/** Takes the row's write lock for the rest of the transaction (a no-op update; SQLite serializes anyway). */
export async function lockRegion(db: DbOrTx, code: string): Promise<void> {
  await db
    .updateTable('regions')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('code', '=', code)
    .execute();
}

/** The highest child code and whether a child already has `name`, in one pass over the children. */
export async function childNumbering(
  db: DbOrTx,
  parentCode: string,
  name: string,
): Promise<{ lastCode: string | null; nameTaken: boolean }> {
  const row = await db
    .selectFrom('regions')
    .select((eb) => [eb.fn.max('code').as('last_code'), eb.fn.max(eb.case().when('name', '=', name).then(1).else(0).end()).as('taken')])
    .where('parent_code', '=', parentCode)
    .executeTakeFirst();
  return { lastCode: row?.last_code ?? null, nameTaken: Number(row?.taken ?? 0) === 1 };
}

/** A region's children, in code order: code, name and level only (a scorecard's or a form's rows). */
export async function childRegions(db: DbOrTx, parentCode: string): Promise<Pick<RegionRow, 'code' | 'name' | 'level'>[]> {
  return db.selectFrom('regions').select(['code', 'name', 'level']).where('parent_code', '=', parentCode).orderBy('code').execute();
}

/** Villages inside `scope`, counted per code prefix of `prefixLength` (per town, county, …). */
export async function villagesPerPrefix(db: DbOrTx, scope: string, prefixLength: number): Promise<Map<string, number>> {
  const prefix = sql<string>`substr(code, 1, ${sql.lit(prefixLength)})`;
  const rows = await db
    .selectFrom('regions')
    .select((eb) => [prefix.as('prefix'), eb.fn.countAll<number>().as('n')])
    .where('level', '=', 'village')
    .where((eb) => withinScope(eb, 'code', scope))
    .groupBy(prefix)
    .execute();
  return new Map(rows.map((r) => [r.prefix, Number(r.n)]));
}

/** Names of the regions, on the hot-read path (every list's display paths go through it). */
export async function namesOf(db: DbOrTx, reads: HotReads, codes: readonly string[]): Promise<Pick<RegionRow, 'code' | 'name'>[]> {
  return reads.rows(
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', [...codes])
      .compile(),
  );
}

export async function countRegions(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
