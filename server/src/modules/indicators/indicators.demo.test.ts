import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTIES } from '../../demo/demo-accounts.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { importDivisions } from '../regions/regions.facade.ts';
import { seedIndicatorsDemo } from './indicators.demo.ts';

describe('indicators demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await importDivisions(t.ctx, t.ctx.clock.now().toISOString(), { only: DEMO_COUNTIES });
  });
  afterAll(() => t.close());

  it('fills three quarters for both counties, leaves 屈家村’s latest form open, allocates the pool, and runs only once', async () => {
    await seedIndicatorsDemo(t.ctx);
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('indicator_reports')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const first = await count();
    await seedIndicatorsDemo(t.ctx);
    expect(await count()).toBe(first);
    const periods = await t.ctx.db.selectFrom('indicator_reports').select('period').distinct().orderBy('period').execute();
    expect(periods.map((p) => p.period)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    const qujia = await t.ctx.db.selectFrom('indicator_reports').select('period').where('unit_code', '=', '610423104209').execute();
    expect(qujia.map((r) => r.period).sort()).toEqual(['2025-Q2', '2025-Q3']);
    for (const county of ['610423', '340321']) {
      const reports = await t.ctx.db
        .selectFrom('indicator_reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('period', '=', '2025-Q4')
        .where('unit_code', 'like', `${county}%`)
        .executeTakeFirstOrThrow();
      const rolled = await t.ctx.db
        .selectFrom('indicator_rollups')
        .select('num')
        .where('region_code', '=', county)
        .where('indicator_code', '=', 'report.submitted')
        .where('period', '=', '2025-Q4')
        .executeTakeFirstOrThrow();
      expect(Number(rolled.num)).toBe(Number(reports.n));
    }
    const units = await t.ctx.db.selectFrom('assessment_units').select(['allocation_fen']).execute();
    expect(units.length).toBeGreaterThan(5);
    const round = await t.ctx.db.selectFrom('assessment_rounds').select('pool_fen').executeTakeFirstOrThrow();
    expect(units.reduce((a, u) => a + Number(u.allocation_fen ?? 0), 0)).toBe(Number(round.pool_fen));
  });
});
