import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardDto } from '@rg/domain/indicators/indicators.schema';
import { periodOf } from '@rg/domain/indicators/period';
import type { LegalDashboardDto } from '@rg/domain/legal/service.schema';
import type { StatsDto } from '@rg/domain/mediation/stats.schema';
import { codeLength } from '@rg/domain/regions/region-code';
import { chinaDate } from '@rg/domain/time/china-time';
import { withinScope } from '../core/db/scope.ts';
import { importDivisions } from '../modules/regions/regions.import.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { DEMO_COUNTIES, DEMO_PASSWORD } from './demo-accounts.ts';
import { seedDemo } from './demo-seed.ts';

/** A day late in the demo year, so the seeded ledger and cases span five quarters and most cases are concluded. */
const DEMO_TODAY = Date.parse('2026-12-04T08:00:00Z');

/** The legal demo ledger covers 泾阳县 only; the mediation demo both counties. */
const COUNTIES = [
  { code: '610423', name: '泾阳县', official: 'jy.official', ledger: true },
  { code: '340321', name: '怀远县', official: 'hy.official', ledger: false },
];

/**
 * What the operational tables hold for one region and quarter. Services count by the day they were
 * given; cases by the quarter they were registered in, as the mediation statistics count them, and so
 * does 调解成功率 (mediation.feeds.ts): the cases concluded with an agreement over all concluded ones.
 */
interface Truth {
  legalServices: number;
  mediationCases: number;
  mediationConcluded: number;
  mediationSuccesses: number;
}

const zero = (): Truth => ({ legalServices: 0, mediationCases: 0, mediationConcluded: 0, mediationSuccesses: 0 });
const total = <T>(rows: readonly T[], of: (row: T) => number) => rows.reduce((sum, row) => sum + of(row), 0);

/**
 * ISSUE 14 Deliver 3: one truth between the scorecard and the module pages. For each demo county and
 * every quarter its seeded records fall in, the figures are counted straight from the operational
 * tables and must equal the indicators scorecard (the county and each of its towns), the legal
 * dashboard and the mediation statistics.
 */
describe('indicator integrity of the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.advance(DEMO_TODAY - t.clock.now().getTime());
    // The test places hold a few villages of each county; the demo is seeded over all of them, as at a start.
    await importDivisions(t.ctx, t.ctx.clock.now().toISOString(), { only: DEMO_COUNTIES });
    await seedDemo(t.ctx);
    // A second start adds nothing: a record published twice would show twice on the scorecard below.
    await seedDemo(t.ctx);
  }, 300_000);
  afterAll(() => t.close());

  /** The county's and each town's figures per quarter, from the ledger and the case table. */
  async function truthOf(county: string): Promise<{ periods: string[]; at: (region: string, period: string) => Truth }> {
    const tally = new Map<string, Truth>();
    const periods = new Set<string>();
    const add = (place: string, period: string, count: (truth: Truth) => void) => {
      periods.add(period);
      const town = place.length >= codeLength('town') ? [place.slice(0, codeLength('town'))] : [];
      for (const region of [county, ...town]) {
        const truth = tally.get(`${region}|${period}`) ?? zero();
        count(truth);
        tally.set(`${region}|${period}`, truth);
      }
    };
    const services = await t.ctx.db
      .selectFrom('legal_services')
      .select(['village_code', 'served_at'])
      .where((eb) => withinScope(eb, 'village_code', county))
      .execute();
    for (const s of services) add(s.village_code, periodOf(chinaDate(s.served_at)), (truth) => (truth.legalServices += 1));
    const cases = await t.ctx.db
      .selectFrom('mediation_cases')
      .select(['region_code', 'registered_on', 'outcome'])
      .where((eb) => withinScope(eb, 'region_code', county))
      .execute();
    for (const c of cases) {
      add(c.region_code, periodOf(c.registered_on), (truth) => {
        truth.mediationCases += 1;
        if (c.outcome !== null) truth.mediationConcluded += 1;
        if (c.outcome === 'agreement') truth.mediationSuccesses += 1;
      });
    }
    return { periods: [...periods].sort(), at: (region, period) => tally.get(`${region}|${period}`) ?? zero() };
  }

  async function get<T>(client: TestClient, url: string): Promise<T> {
    const res = await client.request('GET', url);
    expect(res.statusCode, url).toBe(200);
    return res.json<T>();
  }

  for (const county of COUNTIES) {
    it(`${county.name}: the scorecard, the legal dashboard and the mediation statistics count what the tables hold, every quarter`, async () => {
      const truth = await truthOf(county.code);
      const all = truth.periods.map((p) => truth.at(county.code, p));
      // Not a comparison of nothing with nothing.
      expect(total(all, (p) => p.mediationCases) > 0 && total(all, (p) => p.mediationSuccesses) > 0).toBe(true);
      expect(total(all, (p) => p.legalServices) > 0).toBe(county.ledger);

      const client = await t.login(county.official, DEMO_PASSWORD);
      const years = [...new Set(truth.periods.map((p) => p.slice(0, 4)))];
      const dashboards = await Promise.all(
        years.map((year) => get<LegalDashboardDto>(client, `/api/legal/dashboard?regionCode=${county.code}&year=${year}`)),
      );
      const statistics = await Promise.all(
        years.map((year) => get<StatsDto>(client, `/api/mediation/stats?regionCode=${county.code}&year=${year}`)),
      );
      const inPeriod = (period: string) => (row: { month: string }) => periodOf(`${row.month}-01`) === period;
      for (const period of truth.periods) {
        const card = await get<ScorecardDto>(client, `/api/indicators/scorecard?regionCode=${county.code}&period=${period}`);
        const indicator = (code: string) => card.indicators.find((i) => i.code === code);
        const ledgerMonths = dashboards.flatMap((d) => d.byMonth).filter(inPeriod(period));
        const caseMonths = statistics.flatMap((s) => s.byMonth).filter(inPeriod(period));
        const { legalServices, mediationCases, mediationConcluded, mediationSuccesses } = truth.at(county.code, period);
        expect(
          {
            scorecard: {
              legalServices: indicator('legal.services')?.num,
              mediationCases: indicator('mediation.cases')?.num,
              mediationConcluded: indicator('mediation.success_rate')?.den,
              mediationSuccesses: indicator('mediation.success_rate')?.num,
            },
            // A town with nothing counted shows no value: that is zero.
            towns: card.children.map((c) => ({
              town: `${c.code} ${c.name}`,
              legalServices: c.values['legal.services'] ?? 0,
              mediationCases: c.values['mediation.cases'] ?? 0,
            })),
            legalDashboard: { legalServices: total(ledgerMonths, (m) => m.count) },
            mediationStatistics: {
              mediationCases: total(caseMonths, (m) => m.registered),
              mediationConcluded: total(caseMonths, (m) => m.success + m.failed),
              mediationSuccesses: total(caseMonths, (m) => m.success),
            },
          },
          `${county.name} ${period}`,
        ).toEqual({
          scorecard: { legalServices, mediationCases, mediationConcluded, mediationSuccesses },
          towns: card.children.map((c) => ({
            town: `${c.code} ${c.name}`,
            legalServices: truth.at(c.code, period).legalServices,
            mediationCases: truth.at(c.code, period).mediationCases,
          })),
          legalDashboard: { legalServices },
          mediationStatistics: { mediationCases, mediationConcluded, mediationSuccesses },
        });
      }
    });
  }
});
