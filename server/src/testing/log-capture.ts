import { Writable } from 'node:stream';
import { personalNumbersIn } from './personal-numbers.ts';
import { createContext } from '../core/bootstrap.ts';
import { FakeClock } from '../core/clock.ts';
import { deriveKeys } from '../core/crypto/keys.ts';
import { buildApp } from '../core/http/app.ts';
import type { App } from '../core/module.ts';
import { MODULES } from '../modules/index.ts';
import { buildUser, seedPlaces, TEST_PASSWORD } from './factories.ts';
import { createTestDatabase } from './test-db.ts';

export interface LoggingApp {
  app: App;
  /** Every log line the server wrote, as written. */
  lines: string[];
  /** Cookie and CSRF headers of a fresh session of `username`. */
  headersFor(username: string): Promise<Record<string, string>>;
  /** Log lines that would show a phone or an ID number (platform digit runs such as times and ids left out). */
  leaks(extra?: (line: string) => boolean): string[];
  close(): Promise<void>;
}

/** The platform with its request log captured, and the given users (SECURITY.md 17 tests). */
export async function createLoggingApp(
  users: { username: string; regionCode: string; roles: Parameters<typeof buildUser>[1]['roles'] }[],
): Promise<LoggingApp> {
  const database = await createTestDatabase();
  const { ctx, connection } = await createContext(database.config, MODULES, {
    clock: new FakeClock(),
    keys: deriveKeys(Buffer.alloc(32, 3)),
  });
  await seedPlaces(ctx);
  for (const user of users) await buildUser(ctx, user);
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const { app } = await buildApp(ctx, MODULES, { logger: true, logStream: stream });
  return {
    app,
    lines,
    async headersFor(username) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      return {
        cookie: `rg_sid=${res.cookies.find((c) => c.name === 'rg_sid')?.value ?? ''}`,
        'x-csrf-token': res.json<{ session: { csrfToken: string } }>().session.csrfToken,
      };
    },
    leaks(extra = () => false) {
      // Clock readings, the pid and random ids are the platform's own digit runs; the rest is scanned.
      const scanned = lines.map((l) =>
        JSON.stringify(JSON.parse(l), (key, value: unknown) =>
          ['time', 'pid', 'responseTime', 'reqId', 'id'].includes(key) ? undefined : value,
        ).replace(/[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/gi, '<uuid>'),
      );
      return scanned.filter((l) => personalNumbersIn(l).length > 0 || extra(l)).map((l) => l.slice(0, 300));
    },
    async close() {
      await app.close();
      await connection.close();
      await database.dispose();
    },
  };
}
