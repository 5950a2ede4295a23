import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../core/db/migrate.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { attach, expectStatus, fullSections, PDF, programBody } from './programs.test-helpers.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('programs migrations: base64 attachments move to the shared attachment store (025)', () => {
  let t: TestApp;
  let county: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'hy.off', regionCode: PLACES.huaiyuan, roles: ['official'] });
    county = await t.login('hy.off');
  });
  afterAll(() => t.close());

  it('keeps every file with its application, kind, name, type and bytes; the application then submits and takes new files', async () => {
    const program = (
      await county.request(
        'POST',
        '/api/programs',
        programBody({ organiserRegion: PLACES.huaiyuan, unitLevel: 'town', reviewChain: ['county'], quotaLevel: null }),
      )
    ).json<{ id: string }>();
    const created = (await county.request('POST', `/api/programs/${program.id}/applications`, { unitCode: PLACES.wanfu })).json<{
      id: string;
      version: number;
    }>();
    await expectStatus(
      await county.request('PUT', `/api/programs/applications/${created.id}`, {
        version: created.version,
        contentAreas: ['consultation'],
        sections: fullSections(),
        conditionAnswers: [
          { key: 'c1', answer: '镇党委专题研究' },
          { key: 'c2', answer: '专人负责' },
        ],
      }),
      200,
    );

    // The table as migration 020 made it, holding files the base64 upload took (Word included).
    await t.ctx.db.schema.dropTable('program_attachments').execute();
    await t.ctx.db.schema
      .createTable('program_attachments')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('program_applications.id'))
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('filename', 'varchar(120)', (c) => c.notNull())
      .addColumn('mime', 'varchar(100)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('content_b64', 'text', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    const docx = Buffer.from('PK\x03\x04word/document.xml');
    const files = [
      { id: '00000000-0000-7000-8000-000000000001', kind: 'evidence:c1', filename: '党委会议纪要.pdf', mime: 'application/pdf', data: PDF },
      { id: '00000000-0000-7000-8000-000000000002', kind: 'required:a1', filename: '试点方案.docx', mime: DOCX, data: docx },
    ];
    for (const [i, f] of files.entries()) {
      await sql`insert into program_attachments (id, application_id, kind, filename, mime, size, sha256, content_b64, created_by, created_at)
        values (${f.id}, ${created.id}, ${f.kind}, ${f.filename}, ${f.mime}, ${f.data.length}, ${'0'.repeat(64)}, ${f.data.toString('base64')}, ${'u1'}, ${`2026-01-0${i + 1}T00:00:00.000Z`})`.execute(
        t.ctx.db,
      );
    }
    await sql`delete from kysely_migration where name = ${'025-program-attachment-store'}`.execute(t.ctx.db);

    expect(await migrateToLatest(t.ctx.db, t.ctx.modules)).toEqual(['025-program-attachment-store']);

    const dto = (await county.request('GET', `/api/programs/applications/${created.id}`)).json<{
      attachments: { id: string; kind: string; fileName: string; contentType: string; size: number; uploadedAt: string }[];
    }>();
    expect(dto.attachments).toEqual(
      files.map((f, i) => ({
        id: f.id,
        kind: f.kind,
        fileName: f.filename,
        contentType: f.mime,
        size: f.data.length,
        uploadedAt: `2026-01-0${i + 1}T00:00:00.000Z`,
      })),
    );
    for (const f of files) {
      const res = await county.request('GET', `/api/programs/applications/${created.id}/attachments/${f.id}`);
      expect(res.headers['content-type']).toBe(f.mime);
      expect(res.rawPayload.equals(f.data)).toBe(true);
    }
    // The moved files count for the submission, and the new store takes the next one.
    await expectStatus(await attach(t, county, created.id, 'other'), 201);
    await expectStatus(await county.request('POST', `/api/programs/applications/${created.id}/submit`), 200);
  });
});
