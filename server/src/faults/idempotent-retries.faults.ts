import { afterAll, expect, it } from 'vitest';
import { recordFigures } from '../testing/fault-figures.ts';
import { caseBody, marker, post, runWriters, Tally, waitFor, type Answer } from '../testing/fault-load.ts';
import { ACCOUNTS, createFaultDatabase } from '../testing/fault-seed.ts';
import { describeIf, NO_POSTGRES, queryRows, serverTarget } from '../testing/fault-targets.ts';
import { freePort, login, startAndWait, type Session, type SpawnedServer } from '../testing/spawned-server.ts';
import type { TestDatabase } from '../testing/test-db.ts';

const CASES = '/api/mediation/cases';
const KEYS = 20;
const COPIES = 5;
const KEYS_AT_ONCE = 4;
/** Keyed creates acknowledged before the kill. */
const KILL_AFTER = 40;

const KILL_ROUNDS = 3;

interface Sent {
  key: string;
  body: string;
  answer: Answer | null;
}

/** Keyed creates from many writers (many in flight), then SIGKILL once KILL_AFTER are acknowledged. */
async function loadAndKill(server: SpawnedServer, session: Session, tally: Tally, sent: Sent[]): Promise<void> {
  let killed = false;
  const acknowledged = tally.count((s) => s === 201);
  const load = runWriters(
    16,
    40,
    async (w, n) => {
      const key = marker('idemk');
      const entry: Sent = { key, body: caseBody(key, sent.length + w * 100 + n), answer: null };
      sent.push(entry);
      tally.sent += 1;
      entry.answer = await post(server.base, CASES, session, entry.body, { 'idempotency-key': key });
      if (!entry.answer) return 'stop';
      tally.answer(entry.answer.status);
    },
    () => killed,
  );
  await waitFor(() => tally.count((s) => s === 201) >= acknowledged + KILL_AFTER, 60_000);
  await server.kill();
  killed = true;
  await load;
}

/** Rows per marker (the Idempotency-Key is written into the case's description). */
async function rowsPerKey(database: TestDatabase, prefix: string): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ id: string; description: string }>(
    database.config,
    `select id, description from mediation_cases where description like '故障测试 ${prefix}-%'`,
  );
  const byKey = new Map<string, string[]>();
  for (const row of rows) {
    const key = row.description.split(' ')[1]?.split('：')[0] ?? '';
    byKey.set(key, [...(byKey.get(key) ?? []), row.id]);
  }
  return byKey;
}

function idOf(answer: Answer | null): string | null {
  if (!answer || answer.status >= 300) return null;
  return (JSON.parse(answer.body) as { id?: string }).id ?? null;
}

/**
 * Issue 15 finding 1, SECURITY.md 26 and 33: a phone on a weak signal retries a create with the same
 * Idempotency-Key — while the first is still running, and after the server died between the commit
 * and the answer. Either way one dispute is registered, and every copy answers with that one record.
 */
for (const dialect of ['sqlite', 'postgres'] as const) {
  describeIf(dialect === 'postgres' ? NO_POSTGRES : null, `idempotent retries (${dialect})`, () => {
    const servers: SpawnedServer[] = [];
    const databases: TestDatabase[] = [];
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.kill()));
      for (const database of databases) await database.dispose();
    });

    it(`${COPIES} copies at once of each of ${KEYS} keys register each dispute once${dialect === 'postgres' ? ' (two processes)' : ''}`, async () => {
      const database = await createFaultDatabase(dialect);
      databases.push(database);
      const target = serverTarget(database.config);
      // On PostgreSQL the copies are spread over two processes, as behind a load balancer.
      for (let i = 0; i < (dialect === 'postgres' ? 2 : 1); i += 1) servers.push(await startAndWait(target));
      const session = await login(servers[0]!.base, ACCOUNTS.mediator);
      const tally = new Tally();
      const figures = {
        keys: KEYS,
        copies: COPIES,
        requests: 0,
        duplicates: 0,
        keysWithoutRow: 0,
        differentAnswers: 0,
        statuses: tally.statuses,
      };
      try {
        const answers = new Map<string, (Answer | null)[]>();
        // A few keys at a time, each sent COPIES times at once.
        for (let k = 0; k < KEYS; k += KEYS_AT_ONCE) {
          const keys = Array.from({ length: Math.min(KEYS_AT_ONCE, KEYS - k) }, () => marker('idemc'));
          await Promise.all(
            keys.map(async (key, i) => {
              const body = caseBody(key, k + i);
              const copies = await Promise.all(
                Array.from({ length: COPIES }, (_, c) =>
                  post(servers[c % servers.length]!.base, CASES, session, body, { 'idempotency-key': key }),
                ),
              );
              for (const answer of copies) {
                tally.sent += 1;
                if (answer) tally.answer(answer.status);
                else tally.unanswered += 1;
              }
              answers.set(key, copies);
            }),
          );
        }
        const rows = await rowsPerKey(database, 'idemc');
        const duplicated = [...rows.values()].filter((ids) => ids.length > 1);
        const withoutRow = [...answers.keys()].filter((key) => !rows.has(key));
        const different = [...answers.entries()].filter(([key, copies]) => copies.some((a) => idOf(a) !== rows.get(key)?.[0]));
        Object.assign(figures, { duplicates: duplicated.length, keysWithoutRow: withoutRow.length, differentAnswers: different.length });
        expect(duplicated.length, 'keys registered more than once').toBe(0);
        expect(withoutRow).toEqual([]);
        expect(
          different.map(([, copies]) => copies.map((a) => a?.status ?? 'no answer')),
          'every copy answers 2xx with the one record',
        ).toEqual([]);
      } finally {
        figures.requests = tally.sent;
        recordFigures(`idempotentConcurrent.${dialect}`, figures);
      }
    });

    it('retries after kill -9 find the committed dispute instead of registering it again', async () => {
      const database = await createFaultDatabase(dialect);
      databases.push(database);
      const target = serverTarget(database.config);
      const port = await freePort();
      const tally = new Tally();
      const sent: Sent[] = [];
      const figures = {
        sent: 0,
        acknowledged: 0,
        unanswered: 0,
        committedButUnanswered: 0,
        retried: 0,
        retryStatuses: {} as Record<string, number>,
        sameRecord: 0,
        duplicates: 0,
        restarts: 0,
      };
      try {
        // A kill that lands between a commit and its answer is what this is about: kill again (a
        // bounded number of times) until at least one request was committed but not answered.
        for (let round = 0; round < KILL_ROUNDS && figures.committedButUnanswered === 0; round += 1) {
          const server = await startAndWait(target, port);
          servers.push(server);
          await loadAndKill(server, await login(server.base, ACCOUNTS.mediator), tally, sent);
          figures.restarts += 1;
          const committed = await rowsPerKey(database, 'idemk');
          figures.committedButUnanswered = sent.filter((s) => !s.answer && committed.has(s.key)).length;
        }
        expect(tally.other([])).toEqual({});
        expect(figures.committedButUnanswered, `a kill between a commit and its answer in ${KILL_ROUNDS} rounds`).toBeGreaterThan(0);

        const server = await startAndWait(target, port);
        servers.push(server);
        const again = await login(server.base, ACCOUNTS.mediator);
        // Every key whose answer was lost, and a few that were answered: a phone cannot tell them apart.
        const retries = [...sent.filter((s) => !s.answer), ...sent.filter((s) => s.answer).slice(0, 5)];
        const retried = await Promise.all(
          retries.map(async (s) => ({ ...s, retry: await post(server.base, CASES, again, s.body, { 'idempotency-key': s.key }) })),
        );
        const after = await rowsPerKey(database, 'idemk');
        for (const r of retried) {
          const status = String(r.retry?.status ?? 'no answer');
          figures.retryStatuses[status] = (figures.retryStatuses[status] ?? 0) + 1;
        }
        const sameRecord = retried.filter((r) => idOf(r.retry) !== null && idOf(r.retry) === after.get(r.key)?.[0]);
        const duplicated = [...after.values()].filter((ids) => ids.length > 1);
        Object.assign(figures, { retried: retried.length, sameRecord: sameRecord.length, duplicates: duplicated.length });
        expect(duplicated.length, 'keys registered more than once').toBe(0);
        expect(figures.retryStatuses).toEqual({ 201: retried.length });
        expect(sameRecord.length, 'retries answered with the record of their key').toBe(retried.length);
      } finally {
        Object.assign(figures, {
          sent: tally.sent,
          acknowledged: tally.count((s) => s === 201),
          unanswered: sent.filter((s) => !s.answer).length,
        });
        recordFigures(`idempotentAfterKill.${dialect}`, figures);
      }
    });
  });
}
