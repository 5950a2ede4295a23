import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitDriver, GroupCommitSqliteDialect, type StatementSource, type SyncFile } from './sqlite-group-commit.ts';

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
  /** WAL syncs asked for and not answered yet, when a test holds them (`holdSyncs`). */
  let heldSyncs: ((err: NodeJS.ErrnoException | null) => void)[];
  let holdSyncs: boolean;

  beforeEach(async () => {
    heldSyncs = [];
    holdSyncs = false;
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
    const syncFile: SyncFile = (fd, done) => (holdSyncs ? heldSyncs.push(done) : fs.fsync(fd, done));
    db = new Kysely<Tables>({ dialect: new GroupCommitSqliteDialect(new GroupCommitDriver(raw, source, syncFile)) });
    await sql`create table note (id integer primary key, body text not null)`.execute(db);
  });
  afterEach(async () => {
    holdSyncs = false;
    for (const done of heldSyncs.splice(0)) done(null);
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
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await insert(`n${i}`);
        seenAtResolve.push(committedBodies().includes(`n${i}`));
      }),
    );
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

  /** Lets the event loop run until `ready()` holds (bounded). */
  const until = async (ready: () => boolean) => {
    for (let i = 0; i < 1000 && !ready(); i += 1) await new Promise((r) => setImmediate(r));
    expect(ready()).toBe(true);
  };

  it('a group is acknowledged only after its WAL is synced, and a read that could see it waits too (decision 73)', async () => {
    await insert('before');
    holdSyncs = true;
    let acknowledged = false;
    const writing = insert('x').then(() => {
      acknowledged = true;
    });
    await until(() => heldSyncs.length === 1);
    // The COMMIT has written the WAL (another connection sees the row) but the disk has not confirmed it.
    expect(committedBodies()).toContain('x');
    let read: string[] | null = null;
    const reading = db
      .selectFrom('note')
      .select('body')
      .execute()
      .then((rows) => {
        read = rows.map((r) => r.body);
      });
    await until(() => statements.filter((s) => s.startsWith('select')).length > 0);
    await new Promise((r) => setTimeout(r, 20));
    expect(acknowledged).toBe(false);
    expect(read).toBeNull();
    heldSyncs[0]?.(null);
    await Promise.all([writing, reading]);
    expect(read).toEqual(['before', 'x']);
    // The group committed with NORMAL; the connection is back at FULL for every other write.
    expect(statements).toContain('pragma synchronous = NORMAL');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('a failed WAL sync rejects its group and stops the driver: no later write or read runs', async () => {
    holdSyncs = true;
    const writing = insert('x');
    await until(() => heldSyncs.length === 1);
    heldSyncs[0]?.(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await expect(writing).rejects.toThrow(/fsync of the SQLite WAL failed/);
    await expect(insert('y')).rejects.toThrow(/fsync of the SQLite WAL failed/);
    await expect(db.selectFrom('note').select('body').execute()).rejects.toThrow(/fsync of the SQLite WAL failed/);
    expect(committedBodies()).not.toContain('y');
  });
});
