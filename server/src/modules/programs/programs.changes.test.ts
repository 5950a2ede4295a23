import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDivisionRows } from '../regions/regions.import.ts';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildRegionRow, buildUser, PLACES } from '../../testing/factories.ts';
import { completeApplication, expectStatus, programBody } from './programs.test-helpers.ts';

/** Three more Anhui counties, for applications in several states at once. */
const COUNTIES = ['340322', '340323', '340324'];

interface Detail {
  id: string;
  name: string;
  description: string | null;
  version: number;
  status: string;
  unitLevel: string;
  honourTitle: string;
  reviewChain: string[];
  quotaLevel: string | null;
  cycleEnd: string;
  contentAreas: { key: string; label: string }[];
  conditions: { key: string; text: string; evidenceRequired: boolean }[];
  requiredAttachments: { key: string; label: string }[];
  milestones: { id: string; name: string; removable: boolean }[];
  quotas: { regionCode: string; maxUnits: number; used: number }[];
  locks: { unitLevel: boolean; reviewChain: boolean; requirements: boolean; cycle: boolean; areasInUse: string[] };
  withdrawable: boolean;
  withdrawal: { reason: string; byName: string; at: string } | null;
  abilities: { manage: boolean; apply: boolean };
  submissionOpen: boolean;
}

describe('programs: editing and withdrawing a programme, removing a milestone (decision 67)', () => {
  let t: TestApp;
  let nation: TestClient;
  let anhui: TestClient;
  let anhuiLeader: TestClient;
  let shaanxi: TestClient;
  let huaiyuan: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await storeDivisionRows(
      t.ctx,
      COUNTIES.map((code) => buildRegionRow(code, `测试${code.slice(-2)}县`)),
      t.clock.now().toISOString(),
    );
    await buildUser(t.ctx, { username: 'n.off', regionCode: '00', roles: ['official'] });
    await buildUser(t.ctx, { username: 'ah.off', regionCode: PLACES.anhui, roles: ['official'] });
    await buildUser(t.ctx, { username: 'ah.lead', regionCode: PLACES.anhui, roles: ['leader'] });
    await buildUser(t.ctx, { username: 'sx.off', regionCode: PLACES.shaanxi, roles: ['official'] });
    await buildUser(t.ctx, { username: 'hy.off', regionCode: PLACES.huaiyuan, roles: ['official'] });
    nation = await t.login('n.off');
    anhui = await t.login('ah.off');
    anhuiLeader = await t.login('ah.lead');
    shaanxi = await t.login('sx.off');
    huaiyuan = await t.login('hy.off');
  });
  afterAll(() => t.close());

  /** Anhui's programme for its counties, reviewed by the province alone. */
  async function anhuiProgram(overrides: Record<string, unknown> = {}): Promise<Detail> {
    const res = await anhui.request(
      'POST',
      '/api/programs',
      programBody({ organiserRegion: PLACES.anhui, name: '安徽省示范县创建', reviewChain: ['province'], quotaLevel: null, ...overrides }),
    );
    await expectStatus(res, 201);
    return res.json<Detail>();
  }

  /** The update body: the programme's editable fields as the form sends them, with changes. */
  function editBody(p: Detail, changes: Record<string, unknown> = {}) {
    return {
      name: p.name,
      batch: '首批',
      description: p.description,
      unitLevel: p.unitLevel,
      honourTitle: p.honourTitle,
      contentAreas: p.contentAreas.filter((a) => !a.key.startsWith('custom_')).map((a) => a.key),
      customContentAreas: p.contentAreas.filter((a) => a.key.startsWith('custom_')).map((a) => a.label),
      cycleStart: '2026-01-01',
      cycleEnd: p.cycleEnd,
      conditions: p.conditions.map((c) => ({ text: c.text, evidenceRequired: c.evidenceRequired })),
      requiredAttachments: p.requiredAttachments.map((a) => a.label),
      reviewChain: p.reviewChain,
      quotaLevel: p.quotaLevel,
      version: p.version,
      ...changes,
    };
  }

  const detail = async (id: string, client = anhui) => (await client.request('GET', `/api/programs/${id}`)).json<Detail>();
  const edit = (client: TestClient, p: Detail, changes: Record<string, unknown> = {}) =>
    client.request('PUT', `/api/programs/${p.id}`, editBody(p, changes));
  const withdraw = (client: TestClient, p: Detail, reason = '上级通知调整试点安排', version = p.version) =>
    client.request('POST', `/api/programs/${p.id}/withdraw`, { reason, version });
  const statusOf = async (id: string) =>
    (await t.ctx.db.selectFrom('program_applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const auditOf = (action: string, objectId: string) =>
    t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('action', '=', action)
      .where('object_id', '=', objectId)
      .orderBy('seq')
      .execute();
  const todoCount = async (client: TestClient, kind: string) =>
    (await client.request('GET', '/api/todos'))
      .json<{ items: { kind: string; id: string; count: number }[] }>()
      .items.filter((i) => i.kind === kind)
      .reduce((n, i) => n + i.count, 0);

  it('edits every field of an unused programme, keeping the keys of unchanged items; audited; a stale version is a 409', async () => {
    const p = await anhuiProgram();
    const res = await edit(anhui, p, {
      name: '安徽省乡村治理示范镇创建',
      batch: '第二批',
      unitLevel: 'town',
      honourTitle: '',
      contentAreas: ['consultation', 'modern_means'],
      customContentAreas: ['一村一法律顾问', '积分制'],
      cycleEnd: '2029-12-31',
      conditions: [
        { text: '具有相适应的工作力量', evidenceRequired: true },
        { text: '已建立村民议事会', evidenceRequired: false },
      ],
      requiredAttachments: ['试点方案（盖章扫描件）', '领导小组文件'],
      reviewChain: ['county', 'province'],
      quotaLevel: 'county',
    });
    await expectStatus(res, 200);
    expect(res.json<Detail>()).toMatchObject({
      name: '安徽省乡村治理示范镇创建',
      unitLevel: 'town',
      honourTitle: '省级乡村治理示范镇',
      cycleEnd: '2029-12-31',
      version: p.version + 1,
      reviewChain: ['county', 'province'],
      quotaLevel: 'county',
      status: 'active',
      contentAreas: [
        { key: 'consultation', custom: false },
        { key: 'modern_means', custom: false },
        { key: 'custom_1', label: '一村一法律顾问', custom: true },
        { key: 'custom_2', label: '积分制', custom: true },
      ],
      conditions: [
        { key: 'c2', text: '具有相适应的工作力量', evidenceRequired: true },
        { key: 'c3', text: '已建立村民议事会', evidenceRequired: false },
      ],
      requiredAttachments: [
        { key: 'a1', label: '试点方案（盖章扫描件）' },
        { key: 'a2', label: '领导小组文件' },
      ],
      locks: { unitLevel: false, reviewChain: false, requirements: false, cycle: false, areasInUse: [] },
    });
    const [entry] = await auditOf('programs.program_update', p.id);
    expect(entry?.actor_name).toBe('ah.off');
    const changed = JSON.parse(entry?.detail ?? '{}').changed;
    expect(Object.keys(changed).sort()).toEqual([
      'batch',
      'conditions',
      'contentAreas',
      'cycleEnd',
      'honourTitle',
      'name',
      'quotaLevel',
      'requiredAttachments',
      'reviewChain',
      'unitLevel',
    ]);
    expect(changed.name).toEqual({ from: '安徽省示范县创建', to: '安徽省乡村治理示范镇创建' });

    // The form that was open before this save is stale: 409, nothing changes.
    const stale = await edit(anhui, p, { name: '过期的表单' });
    await expectStatus(stale, 409);
    expect(errorOf(stale).message).toBe('记录已被他人修改，请刷新后重试');
    expect((await detail(p.id)).name).toBe('安徽省乡村治理示范镇创建');
    // The levels still have to fit: a chain not ending at the organiser is a 400 on the field.
    const bad = await edit(anhui, await detail(p.id), { reviewChain: ['county'] });
    expect(errorOf(bad).fields).toEqual({ reviewChain: '审核层级须高于试点单位层级、逐级向上，且最高一级为组织单位层级' });
  });

  it('edits the description with the version check: stored trimmed, audited from/to, cleared when blank; too long is a 400 naming it', async () => {
    const p = await anhuiProgram({ description: '省委农办牵头组织。' });
    const stored = async () =>
      await t.ctx.db.selectFrom('programs').select(['description', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow();
    const text = '依据省委一号文件开展。\n每县推荐不超过 1 个示范县。';
    const res = await edit(anhui, p, { description: ` ${text} ` });
    await expectStatus(res, 200);
    expect(res.json<Detail>()).toMatchObject({ description: text, version: p.version + 1 });
    expect(await detail(p.id)).toMatchObject({ description: text, version: p.version + 1 });
    expect(await stored()).toEqual({ description: text, version: p.version + 1 });
    const [entry] = await auditOf('programs.program_update', p.id);
    expect(JSON.parse(entry?.detail ?? '{}').changed).toEqual({ description: { from: '省委农办牵头组织。', to: text } });

    // The form opened before that save is stale, its description included.
    await expectStatus(await edit(anhui, p, { description: '过期的说明' }), 409);
    const tooLong = await edit(anhui, await detail(p.id), { description: '说'.repeat(2001) });
    await expectStatus(tooLong, 400);
    expect(errorOf(tooLong).fields).toEqual({ description: '项目说明不能超过 2000 字' });
    expect(await stored()).toEqual({ description: text, version: p.version + 1 });

    const cleared = await edit(anhui, await detail(p.id), { description: '  ' });
    await expectStatus(cleared, 200);
    expect(cleared.json<Detail>()).toMatchObject({ description: null, version: p.version + 2 });
    expect(await stored()).toEqual({ description: null, version: p.version + 2 });
  });

  it('lets the organiser’s region and above manage; another province and the county below answer 404, a reviewer 403', async () => {
    const p = await anhuiProgram();
    const milestone = p.milestones[0]?.id ?? '';
    for (const client of [shaanxi, huaiyuan]) {
      expect((await edit(client, p, { name: '越权修改' })).statusCode).toBe(404);
      expect((await withdraw(client, p)).statusCode).toBe(404);
      expect((await client.request('DELETE', `/api/programs/${p.id}/milestones/${milestone}`)).statusCode).toBe(404);
    }
    expect((await shaanxi.request('GET', `/api/programs/${p.id}`)).statusCode).toBe(404);
    expect((await edit(anhuiLeader, p)).statusCode).toBe(403);
    // The county sees the province's programme but may not manage it.
    expect(await detail(p.id, huaiyuan)).toMatchObject({ abilities: { manage: false }, withdrawable: false });
    // The nation is above the organiser: it may.
    await expectStatus(await edit(nation, p, { name: '安徽省示范县创建（全国调整）' }), 200);
    expect((await auditOf('programs.program_update', p.id)).map((a) => a.actor_name)).toEqual(['n.off']);
  });

  it('once units apply: the unit level is fixed, used areas and answered conditions stay; new ones may be added while only drafts exist', async () => {
    const p = await anhuiProgram();
    const created = await huaiyuan.request('POST', `/api/programs/${p.id}/applications`, { unitCode: PLACES.huaiyuan });
    const app = created.json<{ id: string; version: number }>();
    await expectStatus(
      await huaiyuan.request('PUT', `/api/programs/applications/${app.id}`, {
        version: app.version,
        contentAreas: ['consultation'],
        conditionAnswers: [
          { key: 'c1', answer: '' },
          { key: 'c2', answer: '农业农村局专人负责' },
        ],
      }),
      200,
    );
    let current = await detail(p.id);
    expect(current.locks).toEqual({ unitLevel: true, reviewChain: false, requirements: false, cycle: false, areasInUse: ['consultation'] });

    const level = await edit(anhui, current, { unitLevel: 'town', reviewChain: ['county', 'province'] });
    await expectStatus(level, 409);
    expect(errorOf(level).message).toBe('已有单位申报，试点单位层级不能再修改');
    const area = await edit(anhui, current, { contentAreas: ['governance_system'] });
    expect(errorOf(area).message).toBe('试点内容“创新村民议事协商形式”已被申报单位选用，不能删除');
    const condition = await edit(anhui, current, { conditions: [{ text: '党委、政府高度重视和支持试点工作', evidenceRequired: true }] });
    await expectStatus(condition, 409);
    expect(errorOf(condition).message).toBe('申报条件“具有相适应的工作力量”已有申报单位作答或上传证明材料，不能删除或改写');
    expect((await detail(p.id)).version).toBe(current.version);

    // An unanswered condition may go, a new one comes with a new key, the answered one keeps its key.
    const ok = await edit(anhui, current, {
      conditions: [
        { text: '具有相适应的工作力量', evidenceRequired: false },
        { text: '已建立村民议事会', evidenceRequired: false },
      ],
      customContentAreas: [],
      contentAreas: ['consultation', 'power_oversight'],
    });
    await expectStatus(ok, 200);
    current = ok.json<Detail>();
    expect(current.conditions.map((c) => c.key)).toEqual(['c2', 'c3']);
    const application = (await huaiyuan.request('GET', `/api/programs/applications/${app.id}`)).json<{
      conditionAnswers: { key: string; answer: string }[];
    }>();
    expect(application.conditionAnswers.find((a) => a.key === 'c2')?.answer).toBe('农业农村局专人负责');
  });

  it('once submitted: conditions, attachments and the review chain are fixed; the name and milestones still change', async () => {
    const p = await anhuiProgram();
    const id = await completeApplication(t, huaiyuan, p.id, PLACES.huaiyuan);
    await expectStatus(await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`), 200);
    const current = await detail(p.id);
    expect(current.locks).toMatchObject({ unitLevel: true, reviewChain: true, requirements: true, cycle: false });
    const requirement = await edit(anhui, current, { requiredAttachments: ['试点方案（盖章扫描件）', '补充材料'] });
    await expectStatus(requirement, 409);
    expect(errorOf(requirement).message).toBe('已有申报提交审核，申报条件和必备附件不能再修改');
    const chain = await edit(anhui, current, { reviewChain: ['city', 'province'] });
    expect(errorOf(chain).message).toBe('已有申报在审核中或已批准，审核层级不能再修改');
    const quotaLevel = await edit(anhui, current, { quotaLevel: 'city' });
    expect(errorOf(quotaLevel).message).toBe('已有申报在审核中或已批准，名额所在层级不能再修改');
    await expectStatus(await edit(anhui, current, { name: '安徽省示范县创建（更名）', cycleEnd: '2029-06-30' }), 200);
  });

  it('holds taken quota places: a cap below the units counted is a 409 naming the region; a new quota level clears the table', async () => {
    const nationProgram = (await nation.request('POST', '/api/programs', programBody())).json<Detail>();
    await expectStatus(
      await nation.request('PUT', `/api/programs/${nationProgram.id}/quotas`, {
        items: [
          { regionCode: PLACES.anhui, maxUnits: 3 },
          { regionCode: PLACES.shaanxi, maxUnits: 2 },
        ],
      }),
      200,
    );
    for (const unit of [PLACES.huaiyuan, COUNTIES[0] ?? '']) {
      const id = await completeApplication(t, anhui, nationProgram.id, unit);
      await anhui.request('POST', `/api/programs/applications/${id}/submit`);
      await expectStatus(await anhuiLeader.request('POST', `/api/programs/applications/${id}/review`, { decision: 'approve' }), 200);
    }
    const below = await nation.request('PUT', `/api/programs/${nationProgram.id}/quotas`, {
      items: [
        { regionCode: PLACES.anhui, maxUnits: 1 },
        { regionCode: PLACES.shaanxi, maxUnits: 2 },
      ],
    });
    await expectStatus(below, 409);
    expect(errorOf(below).message).toBe('名额上限：安徽省已占用 2 个名额，上限不能少于 2 个');
    const dropped = await nation.request('PUT', `/api/programs/${nationProgram.id}/quotas`, {
      items: [{ regionCode: PLACES.shaanxi, maxUnits: 2 }],
    });
    expect(errorOf(dropped).message).toBe('名额上限：安徽省已占用 2 个名额，上限不能少于 2 个');
    const exact = await nation.request('PUT', `/api/programs/${nationProgram.id}/quotas`, {
      items: [{ regionCode: PLACES.anhui, maxUnits: 2 }],
    });
    await expectStatus(exact, 200);
    expect(exact.json<Detail>().quotas).toEqual([expect.objectContaining({ regionCode: PLACES.anhui, maxUnits: 2, used: 2 })]);

    // Before anything counts, changing the quota level clears the quotas set at the old level.
    const fresh = (await nation.request('POST', '/api/programs', programBody())).json<Detail>();
    await expectStatus(
      await nation.request('PUT', `/api/programs/${fresh.id}/quotas`, { items: [{ regionCode: PLACES.anhui, maxUnits: 3 }] }),
      200,
    );
    const relevel = await edit(nation, await detail(fresh.id, nation), { quotaLevel: 'city' });
    await expectStatus(relevel, 200);
    expect(relevel.json<Detail>()).toMatchObject({ quotaLevel: 'city', quotas: [] });
    expect(JSON.parse((await auditOf('programs.program_update', fresh.id))[0]?.detail ?? '{}')).toMatchObject({ quotasCleared: 1 });
  });

  it('refuses to withdraw once a unit is approved (409 naming how many) and fixes the cycle of a designated programme', async () => {
    const p = await anhuiProgram();
    const id = await completeApplication(t, huaiyuan, p.id, PLACES.huaiyuan);
    await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`);
    const draft = (await anhui.request('POST', `/api/programs/${p.id}/applications`, { unitCode: COUNTIES[1] })).json<{ id: string }>();
    await expectStatus(await anhuiLeader.request('POST', `/api/programs/applications/${id}/review`, { decision: 'approve' }), 200);
    const current = await detail(p.id);
    expect(current).toMatchObject({ withdrawable: false, locks: { cycle: true } });
    const refused = await withdraw(anhui, current);
    await expectStatus(refused, 409);
    expect(errorOf(refused).message).toBe('试点项目“安徽省示范县创建”已有 1 个单位通过审批或获得命名，不能撤销');
    expect((await detail(p.id)).status).toBe('active');
    expect(await statusOf(draft.id)).toBe('draft');
    expect(await auditOf('programs.program_withdraw', p.id)).toEqual([]);
    const cycle = await edit(anhui, current, { cycleEnd: '2030-12-31' });
    expect(errorOf(cycle).message).toBe('已有单位获得命名，试点周期不能再修改');
  });

  it('withdraws with a reason: open applications are closed and leave the todo lists, nothing new is taken, everything is audited', async () => {
    const p = await anhuiProgram({
      milestones: [{ name: '方案报送截止', dueDate: '2026-01-12', kind: 'submission', closesSubmission: true }],
    });
    const submitted = await completeApplication(t, anhui, p.id, PLACES.huaiyuan);
    await expectStatus(await anhui.request('POST', `/api/programs/applications/${submitted}/submit`), 200);
    const returned = await completeApplication(t, anhui, p.id, COUNTIES[0] ?? '');
    await expectStatus(await anhui.request('POST', `/api/programs/applications/${returned}/submit`), 200);
    await expectStatus(
      await anhuiLeader.request('POST', `/api/programs/applications/${returned}/review`, { decision: 'return', comment: '请补充' }),
      200,
    );
    const draft = (await anhui.request('POST', `/api/programs/${p.id}/applications`, { unitCode: COUNTIES[1] })).json<{ id: string }>();
    const rejected = await completeApplication(t, anhui, p.id, COUNTIES[2] ?? '');
    await anhui.request('POST', `/api/programs/applications/${rejected}/submit`);
    await expectStatus(
      await anhuiLeader.request('POST', `/api/programs/applications/${rejected}/review`, { decision: 'reject', comment: '条件不符' }),
      200,
    );

    const before = {
      review: await todoCount(anhuiLeader, 'programs.review'),
      returned: await todoCount(anhui, 'programs.returned'),
      deadline: await todoCount(anhui, 'programs.deadline'),
    };
    expect(before).toEqual({ review: expect.any(Number), returned: expect.any(Number), deadline: expect.any(Number) });
    expect(Math.min(before.review, before.returned, before.deadline)).toBeGreaterThan(0);
    const current = await detail(p.id);
    expect(current).toMatchObject({ withdrawable: true, counts: { open: 3 } });

    const noReason = await withdraw(anhui, current, ' ');
    await expectStatus(noReason, 400);
    expect(errorOf(noReason).fields).toEqual({ reason: '请填写撤销原因' });
    await expectStatus(await withdraw(anhui, current, '原因', current.version + 5), 409);

    const res = await withdraw(anhui, current, '省里统一调整为下一年度开展');
    await expectStatus(res, 200);
    expect(res.json<Detail>()).toMatchObject({
      status: 'withdrawn',
      version: current.version + 1,
      submissionOpen: false,
      withdrawable: false,
      abilities: { manage: false, apply: false },
      withdrawal: { reason: '省里统一调整为下一年度开展', byName: '测试ah.off' },
    });
    expect(await Promise.all([submitted, returned, draft.id, rejected].map(statusOf))).toEqual(['closed', 'closed', 'closed', 'rejected']);
    const listed = (await huaiyuan.request('GET', '/api/programs')).json<{ items: Detail[] }>().items.find((i) => i.id === p.id);
    expect(listed).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '省里统一调整为下一年度开展' } });
    expect(await todoCount(anhuiLeader, 'programs.review')).toBe(before.review - 1);
    expect(await todoCount(anhui, 'programs.returned')).toBe(before.returned - 1);
    expect(await todoCount(anhui, 'programs.deadline')).toBe(before.deadline - 2);

    expect((await auditOf('programs.program_withdraw', p.id)).map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
      expect.objectContaining({ reason: '省里统一调整为下一年度开展', closedApplications: 3 }),
    ]);
    for (const id of [submitted, returned, draft.id]) {
      expect((await auditOf('programs.application_close', id)).map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
        expect.objectContaining({ programId: p.id, reason: '省里统一调整为下一年度开展' }),
      ]);
    }

    // A withdrawn programme takes no application, change, milestone or second withdrawal: 409 naming it.
    const apply = await anhui.request('POST', `/api/programs/${p.id}/applications`, { unitCode: COUNTIES[2] });
    await expectStatus(apply, 409);
    expect(errorOf(apply).message).toBe('试点项目“安徽省示范县创建”已撤销，不能再申报或变更');
    const withdrawn = await detail(p.id);
    for (const res of [
      await edit(anhui, withdrawn, { name: '复活' }),
      await withdraw(anhui, withdrawn),
      await anhui.request('POST', `/api/programs/${p.id}/milestones`, { name: '新节点', dueDate: '2026-05-01' }),
      await anhui.request('DELETE', `/api/programs/${p.id}/milestones/${withdrawn.milestones[0]?.id ?? ''}`),
      await anhui.request('PUT', `/api/programs/${p.id}/template`, { criteria: [{ name: '组织领导', weight: 100 }], passMark: 60 }),
    ]) {
      await expectStatus(res, 409);
      expect(errorOf(res).message).toBe('试点项目“安徽省示范县创建”已撤销，不能再申报或变更');
    }
    // Its closed applications cannot be edited or submitted any more.
    await expectStatus(await anhui.request('POST', `/api/programs/applications/${draft.id}/submit`), 409);
    await expectStatus(await anhuiLeader.request('POST', `/api/programs/applications/${submitted}/review`, { decision: 'approve' }), 409);
  });

  it('removes a milestone with an audit entry, but not a submission deadline that has passed', async () => {
    const p = await anhuiProgram({
      milestones: [
        { name: '方案报送截止', dueDate: '2026-01-04', kind: 'submission', closesSubmission: true },
        { name: '年度总结', dueDate: '2026-12-31', kind: 'report' },
      ],
    });
    const [deadline, report] = p.milestones;
    expect(p.milestones.map((m) => m.removable)).toEqual([false, true]);
    const refused = await anhui.request('DELETE', `/api/programs/${p.id}/milestones/${deadline?.id ?? ''}`);
    await expectStatus(refused, 409);
    expect(errorOf(refused).message).toBe('“方案报送截止”已于 2026-01-04 截止，删除会重新开放申报，不能删除；如需放宽期限请延期');
    const removed = await anhui.request('DELETE', `/api/programs/${p.id}/milestones/${report?.id ?? ''}`);
    await expectStatus(removed, 200);
    expect(removed.json<Detail>().milestones.map((m) => m.name)).toEqual(['方案报送截止']);
    expect((await auditOf('programs.milestone_remove', p.id)).map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
      expect.objectContaining({ milestoneId: report?.id, name: '年度总结', dueDate: '2026-12-31' }),
    ]);
    expect((await anhui.request('DELETE', `/api/programs/${p.id}/milestones/${report?.id ?? ''}`)).statusCode).toBe(404);
    // Once extended past today, the deadline is open again and may go.
    await expectStatus(
      await anhui.request('POST', `/api/programs/${p.id}/milestones/${deadline?.id ?? ''}/extend`, {
        dueDate: '2026-02-01',
        reason: '延长申报',
      }),
      200,
    );
    await expectStatus(await anhui.request('DELETE', `/api/programs/${p.id}/milestones/${deadline?.id ?? ''}`), 200);
  });

  it('judges a submission against the programme as an edit committed meanwhile left it, not as it was read before', async () => {
    const p = await anhuiProgram();
    const id = await completeApplication(t, huaiyuan, p.id, PLACES.huaiyuan);
    let submitted: Promise<LightMyRequestResponse> | undefined;
    // An edit adding a condition holds the programme's row while the county presses 提交.
    await t.ctx.db.transaction().execute(async (tx) => {
      const conditions = [...p.conditions, { key: 'c3', text: '已建立村规民约', evidenceRequired: false }];
      await tx
        .updateTable('programs')
        .set({ conditions: JSON.stringify(conditions), version: p.version + 1 })
        .where('id', '=', p.id)
        .execute();
      submitted = huaiyuan.request('POST', `/api/programs/applications/${id}/submit`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    if (!submitted) throw new Error('the submission was not sent');
    const res = await submitted;
    await expectStatus(res, 400);
    expect(errorOf(res).message).toContain('已建立村规民约');
    expect(await statusOf(id)).toBe('draft');
  });
});
