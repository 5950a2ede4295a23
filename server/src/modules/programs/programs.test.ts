import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../core/events/event-bus.ts';
import { storeDivisionRows } from '../regions/regions.import.ts';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildRegionRow, buildUser, PLACES } from '../../testing/factories.ts';
import { attach, completeApplication, expectStatus, fullSections, PDF, programBody } from './programs.test-helpers.ts';

/** Three more Anhui counties, so the province has four to forward against a quota of two. */
const ANHUI_COUNTIES = ['340322', '340323', '340324'];

describe('programs: programmes, applications, the review chain, quotas and designations (P2.3, P3.4, P3.5)', () => {
  let t: TestApp;
  let nation: TestClient;
  let nationLeader: TestClient;
  let anhuiLeader: TestClient;
  let huaiyuan: TestClient;
  let anhuiOfficial: TestClient;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await storeDivisionRows(
      t.ctx,
      ANHUI_COUNTIES.map((code) => buildRegionRow(code, `测试${code.slice(-2)}县`)),
      t.clock.now().toISOString(),
    );
    await buildUser(t.ctx, { username: 'n.off', regionCode: '00', roles: ['official'] });
    await buildUser(t.ctx, { username: 'n.lead', regionCode: '00', roles: ['leader'] });
    await buildUser(t.ctx, { username: 'ah.lead', regionCode: PLACES.anhui, roles: ['leader'] });
    await buildUser(t.ctx, { username: 'ah.off', regionCode: PLACES.anhui, roles: ['official'] });
    await buildUser(t.ctx, { username: 'sx.lead', regionCode: PLACES.shaanxi, roles: ['leader'] });
    await buildUser(t.ctx, { username: 'hy.off', regionCode: PLACES.huaiyuan, roles: ['official'] });
    await buildUser(t.ctx, { username: 'jy.off', regionCode: PLACES.jingyang, roles: ['official'] });
    nation = await t.login('n.off');
    nationLeader = await t.login('n.lead');
    anhuiLeader = await t.login('ah.lead');
    anhuiOfficial = await t.login('ah.off');
    huaiyuan = await t.login('hy.off');
    for (const type of ['programs.designated', 'programs.revoked'] as const)
      t.ctx.events.on(type, async (_tx, event) => void events.push(event));
  });
  afterAll(() => t.close());

  async function createProgram(overrides: Record<string, unknown> = {}): Promise<{ id: string; milestones: { id: string }[] }> {
    const res = await nation.request('POST', '/api/programs', programBody(overrides));
    await expectStatus(res, 201);
    return res.json();
  }

  async function review(client: TestClient, id: string, decision: string, comment = '') {
    return client.request('POST', `/api/programs/applications/${id}/review`, { decision, comment });
  }

  it('creates a programme with catalogue and custom areas, conditions, chain and milestones; refuses a chain that does not climb to the organiser', async () => {
    const created = await createProgram();
    const detail = (await nation.request('GET', `/api/programs/${created.id}`)).json();
    expect(detail).toMatchObject({
      organiserLevel: 'nation',
      organiserName: '全国',
      honourTitle: '全国乡村治理示范县',
      reviewChain: ['province', 'nation'],
      submissionOpen: true,
      contentAreas: [
        { key: 'governance_system', label: '探索共建共治共享的治理体制', custom: false },
        { key: 'consultation', label: '创新村民议事协商形式', custom: false },
        { key: 'custom_1', label: '一村一法律顾问', custom: true },
      ],
      conditions: [
        { key: 'c1', evidenceRequired: true },
        { key: 'c2', evidenceRequired: false },
      ],
      requiredAttachments: [{ key: 'a1', label: '试点方案（盖章扫描件）' }],
    });
    const bad = await nation.request('POST', '/api/programs', programBody({ reviewChain: ['province'] }));
    await expectStatus(bad, 400);
    expect(errorOf(bad).fields).toEqual({ reviewChain: '审核层级须高于试点单位层级、逐级向上，且最高一级为组织单位层级' });
    const order = await nation.request('POST', '/api/programs', programBody({ cycleEnd: '2025-01-01' }));
    expect(errorOf(order).fields).toEqual({ cycleEnd: '试点周期结束日期不能早于开始日期' });
    // A county official cannot organise a national programme: outside their region.
    expect((await huaiyuan.request('POST', '/api/programs', programBody())).statusCode).toBe(404);
  });

  it('keeps a description (项目说明) as trimmed plain text with its line breaks; none or blank is null; over 2,000 characters is a 400 naming the field', async () => {
    const text = '依据《关于加强和改进乡村治理的指导意见》开展试点。\n申报单位须具备相应工作力量，方案于六月底前报送。';
    const stored = async (id: string) =>
      (await t.ctx.db.selectFrom('programs').select('description').where('id', '=', id).executeTakeFirstOrThrow()).description;
    const created = await nation.request('POST', '/api/programs', programBody({ description: `  ${text}\n ` }));
    await expectStatus(created, 201);
    const { id } = created.json<{ id: string }>();
    expect(created.json()).toMatchObject({ description: text });
    expect((await nation.request('GET', `/api/programs/${id}`)).json()).toMatchObject({ description: text });
    const listed = (await huaiyuan.request('GET', '/api/programs'))
      .json<{ items: { id: string; description: string | null }[] }>()
      .items.find((p) => p.id === id);
    expect(listed?.description).toBe(text);
    expect(await stored(id)).toBe(text);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'programs.program_create')
      .where('object_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toEqual({ name: '测试试点项目', batch: '首批', description: text });

    for (const description of [undefined, null, '', ' \n ']) {
      const res = await nation.request('POST', '/api/programs', programBody({ description }));
      await expectStatus(res, 201);
      expect(res.json()).toMatchObject({ description: null });
      expect(await stored(res.json<{ id: string }>().id)).toBeNull();
    }

    await expectStatus(await nation.request('POST', '/api/programs', programBody({ description: '说'.repeat(2000) })), 201);
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('programs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const long = await nation.request('POST', '/api/programs', programBody({ description: '说'.repeat(2001) }));
    await expectStatus(long, 400);
    expect(errorOf(long).fields).toEqual({ description: '项目说明不能超过 2000 字' });
    expect(await count()).toBe(before);
  });

  it('refuses a submission missing sections, conditions, evidence and the required attachment with 400 naming each; nothing changes', async () => {
    const program = await createProgram();
    const created = await huaiyuan.request('POST', `/api/programs/${program.id}/applications`, { unitCode: PLACES.huaiyuan });
    await expectStatus(created, 201);
    const app = created.json<{ id: string; version: number }>();
    await expectStatus(
      await huaiyuan.request('PUT', `/api/programs/applications/${app.id}`, {
        version: app.version,
        contentAreas: ['governance_system'],
        sections: { background: '<p>背景</p>', approach: '<p>思路</p>', content: '<p> </p>' },
        conditionAnswers: [{ key: 'c1', answer: '已专题研究' }],
      }),
      200,
    );
    const res = await huaiyuan.request('POST', `/api/programs/applications/${app.id}/submit`);
    await expectStatus(res, 400);
    const error = errorOf(res);
    expect(error.fields).toEqual({
      'sections.content': '请填写此部分',
      'sections.steps': '请填写此部分',
      'sections.outcomes': '请填写此部分',
      'sections.safeguards': '请填写此部分',
      'conditions.c2': '请回答此申报条件',
      'evidence.c1': '请上传此申报条件的证明材料',
      'attachments.a1': '请上传此附件',
    });
    for (const name of ['试点内容', '方法步骤', '预期效果', '保障措施', '具有相适应的工作力量', '证明材料', '试点方案（盖章扫描件）'])
      expect(error.message).toContain(name);
    const row = await t.ctx.db
      .selectFrom('program_applications')
      .select(['status', 'reviewer_region'])
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', reviewer_region: null });
  });

  it('stores plan sections sanitized', async () => {
    const program = await createProgram();
    const created = (await huaiyuan.request('POST', `/api/programs/${program.id}/applications`, { unitCode: PLACES.huaiyuan })).json<{
      id: string;
      version: number;
    }>();
    await huaiyuan.request('PUT', `/api/programs/applications/${created.id}`, {
      version: created.version,
      sections: {
        background:
          '<p onclick="x()">背景<script>alert(1)</script><a href="javascript:x">链接</a><img src=x onerror=y></p><ul><li><strong>一</strong></li></ul>',
      },
    });
    const dto = (await huaiyuan.request('GET', `/api/programs/applications/${created.id}`)).json();
    expect(dto.sections.background).toBe('<p>背景链接</p><ul><li><strong>一</strong></li></ul>');
  });

  it('keeps attachments in the shared store by kind: raw body checked by content (415), at most 5 MB (413), read back byte for byte, scoped and audited', async () => {
    const program = await createProgram();
    const { id } = (await huaiyuan.request('POST', `/api/programs/${program.id}/applications`, { unitCode: PLACES.huaiyuan })).json<{
      id: string;
    }>();
    // Signature and the IEND chunk a picture ends with (data after it is refused).
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    // The bytes decide: a PNG declared as PDF, a program, a Word file (no longer taken): 415, nothing stored.
    const fake = await attach(t, huaiyuan, id, 'other', { name: '方案.pdf', type: 'application/pdf', data: png });
    await expectStatus(fake, 415);
    expect(errorOf(fake).message).toBe('附件只能是 JPG、PNG 图片或 PDF 文件');
    await expectStatus(
      await attach(t, huaiyuan, id, 'other', { name: '方案.exe', type: 'application/x-msdownload', data: Buffer.from('MZ') }),
      415,
    );
    await expectStatus(
      await attach(t, huaiyuan, id, 'other', {
        name: '方案.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        data: Buffer.from('PK\x03\x04word/'),
      }),
      415,
    );
    const large = await attach(t, huaiyuan, id, 'other', {
      name: '大.pdf',
      type: 'application/pdf',
      data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
    });
    await expectStatus(large, 413);
    // A kind the programme does not ask for: 400 naming the kind.
    expect(errorOf(await attach(t, huaiyuan, id, 'required:a9')).fields).toEqual({ kind: '附件类别不正确' });
    expect(errorOf(await attach(t, huaiyuan, id, 'photos')).fields).toEqual({ kind: '附件类别不正确' });

    const ok = await attach(t, huaiyuan, id, 'evidence:c1', { name: '常委会纪要.pdf', type: 'application/pdf', data: PDF });
    await expectStatus(ok, 201);
    expect(ok.json()).toMatchObject({ fileName: '常委会纪要.pdf', contentType: 'application/pdf', size: PDF.length, kind: 'evidence:c1' });
    await expectStatus(await attach(t, huaiyuan, id, 'other', { name: '现场.png', type: 'image/png', data: png }), 201);
    const dto = (await huaiyuan.request('GET', `/api/programs/applications/${id}`)).json<{
      attachments: { id: string; kind: string; fileName: string }[];
    }>();
    expect(dto.attachments.map((a) => [a.kind, a.fileName])).toEqual([
      ['evidence:c1', '常委会纪要.pdf'],
      ['other', '现场.png'],
    ]);
    const file = await anhuiLeader.request('GET', `/api/programs/applications/${id}/attachments/${ok.json<{ id: string }>().id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // Another county's official, or the file asked for under another application: 404.
    const jingyang = await t.login('jy.off');
    expect((await jingyang.request('GET', `/api/programs/applications/${id}/attachments/${ok.json<{ id: string }>().id}`)).statusCode).toBe(
      404,
    );
    expect((await attach(t, jingyang, id, 'other')).statusCode).toBe(404);
    const other = (await anhuiOfficial.request('POST', `/api/programs/${program.id}/applications`, { unitCode: ANHUI_COUNTIES[2] })).json<{
      id: string;
    }>();
    expect(
      (await anhuiOfficial.request('GET', `/api/programs/applications/${other.id}/attachments/${ok.json<{ id: string }>().id}`)).statusCode,
    ).toBe(404);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'programs.attachment_add')
      .where('object_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
      expect.objectContaining({ kind: 'evidence:c1', file: '常委会纪要.pdf', type: 'application/pdf', size: PDF.length }),
      expect.objectContaining({ kind: 'other', file: '现场.png', type: 'image/png' }),
    ]);
  });

  it.each([
    { chain: ['province', 'nation'], reviewers: ['ah.lead', 'n.lead'] },
    { chain: ['province'], reviewers: ['ah.lead'], organiser: '34' },
    { chain: ['city', 'province'], reviewers: [null, 'ah.lead'], organiser: '34', cityLeader: true },
  ])('walks the review chain $chain level by level and designates at the last one', async ({ chain, reviewers, organiser, cityLeader }) => {
    const organiserClient = organiser === '34' ? anhuiOfficial : nation;
    const res = await organiserClient.request(
      'POST',
      '/api/programs',
      programBody({ organiserRegion: organiser ?? '00', reviewChain: chain, quotaLevel: null }),
    );
    await expectStatus(res, 201);
    const program = res.json<{ id: string; honourTitle: string }>();
    if (cityLeader) await buildUser(t.ctx, { username: `bb.lead.${program.id.slice(0, 6)}`, regionCode: PLACES.bengbu, roles: ['leader'] });
    const id = await completeApplication(t, huaiyuan, program.id, PLACES.huaiyuan);
    await expectStatus(await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`), 200);
    for (const [step, level] of chain.entries()) {
      const username = reviewers[step] ?? `bb.lead.${program.id.slice(0, 6)}`;
      const reviewer = await t.login(username);
      const waiting = (await reviewer.request('GET', '/api/programs/applications?awaitingMe=true')).json<{
        items: { id: string; reviewLevel: string }[];
      }>();
      expect(waiting.items.find((i) => i.id === id)?.reviewLevel).toBe(level);
      // A reviewer of another level is refused with 409 while it is not their turn.
      if (step === 0 && chain.length > 1) await expectStatus(await review(nationLeader, id, 'approve'), 409);
      await expectStatus(await review(reviewer, id, 'approve'), 200);
    }
    const dto = (await huaiyuan.request('GET', `/api/programs/applications/${id}`)).json();
    expect(dto.status).toBe('approved');
    expect(dto.reviews.map((r: { level: string }) => r.level)).toEqual(chain);
    const designations = (
      await huaiyuan.request('GET', `/api/programs/designations?regionCode=${PLACES.huaiyuan}&programId=${program.id}`)
    ).json();
    expect(designations.items).toEqual([
      expect.objectContaining({
        unitCode: PLACES.huaiyuan,
        unitName: '怀远县',
        title: program.honourTitle,
        status: 'active',
        validUntil: '2028-12-31',
        designatedOn: '2026-01-05',
      }),
    ]);
    expect(events.find((e) => e.type === 'programs.designated' && e.payload.programId === program.id)).toMatchObject({
      regionCode: PLACES.huaiyuan,
      occurredOn: '2026-01-05',
    });
  });

  it('returns with a comment, opens a new plan version, shows the difference, and approves the revision', async () => {
    const program = await createProgram({ organiserRegion: '34', reviewChain: ['province'], quotaLevel: null });
    const id = await completeApplication(t, huaiyuan, program.id, PLACES.huaiyuan);
    await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`);
    const missingComment = await review(anhuiLeader, id, 'return');
    expect(errorOf(missingComment).fields).toEqual({ comment: '退回或不予通过时请填写审核意见' });
    await expectStatus(await review(anhuiLeader, id, 'return', '保障措施请写明经费来源'), 200);
    const returned = (await huaiyuan.request('GET', `/api/programs/applications/${id}`)).json();
    expect(returned).toMatchObject({ status: 'returned', planVersion: 2, abilities: { edit: true } });
    expect(returned.reviews).toEqual([
      expect.objectContaining({ decision: 'return', comment: '保障措施请写明经费来源', planVersion: 1, reviewerRegionName: '安徽省' }),
    ]);
    // Reviewing a returned application is a wrong-state action: 409, nothing changes.
    await expectStatus(await review(anhuiLeader, id, 'approve'), 409);
    await expectStatus(
      await huaiyuan.request('PUT', `/api/programs/applications/${id}`, {
        version: returned.version,
        sections: { safeguards: '<p>safeguards 第一稿，县财政安排专项经费</p>' },
      }),
      200,
    );
    const diff = (await huaiyuan.request('GET', `/api/programs/applications/${id}/diff?from=1&to=2`)).json();
    const changed = diff.sections.filter((s: { changed: boolean }) => s.changed);
    expect(changed.map((s: { label: string }) => s.label)).toEqual(['保障措施']);
    expect(
      changed[0].parts
        .filter((p: { added?: boolean }) => p.added)
        .map((p: { value: string }) => p.value)
        .join(''),
    ).toBe('，县财政安排专项经费');
    await expectStatus(await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`), 200);
    await expectStatus(await review(anhuiLeader, id, 'approve'), 200);
    const approved = (await huaiyuan.request('GET', `/api/programs/applications/${id}`)).json();
    expect(approved.versions.map((v: { version: number; submittedAt: string | null }) => [v.version, v.submittedAt !== null])).toEqual([
      [1, true],
      [2, true],
    ]);
    // Submitting an approved application again: 409.
    await expectStatus(await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`), 409);
  });

  it('holds the province quota when forwarding: a third county gets 409 naming the quota, a rejection frees a place', async () => {
    const program = await createProgram();
    await expectStatus(
      await nation.request('PUT', `/api/programs/${program.id}/quotas`, {
        items: [{ regionCode: PLACES.anhui, maxUnits: 2, suggested: 3 }],
      }),
      200,
    );
    const wrong = await nation.request('PUT', `/api/programs/${program.id}/quotas`, {
      items: [{ regionCode: PLACES.bengbu, maxUnits: 2 }],
    });
    expect(errorOf(wrong).fields).toEqual({ 'items.0.regionCode': '名额须设在项目规定层级的区划上，且在组织单位辖区内' });
    const ids: string[] = [];
    for (const unit of [PLACES.huaiyuan, ...ANHUI_COUNTIES.slice(0, 2)]) {
      const id = await completeApplication(t, anhuiOfficial, program.id, unit);
      await expectStatus(await anhuiOfficial.request('POST', `/api/programs/applications/${id}/submit`), 200);
      ids.push(id);
    }
    const [first, second, third] = ids as [string, string, string];
    await expectStatus(await review(anhuiLeader, first, 'approve'), 200);
    await expectStatus(await review(anhuiLeader, second, 'approve'), 200);
    const over = await review(anhuiLeader, third, 'approve');
    await expectStatus(over, 409);
    expect(errorOf(over).message).toBe('已超出安徽省的名额（最多 2 个），不能再报送');
    const still = await t.ctx.db
      .selectFrom('program_applications')
      .select(['status', 'reviewer_region', 'step', 'quota_region'])
      .where('id', '=', third)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ status: 'submitted', reviewer_region: PLACES.anhui, step: 0, quota_region: null });
    expect(await t.ctx.db.selectFrom('program_reviews').select('id').where('application_id', '=', third).execute()).toEqual([]);
    const quota = (await nation.request('GET', `/api/programs/${program.id}`)).json().quotas;
    expect(quota).toEqual([{ regionCode: PLACES.anhui, regionName: '安徽省', maxUnits: 2, suggested: 3, used: 2 }]);

    await expectStatus(await review(nationLeader, second, 'reject', '材料不实'), 200);
    await expectStatus(await review(anhuiLeader, third, 'approve'), 200);
    const forwarded = (await nationLeader.request('GET', '/api/programs/applications?awaitingMe=true'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(forwarded).toEqual(expect.arrayContaining([first, third]));
    expect(forwarded).not.toContain(second);
  });

  it('closes submission after the milestone’s due date (409 naming it) until the organiser extends it', async () => {
    const program = await createProgram({
      organiserRegion: '34',
      reviewChain: ['province'],
      quotaLevel: null,
      milestones: [{ name: '方案报送截止', dueDate: '2026-01-04', kind: 'submission', closesSubmission: true }],
    });
    const id = await completeApplication(t, huaiyuan, program.id, PLACES.huaiyuan);
    const late = await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`);
    await expectStatus(late, 409);
    expect(errorOf(late).message).toBe('“方案报送截止”已于 2026-01-04 截止，不能再提交申报');
    expect((await t.ctx.db.selectFrom('program_applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe(
      'draft',
    );
    const milestone = program.milestones[0]?.id ?? '';
    const earlier = await anhuiOfficial.request('POST', `/api/programs/${program.id}/milestones/${milestone}/extend`, {
      dueDate: '2026-01-03',
      reason: '延期',
    });
    expect(errorOf(earlier).fields).toEqual({ dueDate: '延期后的日期须晚于当前截止日期' });
    expect(
      (
        await huaiyuan.request('POST', `/api/programs/${program.id}/milestones/${milestone}/extend`, {
          dueDate: '2026-02-01',
          reason: '疫情',
        })
      ).statusCode,
    ).toBe(404);
    const extended = await anhuiOfficial.request('POST', `/api/programs/${program.id}/milestones/${milestone}/extend`, {
      dueDate: '2026-02-01',
      reason: '部分县材料需补充',
    });
    await expectStatus(extended, 200);
    expect(extended.json().milestones[0]).toMatchObject({
      dueDate: '2026-01-04',
      extendedTo: '2026-02-01',
      effectiveDue: '2026-02-01',
      extensionReason: '部分县材料需补充',
    });
    await expectStatus(await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`), 200);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', program.id)
      .where('action', '=', 'programs.milestone_extend')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('answers 404 for another region’s application and lists only the actor’s region', async () => {
    const program = await createProgram();
    const id = await completeApplication(t, huaiyuan, program.id, PLACES.huaiyuan);
    await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`);
    const jingyang = await t.login('jy.off');
    const shaanxi = await t.login('sx.lead');
    expect((await jingyang.request('GET', `/api/programs/applications/${id}`)).statusCode).toBe(404);
    expect(
      (await jingyang.request('PUT', `/api/programs/applications/${id}`, { version: 1, sections: fullSections('x') })).statusCode,
    ).toBe(404);
    expect((await shaanxi.request('POST', `/api/programs/applications/${id}/review`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await jingyang.request('POST', `/api/programs/${program.id}/applications`, { unitCode: PLACES.huaiyuan })).statusCode).toBe(
      404,
    );
    const shaanxiList = (await shaanxi.request('GET', `/api/programs/applications?programId=${program.id}`)).json();
    expect(shaanxiList.items).toEqual([]);
    const anhuiList = (await anhuiLeader.request('GET', `/api/programs/applications?programId=${program.id}`)).json();
    expect(anhuiList.items.map((i: { unitCode: string }) => i.unitCode)).toEqual([PLACES.huaiyuan]);
    const sameUnit = await huaiyuan.request('POST', `/api/programs/${program.id}/applications`, { unitCode: PLACES.huaiyuan });
    await expectStatus(sameUnit, 409);
  });

  it('warns and revokes a designation with a reason (动态管理); a second warning or change after revocation is 409', async () => {
    const program = await createProgram({ organiserRegion: '34', reviewChain: ['province'], quotaLevel: null });
    const id = await completeApplication(t, huaiyuan, program.id, PLACES.huaiyuan);
    await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`);
    await review(anhuiLeader, id, 'approve');
    const [designation] = (await anhuiOfficial.request('GET', `/api/programs/designations?programId=${program.id}`)).json().items;
    expect(designation.abilities).toEqual({ warn: true, restore: false, revoke: true });
    expect((await huaiyuan.request('POST', `/api/programs/designations/${designation.id}/revoke`, { reason: '自行撤销' })).statusCode).toBe(
      404,
    );
    const warned = await anhuiOfficial.request('POST', `/api/programs/designations/${designation.id}/warn`, { reason: '年度评估不合格' });
    expect(warned.json()).toMatchObject({
      status: 'warned',
      statusReason: '年度评估不合格',
      abilities: { warn: false, restore: true, revoke: true },
    });
    await expectStatus(await anhuiOfficial.request('POST', `/api/programs/designations/${designation.id}/warn`, { reason: '再次' }), 409);
    const restored = await anhuiOfficial.request('POST', `/api/programs/designations/${designation.id}/restore`, { reason: '整改到位' });
    expect(restored.json()).toMatchObject({ status: 'active', statusReason: '整改到位' });
    await expectStatus(
      await anhuiOfficial.request('POST', `/api/programs/designations/${designation.id}/restore`, { reason: '再次' }),
      409,
    );
    await expectStatus(
      await anhuiOfficial.request('POST', `/api/programs/designations/${designation.id}/warn`, { reason: '复查不合格' }),
      200,
    );
    await expectStatus(
      await anhuiOfficial.request('POST', `/api/programs/designations/${designation.id}/revoke`, { reason: '整改不到位' }),
      200,
    );
    const again = await anhuiOfficial.request('POST', `/api/programs/designations/${designation.id}/revoke`, { reason: '重复' });
    await expectStatus(again, 409);
    const row = await t.ctx.db
      .selectFrom('program_designations')
      .select(['status', 'status_reason'])
      .where('id', '=', designation.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'revoked', status_reason: '整改不到位' });
    expect(events.filter((e) => e.type === 'programs.revoked').map((e) => e.regionCode)).toEqual([PLACES.huaiyuan]);
  });

  it('puts waiting reviews and returned applications on the todo lists', async () => {
    const leaderTodos = (await anhuiLeader.request('GET', '/api/todos'))
      .json()
      .items.filter((i: { kind: string }) => i.kind === 'programs.review');
    const waiting = await t.ctx.db
      .selectFrom('program_applications')
      .select('id')
      .where('status', '=', 'submitted')
      .where('reviewer_region', '=', PLACES.anhui)
      .execute();
    expect(waiting.length).toBeGreaterThan(0);
    expect(leaderTodos).toEqual([expect.objectContaining({ count: waiting.length, title: '有试点示范申报等待您审核' })]);
    const program = await createProgram({ organiserRegion: '34', reviewChain: ['province'], quotaLevel: null });
    const id = await completeApplication(t, huaiyuan, program.id, PLACES.huaiyuan);
    await huaiyuan.request('POST', `/api/programs/applications/${id}/submit`);
    await review(anhuiLeader, id, 'return', '请补充');
    const countyTodos = (await huaiyuan.request('GET', '/api/todos'))
      .json()
      .items.filter((i: { kind: string }) => i.kind === 'programs.returned');
    expect(countyTodos).toEqual([expect.objectContaining({ count: 1 })]);
  });

  it('lets a village apply for itself and its county apply on its behalf, never for a village outside', async () => {
    await buildUser(t.ctx, { username: 'qj.cadre', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    const jyOfficial = await t.login('jy.off');
    const created = await jyOfficial.request(
      'POST',
      '/api/programs',
      programBody({ organiserRegion: PLACES.jingyang, unitLevel: 'village', reviewChain: ['county'], quotaLevel: null }),
    );
    await expectStatus(created, 201);
    const programId = created.json().id;
    const cadre = await t.login('qj.cadre');
    const own = await cadre.request('POST', `/api/programs/${programId}/applications`, { unitCode: PLACES.qujia });
    await expectStatus(own, 201);
    expect(own.json()).toMatchObject({ unitName: '屈家村', status: 'draft', abilities: { edit: true, submit: true, review: false } });
    expect((await cadre.request('POST', `/api/programs/${programId}/applications`, { unitCode: PLACES.wangjia })).statusCode).toBe(404);
    const onBehalf = await jyOfficial.request('POST', `/api/programs/${programId}/applications`, { unitCode: PLACES.wangjia });
    await expectStatus(onBehalf, 201);
    const town = await jyOfficial.request('POST', `/api/programs/${programId}/applications`, { unitCode: PLACES.wangqiao });
    expect(errorOf(town).fields).toEqual({ unitCode: '该区划不是本项目规定层级的试点单位' });
  });
});
