import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';
import { verifyAuditChain } from '../audit/audit-verify.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { connect } from './connect.ts';

describe('backup during writes and the restore drill (SECURITY.md 28)', () => {
  let t: TestApp;
  let target: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-backup-'));
  beforeAll(async () => {
    t = await createTestApp();
    target = await createTestDatabase();
    for (let i = 1; i <= 4; i += 1) await buildVillage(t.ctx, { code: `${PLACES.wangqiao}30${i}` });
    await buildUser(t.ctx, { username: 'wq.backup', regionCode: PLACES.wangqiao, roles: ['official'] });
  });
  afterAll(async () => {
    await t.close();
    await target.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup taken while groups were being created into a consistent, verifiable database', async () => {
    const client = await t.login('wq.backup');
    const villages = [1, 2, 3, 4].map((i) => `${PLACES.wangqiao}30${i}`);
    let written = 0;
    let stop = false;
    const writer = async (village: string) => {
      for (let n = 0; !stop && n < 200; n += 1) {
        const res = await client.request('POST', `/api/regions/${village}/groups`, {
          name: `组${n}-${crypto.randomBytes(2).toString('hex')}`,
        });
        expect(res.statusCode).toBe(201);
        written += 1;
      }
    };
    const writers = villages.map(writer);
    while (written < 20) await new Promise((r) => setTimeout(r, 5));
    const file = path.join(dir, t.ctx.dialect === 'sqlite' ? 'backup.db' : 'backup.dump');
    const manifest = await backupDatabase(t.ctx, t.ctx.config.databaseUrl, file, t.ctx.keys);
    stop = true;
    await Promise.all(writers);

    await restoreDatabase(
      file,
      target.config.databaseUrl ? { databaseUrl: target.config.databaseUrl } : { sqliteFile: target.config.sqliteFile },
    );
    const restored = await connect(target.config);
    try {
      if (restored.dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(restored.db);
        expect(check.rows[0]?.integrity_check).toBe('ok');
      }
      const groups = await restored.db
        .selectFrom('regions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('level', '=', 'group')
        .executeTakeFirstOrThrow();
      const entries = await restored.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'region.group_create')
        .executeTakeFirstOrThrow();
      // The snapshot holds some, not all, of the writes, and every one with its audit entry.
      expect(Number(groups.n)).toBeGreaterThanOrEqual(20);
      expect(Number(groups.n)).toBeLessThanOrEqual(written);
      expect(Number(entries.n)).toBe(Number(groups.n));
      expect((await verifyAuditChain(restored.db, t.ctx.keys.audit)).ok).toBe(true);
      // The manifest names the head the backup holds, exactly, though writes went on during the backup.
      const head = await restored.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      expect(manifest).toMatchObject({ keyFingerprint: t.ctx.keys.fingerprint, auditEntries: Number(head.seq), auditHead: head.hash });
    } finally {
      await restored.close();
    }
  });
});
