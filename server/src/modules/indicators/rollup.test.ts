import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';
import type { ScorecardDto } from '@rg/domain/indicators/indicators.schema';
import type { DomainEvent } from '../../core/events/event-bus.ts';

const PERIOD = '2025-Q4';
const WQ = [201, 202, 203, 204].map((n) => `${PLACES.wangqiao}${n}`);
const AW = [201, 202].map((n) => `${PLACES.anwu}${n}`);

/** A small deterministic generator, so the figures differ per village without being typed in. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('roll-up arithmetic: each village once at every level, moves included', () => {
  let t: TestApp;
  let county: TestClient;
  let nation: TestClient;
  const submitted = new Map<string, { households: number; safe: number; sixNone: number }>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const code of [...WQ, ...AW]) await buildVillage(t.ctx, { code });
    await buildUser(t.ctx, { username: 'jy.official', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'nation.official', regionCode: '00', roles: ['official'] });
    county = await t.login('jy.official');
    nation = await t.login('nation.official');
    const random = lcg(7);
    for (const code of [PLACES.qujia, PLACES.wangjia, PLACES.xinyuan, ...WQ, ...AW]) {
      const households = 100 + Math.floor(random() * 400);
      const safe = Math.floor(households * (0.8 + random() * 0.2));
      const sixNone = random() < 0.6 ? 1 : 0;
      const res = await county.request('PUT', '/api/indicators/reports', {
        unitCode: code,
        period: PERIOD,
        sixNone: sixNone === 1,
        households,
        safeFamilies: safe,
        centreStandardized: true,
        policeOnCommittee: true,
      });
      expect(res.statusCode, res.body).toBe(200);
      submitted.set(code, { households, safe, sixNone });
    }
  });
  afterAll(() => t.close());

  /** What each region should hold: the sum over the villages whose parent chain passes through it. */
  async function expectedSums(): Promise<Map<string, { households: number; safe: number; sixNone: number; villages: number }>> {
    const regions = await t.ctx.db.selectFrom('regions').select(['code', 'parent_code']).execute();
    const parent = new Map(regions.map((r) => [r.code, r.parent_code]));
    const sums = new Map<string, { households: number; safe: number; sixNone: number; villages: number }>();
    for (const [village, v] of submitted) {
      for (let code: string | null | undefined = village; code; code = parent.get(code)) {
        const cur = sums.get(code) ?? { households: 0, safe: 0, sixNone: 0, villages: 0 };
        sums.set(code, {
          households: cur.households + v.households,
          safe: cur.safe + v.safe,
          sixNone: cur.sixNone + v.sixNone,
          villages: cur.villages + 1,
        });
      }
    }
    return sums;
  }

  async function assertRollupMatches(): Promise<void> {
    const expected = await expectedSums();
    const rows = await t.ctx.db
      .selectFrom('indicator_rollups')
      .select(['region_code', 'indicator_code', 'num', 'den'])
      .where('period', '=', PERIOD)
      .where('indicator_code', 'in', ['safety.safe_families', 'safety.six_none'])
      .execute();
    const actual = new Map<string, { households: number; safe: number; sixNone: number; villages: number }>();
    for (const r of rows) {
      const cur = actual.get(r.region_code) ?? { households: 0, safe: 0, sixNone: 0, villages: 0 };
      if (r.indicator_code === 'safety.safe_families')
        actual.set(r.region_code, { ...cur, households: Number(r.den), safe: Number(r.num) });
      else actual.set(r.region_code, { ...cur, sixNone: Number(r.num), villages: Number(r.den) });
    }
    // Regions a village left keep an all-zero row: compare the non-empty ones.
    const nonEmpty = new Map([...actual].filter(([, v]) => v.villages !== 0 || v.households !== 0));
    expect(Object.fromEntries(nonEmpty)).toEqual(Object.fromEntries(expected));
  }

  it('every level (village, town, county, city, province, nation) holds exactly the sum of its villages', async () => {
    await assertRollupMatches();
    const expected = await expectedSums();
    expect(expected.get('00')?.villages).toBe(submitted.size);
    expect(expected.get(PLACES.wangqiao)?.villages).toBe(WQ.length + 1);
  });

  it('a village moved to another town (same code, new parent) is taken off the old town and put on the new one', async () => {
    const moved = WQ[0] ?? '';
    const townBefore = (
      await t.ctx.db
        .selectFrom('indicator_rollups')
        .select('den')
        .where('region_code', '=', PLACES.wangqiao)
        .where('indicator_code', '=', 'safety.six_none')
        .where('period', '=', PERIOD)
        .executeTakeFirstOrThrow()
    ).den;
    // What a region import does when the national list moves a village: parent_code changes in place.
    await t.ctx.db.updateTable('regions').set({ parent_code: PLACES.anwu }).where('code', '=', moved).execute();
    const res = await nation.request('POST', '/api/indicators/rollup/relocate');
    expect(res.json()).toEqual({ moved: [moved] });
    await assertRollupMatches();
    const townAfter = (
      await t.ctx.db
        .selectFrom('indicator_rollups')
        .select('den')
        .where('region_code', '=', PLACES.wangqiao)
        .where('indicator_code', '=', 'safety.six_none')
        .where('period', '=', PERIOD)
        .executeTakeFirstOrThrow()
    ).den;
    expect(Number(townAfter)).toBe(Number(townBefore) - 1);
    // The new town's scorecard lists it among its villages; running the relocation again moves nothing.
    const card = (await county.request('GET', `/api/indicators/scorecard?regionCode=${PLACES.anwu}&period=${PERIOD}`)).json<ScorecardDto>();
    expect(card.children.map((c) => c.code)).toContain(moved);
    expect((await nation.request('POST', '/api/indicators/rollup/relocate')).json()).toEqual({ moved: [] });
    // Only a national administrator may run it.
    expect((await county.request('POST', '/api/indicators/rollup/relocate')).statusCode).toBe(404);
  });

  it('a moved village that reports before any relocation run is relocated by its own write', async () => {
    const moved = WQ[1] ?? '';
    await t.ctx.db.updateTable('regions').set({ parent_code: PLACES.anwu }).where('code', '=', moved).execute();
    const res = await county.request('PUT', '/api/indicators/reports', {
      unitCode: moved,
      period: '2025-Q3',
      sixNone: true,
      households: 10,
      safeFamilies: 10,
      centreStandardized: false,
      policeOnCommittee: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    await assertRollupMatches();
    const q3 = await t.ctx.db
      .selectFrom('indicator_rollups')
      .select(['region_code', 'num'])
      .where('indicator_code', '=', 'safety.six_none')
      .where('period', '=', '2025-Q3')
      .orderBy('region_code')
      .execute();
    expect(q3.map((r) => r.region_code)).toEqual(['00', PLACES.shaanxi, PLACES.xianyang, PLACES.jingyang, PLACES.anwu, moved].sort());
  });

  it('counts other modules’ events in their transaction; a rolled-back record leaves no trace', async () => {
    const rate = async () =>
      (await county.request('GET', `/api/indicators/scorecard?regionCode=${PLACES.jingyang}&period=${PERIOD}`))
        .json<ScorecardDto>()
        .indicators.find((i) => i.code === 'mediation.success_rate');
    await t.ctx.db.transaction().execute(async (tx) => {
      for (const outcome of ['agreement', 'agreement', 'failed'] as const) {
        await t.ctx.events.publish(tx, {
          type: 'mediation.case_concluded',
          regionCode: PLACES.qujia,
          occurredOn: '2025-11-03',
          payload: { caseType: 'neighbour', outcome, riskLevel: 'low', overdue: false, registeredOn: '2025-10-20' },
        });
      }
    });
    expect(await rate()).toMatchObject({ num: 2, den: 3 });
    await expect(
      t.ctx.db.transaction().execute(async (tx) => {
        await t.ctx.events.publish(tx, {
          type: 'mediation.case_concluded',
          regionCode: PLACES.qujia,
          occurredOn: '2025-11-04',
          payload: { caseType: 'neighbour', outcome: 'agreement', riskLevel: 'low', overdue: false, registeredOn: '2025-11-01' },
        });
        throw new Error('the mediation record failed');
      }),
    ).rejects.toThrow('the mediation record failed');
    expect(await rate()).toMatchObject({ num: 2, den: 3 });
    const facts = await t.ctx.db
      .selectFrom('indicator_facts')
      .select('unit_code')
      .where('indicator_code', '=', 'mediation.success_rate')
      .execute();
    expect(facts).toHaveLength(3);
  });

  it('writers that audit before and after publishing never deadlock on the shared roll-up rows', async () => {
    const rc = { actor: null, ip: null, requestId: 'concurrency' };
    const event = (n: number): DomainEvent<'legal.service_recorded'> => ({
      type: 'legal.service_recorded',
      regionCode: n % 2 === 0 ? PLACES.qujia : PLACES.wangjia,
      occurredOn: '2025-12-01',
      payload: { window: 'onsite', serviceType: 'consultation' },
    });
    // Half publish then audit (as the legal ledger does), half audit then publish (as mediation does).
    const write = (n: number) =>
      t.ctx.db.transaction().execute(async (tx) => {
        if (n % 2 === 0) {
          await t.ctx.events.publish(tx, event(n));
          await t.ctx.audit.append(tx, rc, { action: 'test.publish_first' });
        } else {
          await t.ctx.audit.append(tx, rc, { action: 'test.audit_first' });
          await t.ctx.events.publish(tx, event(n));
        }
      });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, n) => write(n)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const nation = await t.ctx.db
      .selectFrom('indicator_rollups')
      .select('num')
      .where('region_code', '=', '00')
      .where('indicator_code', '=', 'legal.services')
      .where('period', '=', PERIOD)
      .executeTakeFirstOrThrow();
    expect(Number(nation.num)).toBe(40);
  });

  it('a legal service whose date moves to another quarter moves its count with it', async () => {
    const count = async (period: string) =>
      Number(
        (
          await t.ctx.db
            .selectFrom('indicator_rollups')
            .select('num')
            .where('region_code', '=', PLACES.jingyang)
            .where('indicator_code', '=', 'legal.services')
            .where('period', '=', period)
            .executeTakeFirst()
        )?.num ?? 0,
      );
    const q4 = await count('2025-Q4');
    const q1 = await count('2026-Q1');
    await t.ctx.db.transaction().execute((tx) =>
      t.ctx.events.publish(tx, {
        type: 'legal.service_changed',
        regionCode: PLACES.qujia,
        occurredOn: '2026-01-10',
        payload: { window: 'onsite', serviceType: 'consultation', previous: { serviceType: 'consultation', occurredOn: '2025-12-01' } },
      }),
    );
    expect([await count('2025-Q4'), await count('2026-Q1')]).toEqual([q4 - 1, q1 + 1]);
  });
});
