import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitDriver, GroupCommitSqliteDialect, type StatementSource } from './sqlite-group-commit.ts';

interface Tables {
  note: { id: Generated<number>; body: string };
}

/** SQLite only: PostgreSQL groups concurrent commits itself. */
describe('SQLite group commit (decision 58)', () => {
  let dir: string;
  let file: string;
  let raw: SQLite.Database;
  let db: Kysely<Tables>;
  let statements: string[];
  let failCommit: boolean;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-group-'));
    file = path.join(dir, 'g.db');
    raw = new SQLite(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    statements = [];
    failCommit = false;
    const source: StatementSource = {
      prepare(text) {
        statements.push(text);
        if (failCommit && text === 'commit') throw new Error('disk I/O error (simulated)');
        return raw.prepare(text);
      },
    };
    db = new Kysely<Tables>({ dialect: new GroupCommitSqliteDialect(new GroupCommitDriver(raw, source)) });
    await sql`create table note (id integer primary key, body text not null)`.execute(db);
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** What another process would read: a separate connection sees committed rows only. */
  const committedBodies = (): string[] => {
    const other = new SQLite(file, { readonly: true });
    try {
      return (other.prepare('select body from note order by id').all() as { body: string }[]).map((r) => r.body);
    } finally {
      other.close();
    }
  };

  const insert = (body: string) => db.transaction().execute((tx) => tx.insertInto('note').values({ body }).execute());

  it('concurrent transactions share commits, and each resolves only once its rows are committed', async () => {
    const seenAtResolve: boolean[] = [];
    await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      await insert(`n${i}`);
      seenAtResolve.push(committedBodies().includes(`n${i}`));
    }));
    expect(seenAtResolve).toHaveLength(20);
    expect(seenAtResolve.every(Boolean)).toBe(true);
    const commits = statements.filter((s) => s === 'commit').length;
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThan(20);
  });

  it('a failing transaction rolls back alone; the others in its group are kept', async () => {
    const results = await Promise.allSettled([
      insert('a'),
      db.transaction().execute(async (tx) => {
        await tx.insertInto('note').values({ body: 'doomed' }).execute();
        throw new Error('business rule');
      }),
      insert('b'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedBodies()).toEqual(['a', 'b']);
  });

  it('a failed COMMIT rejects every transaction of the group and keeps none of their rows', async () => {
    await insert('before');
    failCommit = true;
    const results = await Promise.allSettled([insert('x'), insert('y')]);
    failCommit = false;
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(committedBodies()).toEqual(['before']);
    await insert('after');
    expect(committedBodies()).toEqual(['before', 'after']);
  });

  it('a statement that cannot run in a transaction (VACUUM INTO) runs after the open group commits', async () => {
    const copy = path.join(dir, 'copy.db');
    const [, vacuumed] = await Promise.all([insert('kept'), sql`vacuum into ${sql.lit(copy)}`.execute(db).then(() => true)]);
    expect(vacuumed).toBe(true);
    const other = new SQLite(copy, { readonly: true });
    expect((other.prepare('select count(*) as n from note').get() as { n: number }).n).toBe(1);
    other.close();
  });
});
