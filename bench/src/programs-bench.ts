/**
 * ISSUE 5: the review chain under a national batch's load. On a fresh temporary SQLite database with
 * the seed's places plus 120 generated counties in 安徽 (34), it creates the national programme
 * (county units, province → nation, quota per province), 120 complete submitted applications, then
 * times: the province reviewer's "awaiting me" list, each province approval with its quota check
 * (the first 100 pass, the rest answer 409), the nation's list, and the designations of the province.
 * Run: `npx tsx bench/src/programs-bench.ts`.
 */
import crypto from 'node:crypto';
import { PLAN_SECTIONS } from '@rg/domain/programs/catalog';
import type { Permission } from '@rg/domain/access/roles';
import type { Actor, RequestContext } from '../../server/src/core/access/actor.ts';
import { createContext } from '../../server/src/core/bootstrap.ts';
import { FakeClock } from '../../server/src/core/clock.ts';
import { deriveKeys } from '../../server/src/core/crypto/keys.ts';
import { MODULES } from '../../server/src/modules/index.ts';
import { storeDivisionRows } from '../../server/src/modules/regions/regions.import.ts';
import { ApplicationDrafts } from '../../server/src/modules/programs/application-drafts.service.ts';
import { ApplicationReads } from '../../server/src/modules/programs/application-reads.service.ts';
import { ApplicationReview } from '../../server/src/modules/programs/application-review.service.ts';
import { ApplicationSubmission } from '../../server/src/modules/programs/application-submission.service.ts';
import { DesignationsService } from '../../server/src/modules/programs/designations.service.ts';
import { ProgramQuotas } from '../../server/src/modules/programs/program-quotas.service.ts';
import { ProgramsService } from '../../server/src/modules/programs/programs.service.ts';
import { buildRegionRow, seedPlaces } from '../../server/src/testing/factories.ts';
import { createTestDatabase } from '../../server/src/testing/test-db.ts';

export interface ProgramsFigures {
  applications: number;
  quota: number;
  approved: number;
  refusedOverQuota: number;
  awaitingList: { p50Ms: number; p95Ms: number };
  approve: { p50Ms: number; p95Ms: number };
  nationList: { p50Ms: number; p95Ms: number };
  designations: { p50Ms: number; p95Ms: number };
}

const COUNTIES = 120;
const QUOTA = 100;

function percentiles(times: number[]): { p50Ms: number; p95Ms: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

async function timed(samples: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

function context(
  ctx: { permissions: { union(roles: readonly ('official' | 'leader')[]): Set<Permission> } },
  role: 'official' | 'leader',
  region: string,
): RequestContext {
  const actor: Actor = {
    userId: crypto.randomUUID(),
    username: `bench.${role}.${region}`,
    displayName: 'bench',
    roles: [role],
    homeRegion: region,
    scope: region,
    permissions: ctx.permissions.union([role]),
    mustChangePassword: false,
  };
  return { actor, ip: null, requestId: 'bench' };
}

export async function benchPrograms(): Promise<ProgramsFigures> {
  const database = await createTestDatabase();
  const { ctx, connection } = await createContext(database.config, MODULES, {
    clock: new FakeClock(),
    keys: deriveKeys(Buffer.alloc(32, 7)),
  });
  try {
    await seedPlaces(ctx);
    // Counties 3404xx…: codes unused by the seed's places, all inside 安徽省.
    const counties = Array.from(
      { length: COUNTIES },
      (_, i) => `34${String(40 + Math.floor(i / 90)).padStart(2, '0')}${String(10 + (i % 90)).padStart(2, '0')}`,
    );
    const cities = [...new Set(counties.map((c) => c.slice(0, 4)))];
    await storeDivisionRows(
      ctx,
      [...cities.map((c) => buildRegionRow(c, `基准市${c}`)), ...counties.map((c) => buildRegionRow(c, `基准县${c}`))],
      ctx.clock.now().toISOString(),
    );
    const nation = context(ctx, 'official', '00');
    const programs = new ProgramsService(ctx);
    const program = await programs.create(nation, {
      organiserRegion: '00',
      name: '基准试点',
      batch: '首批',
      unitLevel: 'county',
      contentAreas: ['governance_system'],
      customContentAreas: [],
      cycleStart: '2026-01-01',
      cycleEnd: '2028-12-31',
      conditions: [{ text: '条件', evidenceRequired: false }],
      requiredAttachments: [],
      reviewChain: ['province', 'nation'],
      quotaLevel: 'province',
      milestones: [],
    });
    await new ProgramQuotas(ctx).put(nation, program.id, [{ regionCode: '34', maxUnits: QUOTA, suggested: QUOTA }]);
    const drafts = new ApplicationDrafts(ctx);
    const submission = new ApplicationSubmission(ctx);
    const reads = new ApplicationReads(ctx);
    const review = new ApplicationReview(ctx);
    const sections = Object.fromEntries(PLAN_SECTIONS.map((s) => [s, `<p>${s} 内容</p>`]));
    const ids: string[] = [];
    for (const county of counties) {
      const rc = context(ctx, 'official', county);
      const created = await drafts.create(rc, program.id, county);
      await drafts.save(rc, created.id, {
        version: created.version,
        contentAreas: ['governance_system'],
        sections,
        conditionAnswers: [{ key: 'c1', answer: '具备' }],
      });
      await submission.submit(rc, created.id);
      ids.push(created.id);
    }
    const province = context(ctx, 'leader', '34');
    const awaitingList = await timed(30, () => reads.list(province, { awaitingMe: 'true' }));
    let approved = 0;
    let refused = 0;
    const approveTimes: number[] = [];
    for (const id of ids) {
      const t0 = performance.now();
      try {
        await review.review(province, id, { decision: 'approve', comment: '' });
        approved += 1;
      } catch {
        refused += 1;
      }
      approveTimes.push(performance.now() - t0);
    }
    const nationLeader = context(ctx, 'leader', '00');
    const nationList = await timed(30, () => reads.list(nationLeader, { awaitingMe: 'true' }));
    for (const id of ids.slice(0, approved)) await review.review(nationLeader, id, { decision: 'approve', comment: '' });
    const designations = await timed(30, () => new DesignationsService(ctx).list(province, '34', undefined));
    return {
      applications: ids.length,
      quota: QUOTA,
      approved,
      refusedOverQuota: refused,
      awaitingList: percentiles(awaitingList),
      approve: percentiles(approveTimes),
      nationList: percentiles(nationList),
      designations: percentiles(designations),
    };
  } finally {
    await connection.close();
    await database.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchPrograms(), null, 2));
}
