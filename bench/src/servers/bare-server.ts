/**
 * The bare baselines, in their own process: plain Fastify (no plugins, no hooks, no logger).
 * - GET  /api/regions/:code/children returns the JSON the real route answered, held in memory.
 * - POST /api/regions/:code/groups validates the same body with the same zod schema, then inserts one
 *   row with a better-sqlite3 prepared statement into a table identical to `regions`, in a WAL
 *   database with the same `synchronous` setting as the platform (one autocommit = one durable commit).
 * Prints `BENCH_READY {port, synchronous}`.
 */
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { regionCodeSchema, villagerGroupCreateSchema } from '@rg/domain/regions/region.schema';
import { serveForBench } from './serve.ts';

export interface BareServerReady {
  port: number;
  synchronous: string;
  journalMode: string;
}

async function main(): Promise<void> {
  const childrenJson = fs.readFileSync(process.env.BENCH_CHILDREN_FILE ?? '', 'utf8');
  const children = JSON.parse(childrenJson) as unknown;
  const dbFile = process.env.BENCH_BARE_DB ?? '';
  const ddl = JSON.parse(process.env.BENCH_REGIONS_DDL ?? '[]') as string[];
  const synchronous = process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';

  const db = new SQLite(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  for (const statement of ddl) db.exec(statement);
  const insert = db.prepare(
    `insert into regions (code, parent_code, level, official_name, name, kind, is_poor, population, households, is_local, updated_at)
     values (?, ?, 'group', ?, ?, null, 0, null, null, 1, ?)`,
  );
  const counters = new Map<string, number>();

  const app = Fastify({ logger: false });
  app.get<{ Params: { code: string } }>('/api/regions/:code/children', async () => children);
  app.post<{ Params: { code: string } }>('/api/regions/:code/groups', async (request, reply) => {
    const code = regionCodeSchema.safeParse(request.params.code);
    const body = villagerGroupCreateSchema.safeParse(request.body);
    if (!code.success || !body.success) return reply.status(400).send({ error: { code: 'validation', message: '输入有误' } });
    const next = (counters.get(code.data) ?? 0) + 1;
    counters.set(code.data, next);
    const groupCode = `${code.data}${String(next).padStart(3, '0')}`;
    insert.run(groupCode, code.data, body.data.name, body.data.name, new Date().toISOString());
    return reply.status(201).send({
      code: groupCode,
      name: body.data.name,
      officialName: body.data.name,
      level: 'group',
      parentCode: code.data,
      kind: null,
      isPoor: false,
      population: null,
      households: null,
      hasChildren: false,
    });
  });
  await serveForBench(app, () => void db.close(), {
    synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(db.pragma('synchronous', { simple: true }))] ?? 'unknown',
    journalMode: String(db.pragma('journal_mode', { simple: true })),
  } satisfies Omit<BareServerReady, 'port'>);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
