import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../core/db/migrate.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';

const MIGRATION = '015-mediation-stats-by-level';

const caseBody = (caseType: string, registeredOn: string) => ({
  regionCode: PLACES.qujia,
  source: 'initiative',
  caseType,
  description: '邻里因排水沟堵塞发生争执',
  peopleCount: 2,
  riskLevel: 'low',
  registeredOn,
  parties: [
    { kind: 'person', role: 'applicant', name: '张三' },
    { kind: 'person', role: 'respondent', name: '李四' },
  ],
});

describe('mediation migrations: statistics keyed by level (015)', () => {
  let t: TestApp;
  let county: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'jy.med', regionCode: PLACES.jingyang, roles: ['official'] });
    county = await t.login('jy.med');
  });
  afterAll(() => t.close());

  const register = async (caseType: string, registeredOn: string) => {
    const res = await county.request('POST', '/api/mediation/cases', caseBody(caseType, registeredOn));
    expect(res.statusCode, res.body).toBe(201);
  };
  const statsOf = async (regionCode: string) =>
    (await county.request('GET', `/api/mediation/stats?year=2026&regionCode=${regionCode}`)).json<{ totals: { registered: number } }>();
  const places = [PLACES.jingyang, PLACES.wangqiao, PLACES.qujia];

  it('keeps every figure, and later cases add to the same rows', async () => {
    await register('neighbour', '2026-01-02');
    await register('neighbour', '2026-01-04');
    await register('land_contract', '2026-01-03');
    const before = await Promise.all(places.map(statsOf));
    expect(before.map((s) => s.totals.registered)).toEqual([3, 3, 3]);

    // The table as migration 010 made it (primary key without the level, and a level index), with today's rows.
    const { rows } = await sql<Record<string, unknown>>`select * from mediation_stats`.execute(t.ctx.db);
    await t.ctx.db.schema.dropTable('mediation_stats').execute();
    await sql`create table mediation_stats (region_code varchar(15) not null, level varchar(10) not null, month varchar(7) not null, case_type varchar(20) not null,
      registered integer not null default 0, success integer not null default 0, failed integer not null default 0, closed integer not null default 0,
      performed integer not null default 0, partly integer not null default 0, not_performed integer not null default 0, overdue_concluded integer not null default 0,
      duration_days integer not null default 0, constraint mediation_stats_pk primary key (region_code, month, case_type))`.execute(
      t.ctx.db,
    );
    await t.ctx.db.schema.createIndex('mediation_stats_level').on('mediation_stats').columns(['level', 'region_code', 'month']).execute();
    await t.ctx.db
      .insertInto('mediation_stats')
      .values(rows as never[])
      .execute();
    await sql`delete from kysely_migration where name = ${MIGRATION}`.execute(t.ctx.db);

    expect(await migrateToLatest(t.ctx.db, t.ctx.modules)).toEqual([MIGRATION]);

    expect(await Promise.all(places.map(statsOf))).toEqual(before);
    await register('neighbour', '2026-01-05');
    expect((await Promise.all(places.map(statsOf))).map((s) => s.totals.registered)).toEqual([4, 4, 4]);
    const village = await t.ctx.db
      .selectFrom('mediation_stats')
      .select(['month', 'case_type', 'registered'])
      .where('region_code', '=', PLACES.qujia)
      .orderBy('case_type')
      .execute();
    expect(village).toEqual([
      { month: '2026-01', case_type: 'land_contract', registered: 1 },
      { month: '2026-01', case_type: 'neighbour', registered: 3 },
    ]);
  });
});
