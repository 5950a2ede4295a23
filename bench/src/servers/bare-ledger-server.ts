/**
 * The bare baseline of a ledger entry (issue 3 "Speed"): plain Fastify (no plugins, no hooks, no
 * logger). POST /api/legal/services validates the same body with the same zod schema, then inserts
 * one row with a better-sqlite3 prepared statement into a table identical to `legal_services`, in a
 * WAL database with the platform's `synchronous` setting. Prints `BENCH_READY {port}`.
 */
import crypto from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { serviceCreateSchema } from '@rg/domain/legal/service.schema';
import { serveForBench } from './serve.ts';

async function main(): Promise<void> {
  const db = new SQLite(process.env.BENCH_BARE_DB ?? '');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  // The copied table keeps its REFERENCES clauses; the bare side has no parent tables to check.
  db.pragma('foreign_keys = OFF');
  db.exec(process.env.BENCH_LEDGER_DDL ?? '');
  const insert = db.prepare(
    `insert into legal_services (id, village_code, advisor_id, service_window, service_type, subject_kind, subject_name, served_at, content, result, duration_minutes, attendance, status, review_comment, created_by, created_at, updated_at, version)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', null, 'bare', ?, ?, 1)`,
  );
  const advisorId = process.env.BENCH_ADVISOR_ID ?? '';

  const app = Fastify({ logger: false });
  app.post('/api/legal/services', async (request, reply) => {
    const parsed = serviceCreateSchema.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: { code: 'validation', message: '输入有误' } });
    const body = parsed.data;
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    insert.run(
      id,
      body.villageCode,
      advisorId,
      body.window,
      body.serviceType,
      body.subjectKind,
      body.subjectName ?? null,
      body.servedAt,
      body.content,
      body.result,
      body.durationMinutes,
      body.attendance ?? null,
      now,
      now,
    );
    return reply.status(201).send({ id, ...body, advisorId, status: 'submitted', version: 1, createdAt: now });
  });
  await serveForBench(app, () => void db.close());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
