import { CATALOGUE_AREA_KEYS, DEFAULT_CONDITIONS, PLAN_SECTIONS } from '@rg/domain/programs/catalog';
import type { ProgramCreate } from '@rg/domain/programs/program.schema';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/schema.ts';
import { findUserByUsername } from '../access/access.facade.ts';
import { findRegions } from '../regions/regions.facade.ts';
import * as repo from './applications.repository.ts';
import { insertDesignation } from './designations.repository.ts';
import { ProgramsService } from './programs.service.ts';
import { newId } from '../../core/db/ids.ts';

/**
 * 试点县数量建议表 (P2.3(3) 附件), demo figures: about 100 counties in all, at most 5 per province.
 * Only the provinces imported in demo mode (陕西, 安徽) get a quota row; the rest are skipped.
 */
export const NATIONAL_SUGGESTIONS: Record<string, number> = {
  11: 2,
  12: 2,
  13: 4,
  14: 3,
  15: 3,
  21: 3,
  22: 3,
  23: 4,
  31: 2,
  32: 4,
  33: 4,
  34: 4,
  35: 3,
  36: 4,
  37: 5,
  41: 5,
  42: 4,
  43: 4,
  44: 4,
  45: 3,
  46: 2,
  50: 3,
  51: 5,
  52: 3,
  53: 3,
  54: 2,
  61: 4,
  62: 3,
  63: 2,
  64: 2,
  65: 3,
};

const FULL_PLAN = Object.fromEntries(PLAN_SECTIONS.map((s) => [s, '<p>（演示）见申报单位报送的试点方案原文。</p>'])) as Record<
  string,
  string
>;

const base = (
  overrides: Partial<ProgramCreate> &
    Pick<ProgramCreate, 'organiserRegion' | 'name' | 'batch' | 'unitLevel' | 'cycleStart' | 'cycleEnd' | 'reviewChain'>,
): ProgramCreate => ({
  contentAreas: [...CATALOGUE_AREA_KEYS],
  customContentAreas: [],
  conditions: DEFAULT_CONDITIONS.map((text) => ({ text, evidenceRequired: false })),
  requiredAttachments: [],
  quotaLevel: null,
  milestones: [],
  ...overrides,
});

/** An application already through its review chain, with its designation (demo history). */
async function approvedUnit(
  ctx: AppContext,
  tx: Tx,
  programId: string,
  unitCode: string,
  title: string,
  on: string,
  validUntil: string,
  by: string,
): Promise<void> {
  const id = newId();
  const at = `${on}T02:00:00.000Z`;
  await repo.insertApplication(tx, {
    id,
    program_id: programId,
    unit_code: unitCode,
    status: 'approved',
    step: 0,
    reviewer_region: null,
    quota_region: null,
    content_areas: JSON.stringify(CATALOGUE_AREA_KEYS.slice(0, 4)),
    condition_answers: '[]',
    plan_version: 1,
    submitted_at: at,
    submitted_by: by,
    decided_at: at,
    created_by: by,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  await repo.insertPlanVersion(tx, {
    application_id: id,
    version: 1,
    sections: JSON.stringify(FULL_PLAN),
    created_at: at,
    submitted_at: at,
  });
  const designationId = newId();
  await insertDesignation(tx, {
    id: designationId,
    program_id: programId,
    application_id: id,
    unit_code: unitCode,
    title,
    designated_on: on,
    valid_until: validUntil,
    status: 'active',
    status_reason: null,
    updated_at: at,
  });
  // Published like a live approval, so roll-ups (indicators, legal's pilot villages) count the demo too.
  const program = await tx
    .selectFrom('programs')
    .select(['organiser_region', 'unit_level'])
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  await ctx.events.publish(tx, {
    type: 'programs.designated',
    regionCode: unitCode,
    occurredOn: on,
    payload: { designationId, programId, title, unitLevel: program.unit_level, organiserRegion: program.organiser_region },
  });
}

/** 评分模板 of the demo programmes (plan 3 §四(五): 调研督导、绩效评价、考核验收). */
const DEMO_CRITERIA = [
  { key: 'k1', name: '组织领导与工作机制', weight: 20 },
  { key: 'k2', name: '试点任务完成情况', weight: 40 },
  { key: 'k3', name: '经验做法与示范带动', weight: 25 },
  { key: 'k4', name: '群众满意度', weight: 15 },
];

/** A typical case, published on `publishedOn` or still waiting for review (null). */
async function demoCase(
  tx: Tx,
  unitCode: string,
  programId: string,
  title: string,
  areas: string[],
  summary: string,
  publishedOn: string | null,
  by: string,
): Promise<void> {
  const id = newId();
  const at = `${publishedOn ?? '2021-09-01'}T02:00:00.000Z`;
  await tx
    .insertInto('program_cases')
    .values({
      id,
      unit_code: unitCode,
      program_id: programId,
      title,
      summary,
      body: `<p>${summary}</p><p>（演示数据）</p>`,
      status: publishedOn ? 'published' : 'submitted',
      review_comment: null,
      published_on: publishedOn,
      created_by: by,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await tx
    .insertInto('program_case_areas')
    .values(areas.map((area_key) => ({ case_id: id, area_key })))
    .execute();
}

/** Fictitious names for the demo groups' members. */
const DEMO_NAMES = ['张建华', '李卫国', '王志强', '赵丽萍', '陈国栋', '刘海燕'];

/** A leading group with its members, agencies (roles and duties) and tasks, the first task done. */
async function demoGroup(
  tx: Tx,
  regionCode: string,
  programId: string | null,
  name: string,
  officeName: string,
  director: string,
  members: [string, string][],
  agencies: [string, string, string][],
  tasks: [string, string][],
): Promise<void> {
  const groupId = newId();
  const at = '2020-03-01T02:00:00.000Z';
  await tx
    .insertInto('program_groups')
    .values({
      id: groupId,
      region_code: regionCode,
      program_id: programId,
      name,
      office_name: officeName,
      office_director: director,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const [sort, [position, role]] of members.entries()) {
    await tx
      .insertInto('program_group_members')
      .values({ id: newId(), group_id: groupId, person_name: DEMO_NAMES[sort % DEMO_NAMES.length] ?? '张建华', position, role, sort })
      .execute();
  }
  const agencyIds: string[] = [];
  for (const [agencyName, role, duties] of agencies) {
    const id = newId();
    agencyIds.push(id);
    await tx.insertInto('program_agencies').values({ id, group_id: groupId, name: agencyName, role, duties }).execute();
  }
  for (const [i, [title, due]] of tasks.entries()) {
    await tx
      .insertInto('program_tasks')
      .values({
        id: newId(),
        group_id: groupId,
        title,
        description: '',
        agency_id: agencyIds[0] ?? null,
        assignee_name: null,
        due_date: due,
        status: i === 0 ? 'done' : 'open',
        done_on: i === 0 ? due : null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
  }
}

/**
 * Demo programmes: the national first batch with its quota table (P2.3), Anhui's programme with
 * 怀远县 and 万福镇 on plan 3's timeline (plans due 2020-04-24, evaluations 2021 and 2022H1,
 * acceptance 2023Q1), Anhui's open call for the next year (for trying the review chain), and
 * 泾阳县's legal-advisor pilot with plan 1's milestones. Skipped when any programme exists.
 */
export async function seedProgramsDemo(ctx: AppContext): Promise<void> {
  if (await ctx.db.selectFrom('programs').select('id').limit(1).executeTakeFirst()) return;
  const present = new Set((await findRegions(ctx.db, ['00', '34', '61', '340321', '340321108', '610423'])).map((r) => r.code));
  if (!present.has('00') || !present.has('34') || !present.has('340321')) return;
  // The organiser accounts (nation.official, ah.leader, …) are in demo/demo-accounts.ts.
  const by = (await findUserByUsername(ctx.db, 'nation.official'))?.id ?? 'demo';
  const actor: Actor = {
    userId: by,
    username: 'demo-seed',
    displayName: '演示数据',
    roles: [],
    homeRegion: '00',
    scope: '00',
    permissions: new Set(),
    mustChangePassword: false,
  };
  const rc: RequestContext = { actor, ip: null, requestId: 'demo-seed' };
  const programs = new ProgramsService(ctx);
  const wanfuVillage = await ctx.db
    .selectFrom('regions')
    .select('code')
    .where('parent_code', '=', '340321108')
    .where('level', '=', 'village')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();

  await ctx.db.transaction().execute(async (tx) => {
    const national = newId();
    await programs.insert(
      tx,
      rc,
      actor,
      national,
      base({
        organiserRegion: '00',
        name: '全国乡村治理体系建设试点',
        batch: '首批',
        unitLevel: 'county',
        honourTitle: '全国乡村治理体系建设试点单位',
        description:
          '根据《中共中央 国务院关于坚持农业农村优先发展做好“三农”工作的若干意见》《中共中央办公厅 国务院办公厅关于加强和改进乡村治理的指导意见》的要求，中央农办、农业农村部、中央组织部、中央宣传部、民政部、司法部联合组织开展乡村治理体系建设试点示范工作。\n各省（区、市）参考建议数量，推荐不超过5个县（市、区）为试点单位，对试点方案审核把关后报送农业农村部农村合作经济指导司。',
        cycleStart: '2019-06-01',
        cycleEnd: '2021-12-31',
        reviewChain: ['province', 'nation'],
        quotaLevel: 'province',
        requiredAttachments: ['试点方案（盖章扫描件）'],
        milestones: [
          { name: '省级审核后报送试点单位名单和试点方案', dueDate: '2019-08-10', kind: 'submission', closesSubmission: true },
          { name: '年度总结评估（2020年）', dueDate: '2020-12-31', kind: 'report', closesSubmission: false },
          { name: '提交全面系统的总结报告', dueDate: '2021-12-31', kind: 'acceptance', closesSubmission: false },
        ],
      }),
    );
    const quotas = Object.entries(NATIONAL_SUGGESTIONS).filter(([code]) => present.has(code));
    for (const [code, n] of quotas)
      await tx
        .insertInto('program_quotas')
        .values({ program_id: national, region_code: code, max_units: Math.min(n, 5), suggested: n })
        .execute();

    const anhui = newId();
    await programs.insert(
      tx,
      rc,
      actor,
      anhui,
      base({
        organiserRegion: '34',
        name: '安徽省乡村治理试点示范',
        batch: '2020年',
        unitLevel: 'county',
        honourTitle: '省级乡村治理示范县',
        cycleStart: '2020-01-01',
        cycleEnd: '2022-12-31',
        reviewChain: ['province'],
        milestones: [
          { name: '试点方案报批', dueDate: '2020-04-24', kind: 'submission', closesSubmission: true },
          { name: '绩效评价（2021年）', dueDate: '2021-12-31', kind: 'evaluation', closesSubmission: false },
          { name: '绩效评价（2022年上半年）', dueDate: '2022-06-30', kind: 'evaluation', closesSubmission: false },
          { name: '考核验收', dueDate: '2023-03-31', kind: 'acceptance', closesSubmission: false },
        ],
      }),
    );
    await approvedUnit(ctx, tx, anhui, '340321', '省级乡村治理示范县', '2020-05-20', '2022-12-31', by);
    for (const programId of [anhui]) {
      await tx
        .insertInto('program_templates')
        .values({ program_id: programId, criteria: JSON.stringify(DEMO_CRITERIA), pass_mark: 80, updated_at: '2020-05-20T02:00:00.000Z' })
        .execute();
    }

    const towns = newId();
    await programs.insert(
      tx,
      rc,
      actor,
      towns,
      base({
        organiserRegion: '340321',
        name: '怀远县乡村治理示范镇村三级创建',
        batch: '2020年',
        unitLevel: 'town',
        honourTitle: '县级乡村治理试点示范镇',
        cycleStart: '2020-01-01',
        cycleEnd: '2022-12-31',
        reviewChain: ['county'],
        milestones: [
          { name: '各乡镇报送试点方案', dueDate: '2020-04-24', kind: 'submission', closesSubmission: true },
          { name: '调研督导、绩效评价（2021年）', dueDate: '2021-12-31', kind: 'evaluation', closesSubmission: false },
          { name: '调研督导、绩效评价（2022年上半年）', dueDate: '2022-06-30', kind: 'evaluation', closesSubmission: false },
          { name: '省级考核验收', dueDate: '2023-03-31', kind: 'acceptance', closesSubmission: false },
        ],
      }),
    );
    await tx
      .insertInto('program_templates')
      .values({ program_id: towns, criteria: JSON.stringify(DEMO_CRITERIA), pass_mark: 80, updated_at: '2020-05-20T02:00:00.000Z' })
      .execute();
    if (present.has('340321108')) await approvedUnit(ctx, tx, towns, '340321108', '县级乡村治理试点示范镇', '2020-05-20', '2022-12-31', by);

    await demoCase(
      tx,
      '340321',
      anhui,
      '“一约四会”推进移风易俗',
      ['three_governance', 'consultation'],
      '以村规民约和红白理事会、村民议事会、道德评议会、禁毒禁赌会为抓手，推动移风易俗。',
      '2021-06-18',
      by,
    );
    if (present.has('340321108'))
      await demoCase(
        tx,
        '340321108',
        towns,
        '万福镇“阳光村务”小微权力清单',
        ['power_oversight'],
        '梳理村级小微权力清单 28 项，流程图上墙、线上公开。',
        null,
        by,
      );

    const villages = newId();
    await programs.insert(
      tx,
      rc,
      actor,
      villages,
      base({
        organiserRegion: '340321',
        name: '怀远县乡村治理试点示范村创建',
        batch: '2020年',
        unitLevel: 'village',
        honourTitle: '县级乡村治理试点示范村',
        cycleStart: '2020-01-01',
        cycleEnd: '2022-12-31',
        reviewChain: ['county'],
        milestones: [
          { name: '各乡镇报送示范村试点方案', dueDate: '2020-04-24', kind: 'submission', closesSubmission: true },
          { name: '省级考核验收', dueDate: '2023-03-31', kind: 'acceptance', closesSubmission: false },
        ],
      }),
    );
    if (wanfuVillage) await approvedUnit(ctx, tx, villages, wanfuVillage.code, '县级乡村治理试点示范村', '2020-05-20', '2022-12-31', by);

    await programs.insert(
      tx,
      rc,
      actor,
      newId(),
      base({
        organiserRegion: '34',
        name: '安徽省乡村治理示范县创建',
        batch: '2027年度',
        unitLevel: 'county',
        honourTitle: '省级乡村治理示范县',
        cycleStart: '2027-01-01',
        cycleEnd: '2029-12-31',
        reviewChain: ['province'],
        requiredAttachments: ['试点方案（盖章扫描件）'],
        conditions: DEFAULT_CONDITIONS.map((text, i) => ({ text, evidenceRequired: i === 0 })),
        milestones: [
          { name: '试点方案报送截止', dueDate: '2027-03-31', kind: 'submission', closesSubmission: true },
          { name: '年度总结评估', dueDate: '2027-12-31', kind: 'report', closesSubmission: false },
          { name: '考核验收', dueDate: '2029-12-31', kind: 'acceptance', closesSubmission: false },
        ],
      }),
    );

    await demoGroup(
      tx,
      '340321',
      towns,
      '怀远县委农村工作领导小组',
      '县委农办',
      '县委农办主任',
      [
        ['县委书记', 'leader'],
        ['县长', 'deputy'],
        ['分管副县长', 'deputy'],
        ['县农业农村局局长', 'member'],
      ],
      [
        ['县委农办', 'lead', '统筹推进乡村治理试点示范工作'],
        ['县农业农村局', 'standing', '日常指导与绩效评价'],
        ['县委组织部', 'standing', '基层党组织建设'],
        ['县委宣传部', 'standing', '乡风文明与典型宣传'],
        ['县民政局', 'standing', '村民自治与议事协商'],
        ['县司法局', 'standing', '法治乡村与人民调解'],
      ],
      [
        ['审核批复各乡镇试点方案', '2020-04-30'],
        ['2021年度调研督导、绩效评价', '2021-12-31'],
        ['2022年上半年绩效评价', '2022-06-30'],
        ['迎接省级考核验收', '2023-03-31'],
      ],
    );

    if (present.has('610423')) {
      const legalPilot = newId();
      await demoGroup(
        tx,
        '610423',
        null,
        '泾阳县农村社区治理新模式试点工作领导小组',
        '县司法局',
        '县司法局局长',
        [
          ['分管副县长', 'leader'],
          ['县司法局局长', 'deputy'],
          ['各镇（街道）司法所所长', 'member'],
        ],
        [
          ['县司法局', 'lead', '试点组织实施、法律顾问选派'],
          ['各镇（街道）司法所', 'member', '驻村法律顾问日常管理'],
        ],
        [
          ['8月上旬制定上报工作方案', '2019-08-10'],
          ['10月中旬初步出成果', '2019-10-15'],
          ['11月底全面见成效', '2019-11-30'],
          ['年度法律顾问履职考核', '2026-12-31'],
        ],
      );
      await programs.insert(
        tx,
        rc,
        actor,
        legalPilot,
        base({
          organiserRegion: '610423',
          name: '泾阳县农村社区治理新模式试点（一村一法律顾问）',
          batch: '2019年',
          unitLevel: 'village',
          honourTitle: '泾阳县法治治理示范村',
          cycleStart: '2019-08-01',
          cycleEnd: '2019-11-30',
          reviewChain: ['county'],
          contentAreas: ['three_governance'],
          customContentAreas: ['一村（社区）一法律顾问'],
          milestones: [
            { name: '制定上报工作方案（8月上旬）', dueDate: '2019-08-10', kind: 'submission', closesSubmission: true },
            { name: '初步出成果（10月中旬）', dueDate: '2019-10-15', kind: 'report', closesSubmission: false },
            { name: '全面见成效（11月底）', dueDate: '2019-11-30', kind: 'acceptance', closesSubmission: false },
          ],
        }),
      );
      for (const village of await legalPilotVillages(tx))
        await approvedUnit(ctx, tx, legalPilot, village, '泾阳县农村社区治理新模式试点村', '2019-08-20', '2026-12-31', by);
    }
  });
}

/** 王家村 and 鑫园社区, named in P1.3 among the demonstration villages and communities. */
const NAMED_DEMONSTRATION = ['610423113203', '610423001014'];
const DEMONSTRATION_VILLAGES = 15;

/**
 * P1.3: the pilot covers 泾阳县's 66 poor villages (marked by the regions demo, 屈家村 first) and 15
 * demonstration villages and communities (王家村, 鑫园社区 and, for the demo, the first other
 * communities by code).
 */
async function legalPilotVillages(tx: Tx): Promise<string[]> {
  const villages = await tx
    .selectFrom('regions')
    .select(['code', 'is_poor', 'kind'])
    .where('level', '=', 'village')
    .where('code', '>=', '610423')
    .where('code', '<', '610424')
    .orderBy('code')
    .execute();
  const poor = villages.filter((v) => v.is_poor === 1).map((v) => v.code);
  // A named village may be poor too: each village is designated once.
  const named = NAMED_DEMONSTRATION.filter((code) => villages.some((v) => v.code === code) && !poor.includes(code));
  const others = villages.filter((v) => v.is_poor !== 1 && !named.includes(v.code) && v.kind === 'community').map((v) => v.code);
  return [...poor, ...named, ...others.slice(0, DEMONSTRATION_VILLAGES - named.length)];
}
