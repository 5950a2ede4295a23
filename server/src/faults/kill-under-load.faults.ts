import { afterAll, expect, it } from 'vitest';
import { recordFigures } from '../testing/fault-figures.ts';
import { post, runWriters, Tally, VILLAGE, waitFor } from '../testing/fault-load.ts';
import { describeIf, NO_POSTGRES, queryRows, runCli, serverTarget, sqliteIntegrity } from '../testing/fault-targets.ts';
import { freePort, login, startAndWait, type SpawnedServer } from '../testing/spawned-server.ts';
import { createFaultDatabase } from '../testing/fault-seed.ts';
import type { TestDatabase } from '../testing/test-db.ts';

/** Acknowledged writes before the kill: enough that some are in flight when it lands. */
const KILL_AFTER = 150;

/**
 * SECURITY.md 25: every write that got a 2xx survives a SIGKILL of the server in the middle of a load;
 * the SQLite file passes `PRAGMA integrity_check` and the audit chain verifies (`npm run audit:verify`).
 */
for (const dialect of ['sqlite', 'postgres'] as const) {
  describeIf(dialect === 'postgres' ? NO_POSTGRES : null, `kill -9 under write load (${dialect})`, () => {
    let database: TestDatabase | null = null;
    let server: SpawnedServer | null = null;
    afterAll(async () => {
      await server?.kill();
      await database?.dispose();
    });

    it('finds every acknowledged villager group after kill -9 and restart', async () => {
      database = await createFaultDatabase(dialect);
      const target = serverTarget(database.config);
      const port = await freePort();
      const tally = new Tally();
      const acknowledged: string[] = [];
      const figures = { sent: 0, acknowledged: 0, foundAfterRestart: 0, lost: 0, statuses: tally.statuses, unanswered: 0, restarts: 1 };
      try {
        server = await startAndWait(target, port);
        const running = server;
        const session = await login(running.base);
        let killed = false;
        const load = runWriters(
          4,
          400,
          async (w, n) => {
            const name = `组${w}-${n}`;
            tally.sent += 1;
            const answer = await post(running.base, `/api/regions/${VILLAGE}/groups`, session, JSON.stringify({ name }), {}, 15_000);
            if (!answer) {
              tally.unanswered += 1;
              return 'stop'; // the connection died with the server
            }
            tally.answer(answer.status);
            if (answer.status === 201) acknowledged.push(name);
          },
          () => killed,
        );
        await waitFor(() => acknowledged.length >= KILL_AFTER, 60_000);
        await running.kill();
        killed = true;
        await load;
        expect(acknowledged.length, 'the load was acknowledged before the kill').toBeGreaterThanOrEqual(KILL_AFTER);
        expect(tally.other([])).toEqual({});

        server = await startAndWait(target, port);
        const again = await login(server.base);
        const res = await fetch(`${server.base}/api/regions/${VILLAGE}/children?pageSize=500`, { headers: { cookie: again.cookie } });
        const names = new Set(((await res.json()) as { items: { name: string }[] }).items.map((r) => r.name));
        const lost = acknowledged.filter((name) => !names.has(name));
        Object.assign(figures, { foundAfterRestart: acknowledged.length - lost.length, lost: lost.length });
        expect(lost).toEqual([]);
        await server.kill();
        server = null;

        if (dialect === 'sqlite') expect(sqliteIntegrity(database.config)).toBe('ok');
        const [audit] = await queryRows<{ n: number | string }>(database.config, 'select count(*) as n from audit_log');
        const verify = await runCli('audit-verify.ts', target);
        Object.assign(figures, { auditEntries: Number(audit?.n ?? 0), auditVerify: verify.output.split('\n').at(-1) });
        expect(verify.output).toContain('audit chain intact');
        expect(verify.status).toBe(0);
      } finally {
        Object.assign(figures, { sent: tally.sent, acknowledged: acknowledged.length, unanswered: tally.unanswered });
        recordFigures(`killUnderLoad.${dialect}`, figures);
      }
    });
  });
}
