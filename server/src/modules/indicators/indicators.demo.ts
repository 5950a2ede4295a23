import crypto from 'node:crypto';
import { FIVE_ASPECTS_TEMPLATE } from '@rg/domain/indicators/assessment';
import { dueDateOf, periodOf, periodRange, shiftPeriod } from '@rg/domain/indicators/period';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { withinScope } from '../../core/db/scope.ts';
import { AssessmentService } from './indicators.assessment.ts';
import { IndicatorCatalogue } from './indicators.catalogue.ts';
import { contributionsOf } from './report-contributions.ts';
import { RollupEngine } from './rollup.engine.ts';
import { newId } from '../../core/db/ids.ts';

const COUNTIES = [
  { code: '610423', official: 'jy.official' },
  { code: '340321', official: 'hy.official' },
];
const QUJIA = '610423104209';
const PERIODS = 3;

/** A deterministic 0..1 from a text, so a re-seeded demo looks the same. */
function hashUnit(text: string): number {
  return crypto.createHash('sha256').update(text).digest().readUInt32BE(0) / 0xffffffff;
}

function demoActor(ctx: AppContext, username: string, region: string): RequestContext {
  const actor: Actor = {
    userId: 'demo-seed',
    username,
    displayName: '演示数据',
    roles: ['official'],
    homeRegion: region,
    scope: region,
    permissions: ctx.permissions.union(['official']),
    mustChangePassword: false,
  };
  return { actor, ip: null, requestId: 'demo-seed' };
}

/**
 * Demo for 泾阳县 and 怀远县: the 平安乡村 forms of the last three finished quarters (most approved,
 * a few waiting for review; 屈家村 leaves the latest one for the user to fill), and in 泾阳县 a round of
 * the five-aspect assessment over its towns with scores and a 以奖代补 allocation. Skipped per county
 * once it has forms.
 */
export async function seedIndicatorsDemo(ctx: AppContext): Promise<void> {
  const engine = new RollupEngine(ctx.dialect, ctx.counters);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const latest = shiftPeriod(periodOf(today), 1);
  const now = ctx.clock.now().toISOString();
  for (const county of COUNTIES) {
    const existing = await ctx.db
      .selectFrom('indicator_reports')
      .select('id')
      .where((eb) => withinScope(eb, 'unit_code', county.code))
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    const villages = await ctx.db
      .selectFrom('regions')
      .select(['code', 'households'])
      .where('level', '=', 'village')
      .where((eb) => withinScope(eb, 'code', county.code))
      .orderBy('code')
      .execute();
    if (villages.length === 0) continue;
    await ctx.db.transaction().execute(async (tx) => {
      for (let back = PERIODS; back >= 1; back -= 1) {
        const period = shiftPeriod(periodOf(today), back);
        // Things improve quarter by quarter, as a pilot should show.
        const lift = (PERIODS - back) * 0.04;
        for (const v of villages) {
          if (period === latest && v.code === QUJIA) continue;
          const r = (salt: string) => hashUnit(`${v.code}|${period}|${salt}`);
          if (period === latest && r('missing') < 0.08) continue;
          const households = v.households ?? 180 + Math.floor(r('households') * 420);
          const safe = Math.min(households, Math.round(households * (0.9 + lift + r('safe') * 0.08)));
          const status = period === latest && r('status') < 0.3 ? 'submitted' : 'approved';
          const submittedDay = r('late') < 0.1 ? dueDateOf(period).slice(0, 8) + '20' : periodRange(period).to;
          const row = {
            id: newId(),
            unit_code: v.code,
            period,
            status,
            six_none: r('six') < 0.72 + lift ? 1 : 0,
            households,
            safe_families: safe,
            centre_standardized: r('centre') < 0.8 + lift ? 1 : 0,
            police_on_committee: r('police') < 0.88 + lift ? 1 : 0,
            submitted_at: `${submittedDay}T02:00:00.000Z`,
            submitted_by: 'demo',
            on_time: submittedDay <= dueDateOf(period) ? 1 : 0,
            reviewed_at: status === 'approved' ? now : null,
            reviewed_by: status === 'approved' ? county.official : null,
            review_note: null,
            version: 1,
          };
          await tx.insertInto('indicator_reports').values(row).execute();
          await engine.apply(tx, v.code, contributionsOf(row));
        }
      }
    });
  }
  await seedAssessmentDemo(ctx, today);
}

/** 泾阳县: the five-aspect round over its towns, scored by 高波 (jy.inspector), and a 20万元 pool allocated by tiers. */
async function seedAssessmentDemo(ctx: AppContext, today: string): Promise<void> {
  const county = '610423';
  const exists = await ctx.db.selectFrom('assessment_rounds').select('id').where('region_code', '=', county).limit(1).executeTakeFirst();
  if (exists) return;
  const towns = await ctx.db.selectFrom('regions').select('code').where('parent_code', '=', county).orderBy('code').execute();
  if (towns.length === 0) return;
  const service = new AssessmentService(ctx, new IndicatorCatalogue(ctx));
  const official = demoActor(ctx, 'jy.official', county);
  const year = today.slice(0, 4);
  const round = await service.create(official, {
    templateCode: FIVE_ASPECTS_TEMPLATE.code,
    name: `${year}年度“一村一法律顾问”五个到位考核`,
    regionCode: county,
    period: periodOf(today),
    startsOn: `${year}-11-01`,
    endsOn: `${year}-12-20`,
    unitCodes: towns.map((t) => t.code),
    assessors: [],
  });
  const inspector = demoActor(ctx, 'jy.inspector', county);
  for (const town of towns) {
    for (const item of FIVE_ASPECTS_TEMPLATE.items) {
      if (item.rule.kind !== 'manual') continue;
      const share = 0.6 + hashUnit(`${town.code}|${item.code}`) * 0.4;
      await service.score(inspector, round.id, {
        unitCode: town.code,
        itemCode: item.code,
        score: Math.round(item.maxScore * share * 2) / 2,
        evidence: [{ kind: 'document', ref: `/legal?region=${town.code}`, label: `${item.name}检查记录` }],
      });
    }
  }
  await service.autofill(inspector, round.id);
  await service.allocate(official, round.id, {
    poolFen: 20_000_000,
    rule: { kind: 'tiers', weights: { excellent: 3, good: 2, pass: 1, fail: 0 }, capFen: null },
  });
}
