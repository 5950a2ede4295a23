import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { findRegion, findRegions } from '../../modules/regions/regions.repository.ts';
import type { Database } from './schema.ts';
import { formatSql, normalizeSql, withSqlSnapshots, type RecordedQuery } from './sql-snapshots.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-sql-snapshots-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function recorded(): RecordedQuery[] {
  return fs
    .readdirSync(dir)
    .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean))
    .map((line): RecordedQuery => JSON.parse(line));
}

describe('SQL snapshots (issue 14, Deliver 6)', () => {
  it('records each distinct text a repository function compiles, under that function, and nothing issued elsewhere', async () => {
    const db = new Kysely<Database>({ dialect: withSqlSnapshots(new SqliteDialect({ database: new SQLite(':memory:') }), 'sqlite', dir) });
    await db.schema.createTable('regions').addColumn('code', 'text').addColumn('parent_code', 'text').execute();
    await findRegion(db, '110101');
    await findRegion(db, '110102');
    await findRegions(db, ['110101', '110102', '110103']);
    await findRegions(db, ['110101']);
    await db.selectFrom('regions').select('code').execute();
    await db.destroy();

    const file = 'server/src/modules/regions/regions.repository.ts';
    expect(recorded().map(({ file, callers, sql }) => ({ file, function: callers[0], sql }))).toEqual([
      { file, function: 'findRegion', sql: 'select *\nfrom "regions"\nwhere "code" = ?' },
      { file, function: 'findRegions', sql: 'select *\nfrom "regions"\nwhere "code" in (?...)' },
    ]);
  });

  it('leaves the dialect as it is when no folder is set', () => {
    const dialect = new SqliteDialect({ database: new SQLite(':memory:') });
    expect(withSqlSnapshots(dialect, 'sqlite', undefined)).toBe(dialect);
  });

  it('writes data-dependent lists one way and renumbers PostgreSQL parameters after them', () => {
    expect(normalizeSql('select * from "t" where "a" = $1 and "b" in ($2, $3, $4) and "c" = $5', 'postgres')).toBe(
      'select * from "t" where "a" = $1 and "b" in ($2...) and "c" = $3',
    );
    expect(normalizeSql('insert into "t" ("a", "b") values ($1, $2), ($3, $4), ($5, $6) returning "a"', 'postgres')).toBe(
      'insert into "t" ("a", "b") values ($1, $2) returning "a"',
    );
    expect(normalizeSql('insert into "t" ("a", "b") values (?, ?), (?, ?)', 'sqlite')).toBe('insert into "t" ("a", "b") values (?, ?)');
    expect(normalizeSql('select 1 where "a" not in (?)', 'sqlite')).toBe('select 1 where "a" not in (?...)');
  });

  it('starts each clause and each item of its list on a line and indents subqueries, leaving calls, rows and quoted text whole', () => {
    const sql =
      'select "c".*, count(*) filter (where "s"."done" = ?) as "n", \'from (x) where\' as "note" from "cases" as "c" ' +
      'left join "steps" as "s" on "s"."case_id" = "c"."id" where exists (select 1 from "parties" as "p" where "p"."case_id" = "c"."id") ' +
      'group by "c"."id" order by "c"."id" desc, "c"."no" limit ?';
    expect(formatSql(sql).split('\n')).toEqual([
      'select "c".*,',
      '  count(*) filter (where "s"."done" = ?) as "n",',
      '  \'from (x) where\' as "note"',
      'from "cases" as "c"',
      'left join "steps" as "s" on "s"."case_id" = "c"."id"',
      'where exists (',
      '  select 1',
      '  from "parties" as "p"',
      '  where "p"."case_id" = "c"."id"',
      ')',
      'group by "c"."id"',
      'order by "c"."id" desc,',
      '  "c"."no"',
      'limit ?',
    ]);
    expect(
      formatSql('insert into "t" ("a", "b") values (?, ?) on conflict ("a") do update set "a" = excluded."a", "b" = ?').split('\n'),
    ).toEqual(['insert into "t" ("a", "b")', 'values (?, ?)', 'on conflict ("a")', 'do update set "a" = excluded."a",', '  "b" = ?']);
    expect(
      formatSql('select "r"."name", (select "c"."id" from "c" where "c"."r" = "r"."code" limit ?) as "first" from "r"').split('\n'),
    ).toEqual([
      'select "r"."name",',
      '  (',
      '    select "c"."id"',
      '    from "c"',
      '    where "c"."r" = "r"."code"',
      '    limit ?',
      '  ) as "first"',
      'from "r"',
    ]);
  });
});
