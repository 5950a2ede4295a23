import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from './audit-log.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { createTestApp, errorOf, type TestApp } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { dropAuditGuards } from '../../testing/audit-tamper.ts';
import { runCli } from '../../testing/run-cli.ts';
import { AnchorWriter, readAnchors, startAuditAnchors } from './audit-anchors.ts';

/**
 * SECURITY.md 18–19: each write appends one entry in its own transaction; the chain names the first
 * altered, removed or inserted entry. Every test tampers with a fresh database.
 */
describe('audit chain', () => {
  let t: TestApp;
  const entries = () => t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const verify = () => verifyAuditChain(t.ctx.db, t.ctx.keys.audit);
  /** The attacker's first step (the database refuses the rest otherwise; see the last tests). */
  const tamper = () => dropAuditGuards(t.ctx.db, t.ctx.dialect);

  beforeEach(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'wq.official', regionCode: PLACES.wangqiao, roles: ['official'] });
    const client = await t.login('wq.official');
    for (const name of ['一组', '二组', '三组', '四组', '五组']) {
      expect((await client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name })).statusCode).toBe(201);
    }
  });
  afterEach(() => t.close());

  it('is intact after a login and five writes, one entry each, linked in order', async () => {
    const rows = await entries();
    expect(rows.map((r) => r.action)).toEqual(['auth.login', ...Array<string>(5).fill('region.group_create')]);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(await verify()).toEqual({ ok: true, checked: 6 });
  });

  it('names an altered entry', async () => {
    await tamper();
    await sql`update audit_log set detail = ${'{"name":"改过的"}'} where seq = 3`.execute(t.ctx.db);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ seq: 3, kind: 'altered' });
  });

  it('names an altered last entry', async () => {
    await tamper();
    await sql`update audit_log set result = 'denied' where seq = 6`.execute(t.ctx.db);
    expect((await verify()).problem).toMatchObject({ seq: 6, kind: 'altered' });
  });

  it('names a removed entry in the middle', async () => {
    await tamper();
    await sql`delete from audit_log where seq = 4`.execute(t.ctx.db);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ seq: 4, kind: 'removed' });
  });

  it('names a removed last entry', async () => {
    await tamper();
    await sql`delete from audit_log where seq = 6`.execute(t.ctx.db);
    expect((await verify()).problem).toMatchObject({ seq: 6, kind: 'removed' });
  });

  it('names a forged entry inserted into the middle', async () => {
    const original = (await entries()).find((r) => Number(r.seq) === 3);
    if (!original) throw new Error('entry 3 expected');
    await tamper();
    // Make room at seq 3 without tripping the primary key on either database, then slip one in.
    await sql`update audit_log set seq = -(seq + 1) where seq >= 3`.execute(t.ctx.db);
    await sql`update audit_log set seq = -seq where seq < 0`.execute(t.ctx.db);
    await sql`insert into audit_log (seq, at, actor_id, actor_name, actor_roles, actor_region, action, object_type, object_id, object_region, result, ip, request_id, detail, prev_hash, hash)
      values (3, ${original.at}, ${original.actor_id}, ${original.actor_name}, ${original.actor_roles}, ${original.actor_region}, ${'user.delete'}, ${'user'}, ${'forged'}, ${original.object_region}, ${'ok'}, ${original.ip}, ${original.request_id}, ${null}, ${original.prev_hash}, ${'f'.repeat(64)})`.execute(
      t.ctx.db,
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ seq: 3, kind: 'inserted' });
  });

  it('npm run audit:verify exits 0 on the intact chain and 1 naming the altered entry', async () => {
    const run = () => runCli('audit-verify.ts', t.ctx.config);
    const intact = run();
    expect(intact.stdout).toContain('audit chain intact: 6 entries');
    expect(intact.status).toBe(0);
    await tamper();
    await sql`update audit_log set actor_name = 'someone.else' where seq = 2`.execute(t.ctx.db);
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('audit chain broken at entry 2: altered');
  });

  it('audit:verify without the key says the key is missing (exit 2) and creates no key file', () => {
    const res = runCli('audit-verify.ts', t.ctx.config, { masterKey: null });
    expect(res.stderr).toContain(
      `the master key is missing: MASTER_KEY is not set and there is no key file at ${t.ctx.config.keyFile}. The audit chain can only be checked with the key it was written with; no key was created.`,
    );
    expect(res.status).toBe(2);
    expect(fs.existsSync(t.ctx.config.keyFile)).toBe(false);
  });

  it('audit:verify with another key says the key does not match (exit 2), not that entry 1 was altered', () => {
    const res = runCli('audit-verify.ts', t.ctx.config, { masterKey: Buffer.alloc(32, 9).toString('base64') });
    expect(res.stderr).toContain('MASTER_KEY does not match this audit log: neither its first nor its newest entry verifies with it.');
    expect(res.stderr).not.toContain('altered');
    expect(res.status).toBe(2);
  });

  it('the database refuses UPDATE and DELETE of audit rows and moving the head back', async () => {
    const before = await entries();
    const head = await t.ctx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await expect(sql`update audit_log set result = 'denied' where seq = 3`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 6`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_head set seq = 4 where id = 1`.execute(t.ctx.db)).rejects.toThrow(/never moves back/);
    await expect(sql`delete from audit_head`.execute(t.ctx.db)).rejects.toThrow(/never moves back/);
    if (t.ctx.dialect === 'postgres') {
      await expect(sql`truncate audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
      // Beside the triggers, nobody is granted the privileges (the tests connect as a superuser, who ignores grants).
      const granted = await sql<{ privilege_type: string }>`select a.privilege_type from pg_class c, aclexplode(c.relacl) a
        where c.relname = 'audit_log' and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')`.execute(t.ctx.db);
      expect(granted.rows).toEqual([]);
    }
    expect(await entries()).toEqual(before);
    expect(await t.ctx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()).toEqual(head);
    // The append path still moves the head on.
    const client = await t.login('wq.official');
    expect((await client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '六组' })).statusCode).toBe(201);
    expect(await verify()).toEqual({ ok: true, checked: 8 });
  });

  it('names the truncation of the newest entries against the latest anchor when the head was moved back', async () => {
    const writer = startAuditAnchors(t.ctx, (err) => {
      throw err;
    });
    await writer.stop();
    const reading = readAnchors(t.ctx.config.auditAnchorFile, t.ctx.keys.anchor);
    if (!reading.ok) throw new Error(reading.message);
    const [anchor] = reading.anchors;
    expect(anchor).toMatchObject({ seq: 6, hash: (await entries())[5]?.hash });
    // The attack of finding 14: drop the guards, cut the last two entries, point the head at the new last one.
    await tamper();
    const fourth = (await entries())[3];
    await sql`delete from audit_log where seq > 4`.execute(t.ctx.db);
    await sql`update audit_head set seq = 4, hash = ${fourth?.hash ?? ''} where id = 1`.execute(t.ctx.db);
    expect(await verify()).toEqual({ ok: true, checked: 4 });
    const message = `the log ends at entry 4 but the anchor written at ${anchor?.at} recorded entry 6: the newest entries were removed`;
    expect((await verifyAuditChain(t.ctx.db, t.ctx.keys.audit, reading.anchors)).problem).toEqual({ seq: 5, kind: 'truncated', message });
    const res = runCli('audit-verify.ts', t.ctx.config);
    expect(res.stderr).toContain(`audit chain broken at entry 5: truncated — ${message}`);
    expect(res.status).toBe(1);
  });

  it('names a forged anchor', async () => {
    await startAuditAnchors(t.ctx, (err) => {
      throw err;
    }).stop();
    const forged = { at: t.clock.now().toISOString(), seq: 99, hash: '0'.repeat(64), sig: 'f'.repeat(64) };
    fs.appendFileSync(t.ctx.config.auditAnchorFile, `${JSON.stringify(forged)}\n`);
    const res = runCli('audit-verify.ts', t.ctx.config);
    expect(res.stderr).toContain(
      `audit anchors broken: the anchor on line 2 of ${t.ctx.config.auditAnchorFile} has a bad signature (forged or altered)`,
    );
    expect(res.status).toBe(1);
  });

  it('anchors the head every period only when it moved, into a 0600 file', async () => {
    const head = { seq: 6, hash: 'a'.repeat(64) };
    const file = `${t.ctx.config.dataDir}/anchors-periodic.log`;
    const writer = new AnchorWriter(
      file,
      t.ctx.keys.anchor,
      async () => head,
      () => t.clock.now(),
      (err) => {
        throw err;
      },
    );
    writer.start(0.02);
    await new Promise((r) => setTimeout(r, 150));
    head.seq = 7;
    await new Promise((r) => setTimeout(r, 150));
    await writer.stop();
    const reading = readAnchors(file, t.ctx.keys.anchor);
    expect(reading.ok && reading.anchors.map((a) => a.seq)).toEqual([6, 7]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('fails the business write when its entry cannot be written', async () => {
    const client = await t.login('wq.official');
    const head = await t.ctx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await sql`drop table audit_log`.execute(t.ctx.db);
    const res = await client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '六组' });
    expect(res.statusCode).toBe(500);
    expect(errorOf(res)).toEqual({ code: 'internal', message: '系统繁忙，请稍后再试' });
    const group = await t.ctx.db.selectFrom('regions').select('code').where('name', '=', '六组').executeTakeFirst();
    expect(group).toBeUndefined();
    expect(await t.ctx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()).toEqual(head);
  });

  it('stays one chain when a transaction rolls back after appending and when another process appends in between', async () => {
    const rc = { actor: null, ip: null, requestId: 'chain-test' };
    const failed = t.ctx.db.transaction().execute(async (tx) => {
      await t.ctx.audit.append(tx, rc, { action: 'test.rolled_back' });
      throw new Error('the business write failed');
    });
    await expect(failed).rejects.toThrow('the business write failed');
    // A second writer on the same database (another server process, a CLI) has its own idea of the head.
    const otherProcess = new AuditLog(t.ctx.keys.audit, t.ctx.clock);
    await otherProcess.record(t.ctx.db, rc, { action: 'test.other_process' });
    await t.ctx.audit.record(t.ctx.db, rc, { action: 'test.after_both' });
    await t.ctx.audit.record(t.ctx.db, rc, { action: 'test.fast_path' });
    const rows = await entries();
    expect(rows.slice(-3).map((r) => [Number(r.seq), r.action])).toEqual([
      [7, 'test.other_process'],
      [8, 'test.after_both'],
      [9, 'test.fast_path'],
    ]);
    expect(await verify()).toEqual({ ok: true, checked: 9 });
  });

  it('chains concurrent writes without gaps, and keeps no entry of a write that failed among them', async () => {
    const client = await t.login('wq.official');
    const names = Array.from({ length: 20 }, (_, i) => `并发${i}组`);
    // The same name twice: one of the pair is refused (400, name taken) while the others are written alongside it.
    const results = await Promise.all(
      [...names, names[3] ?? ''].map((name) => client.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(20);
    expect(results.filter((r) => r.statusCode === 400)).toHaveLength(1);
    const rows = await entries();
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.action === 'region.group_create')).toHaveLength(5 + 20);
    expect(await verify()).toEqual({ ok: true, checked: rows.length });
  });
});
