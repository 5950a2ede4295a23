import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_TYPES } from '@rg/domain/mediation/case.schema';
import { CASE_STATUSES } from '@rg/domain/mediation/case-workflow';
import { FakeClock } from '../../core/clock.ts';
import { seedDemo } from '../../demo/demo-seed.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { importDivisions } from '../regions/regions.import.ts';
import { chinaToday } from './mediation.cases.ts';
import { DEMO_COUNTIES, DEMO_PASSWORD } from '../../demo/demo-accounts.ts';

/** The demo counties get a year of mediation work, once; the figures the console shows follow from it. */
describe('mediation demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    (t.clock as FakeClock).advance(320 * 86_400_000); // late November
    // The test app holds only the seed's named places; the demo runs on the counties' full divisions.
    await importDivisions(t.ctx, t.clock.now().toISOString(), { only: DEMO_COUNTIES });
    await seedDemo(t.ctx);
  }, 120_000);
  afterAll(() => t.close());

  it('covers every case type and state in both counties, idempotently', async () => {
    for (const county of ['610423', '340321']) {
      const rows = await t.ctx.db
        .selectFrom('mediation_cases')
        .select(['case_type', 'status'])
        .where('region_code', 'like', `${county}%`)
        .execute();
      expect(new Set(rows.map((r) => r.case_type))).toEqual(new Set(CASE_TYPES));
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(CASE_STATUSES));
    }
    // Nothing in the demo happens after today: no agreement, visit or closing dated in the future.
    const today = chinaToday(t.clock.now());
    const future = await t.ctx.db
      .selectFrom('mediation_cases')
      .select('case_no')
      .where((eb) => eb.or([eb('concluded_on', '>', today), eb('visited_on', '>', today), eb('closed_on', '>', today)]))
      .execute();
    expect(future).toEqual([]);
    const before = await t.ctx.db
      .selectFrom('mediation_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await seedDemo(t.ctx);
    const after = await t.ctx.db
      .selectFrom('mediation_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('leaves some towns short of full-time mediators and shows 屈家村’s 民转刑 risk to 王桥镇', async () => {
    const official = await t.login('wq.official', DEMO_PASSWORD);
    const county = await t.login('jy.official', DEMO_PASSWORD);
    const countyStaffing = (await county.request('GET', '/api/mediation/staffing')).json();
    expect(countyStaffing.towns.short).toBeGreaterThan(0);
    expect(countyStaffing.towns.compliant).toBeGreaterThan(0);
    expect(countyStaffing.villages.short).toBeGreaterThan(0);
    const todos = (await official.request('GET', '/api/todos')).json().items;
    expect(todos.find((i: { kind: string }) => i.kind === 'mediation.criminalRisk')?.count).toBeGreaterThanOrEqual(1);
    const stats = (await county.request('GET', `/api/mediation/stats?year=${t.clock.now().getUTCFullYear()}`)).json();
    const total = await t.ctx.db
      .selectFrom('mediation_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_code', 'like', '610423%')
      .executeTakeFirstOrThrow();
    expect(stats.totals.registered).toBe(Number(total.n));
    expect(stats.children.reduce((n: number, c: { registered: number }) => n + c.registered, 0)).toBe(Number(total.n));
    const mediator = await t.login('qj.mediator', DEMO_PASSWORD);
    expect((await mediator.request('GET', '/api/mediation/cases')).json().total).toBeGreaterThan(0);
    // A registration after the demo continues the village's numbering instead of colliding with it.
    const today = t.clock.now().toISOString().slice(0, 10);
    const res = await official.request('POST', '/api/mediation/cases', {
      regionCode: '610423104209',
      source: 'initiative',
      caseType: 'neighbour',
      description: '演示后新登记',
      peopleCount: 2,
      riskLevel: 'low',
      registeredOn: today,
      parties: [
        { kind: 'person', role: 'applicant', name: '甲' },
        { kind: 'person', role: 'respondent', name: '乙' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
