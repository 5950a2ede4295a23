import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, login, startServer, waitUntilUp, type Running } from '../../testing/spawned-server.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';

/** SECURITY.md 25: every write that got a 2xx survives a SIGKILL of the server in the middle of a load. */
describe('no acknowledged write is lost when the server is killed', () => {
  let database: TestDatabase;
  let server: Running | null = null;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await database.dispose();
  });

  it('finds every acknowledged villager group after kill -9 and restart', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServer(database, port);
    await waitUntilUp(base);
    const { cookie, csrf } = await login(base);
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let killed = false;
    const writer = async (w: number) => {
      for (let n = 0; n < 200 && !killed; n += 1) {
        const name = `组${w}-${n}`;
        try {
          const res = await fetch(`${base}/api/regions/610423104209/groups`, {
            method: 'POST',
            headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
            body: JSON.stringify({ name }),
          });
          if (res.status === 201) acknowledged.push(name);
          else refused.push(res.status);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    let finished = false;
    void Promise.all(writers).then(() => (finished = true));
    while (acknowledged.length < 40 && !finished) await new Promise((r) => setTimeout(r, 5));
    expect(refused).toEqual([]);
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    await server.exited;

    server = startServer(database, port);
    await waitUntilUp(base);
    const again = await login(base);
    const res = await fetch(`${base}/api/regions/610423104209/children?pageSize=500`, { headers: { cookie: again.cookie } });
    const names = new Set(((await res.json()) as { items: { name: string }[] }).items.map((r) => r.name));
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
    server.child.kill('SIGKILL');
    await server.exited;
    server = null;
    if (!database.config.databaseUrl) {
      const file = new SQLite(database.config.sqliteFile, { readonly: true });
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      file.close();
    }
    expect(fs.existsSync(database.config.dataDir)).toBe(true);
  });
});
