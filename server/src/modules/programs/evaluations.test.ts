import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../core/events/event-bus.ts';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { completeApplication, expectStatus, programBody } from './programs.test-helpers.ts';

describe('programs: yearly reports, the scoring template, performance evaluation and acceptance (P2.4(4), P3.4(5))', () => {
  let t: TestApp;
  let province: TestClient;
  let reviewer: TestClient;
  let county: TestClient;
  let inspector: TestClient;
  let designationId: string;
  let programId: string;
  const events: DomainEvent<'programs.evaluated'>[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'ah.off', regionCode: PLACES.anhui, roles: ['official'] });
    await buildUser(t.ctx, { username: 'ah.lead', regionCode: PLACES.anhui, roles: ['leader'] });
    await buildUser(t.ctx, { username: 'ah.insp', regionCode: PLACES.anhui, roles: ['inspector'] });
    await buildUser(t.ctx, { username: 'hy.off', regionCode: PLACES.huaiyuan, roles: ['official'] });
    await buildUser(t.ctx, { username: 'hy.lead', regionCode: PLACES.huaiyuan, roles: ['leader'] });
    await buildUser(t.ctx, { username: 'sx.insp', regionCode: PLACES.shaanxi, roles: ['inspector'] });
    province = await t.login('ah.off');
    reviewer = await t.login('ah.lead');
    county = await t.login('hy.off');
    inspector = await t.login('ah.insp');
    t.ctx.events.on('programs.evaluated', async (_tx, event) => void events.push(event));
    const program = await province.request(
      'POST',
      '/api/programs',
      programBody({ organiserRegion: '34', reviewChain: ['province'], quotaLevel: null, honourTitle: '省级乡村治理示范县' }),
    );
    programId = program.json().id;
    const id = await completeApplication(t, county, programId, PLACES.huaiyuan);
    await expectStatus(await county.request('POST', `/api/programs/applications/${id}/submit`), 200);
    await expectStatus(await reviewer.request('POST', `/api/programs/applications/${id}/review`, { decision: 'approve' }), 200);
    designationId = (await county.request('GET', `/api/programs/designations?programId=${programId}`)).json().items[0].id;
  });
  afterAll(() => t.close());

  it('takes one yearly report per year, reviewed by the programme’s review level: return, resend, accept', async () => {
    const sent = await county.request('POST', `/api/programs/designations/${designationId}/reports`, {
      year: 2026,
      content: '<p>年度进展<script>x()</script></p>',
    });
    await expectStatus(sent, 201);
    expect(sent.json().reports[0]).toMatchObject({
      year: 2026,
      status: 'submitted',
      content: '<p>年度进展</p>',
      reviewerRegion: PLACES.anhui,
    });
    const again = await county.request('POST', `/api/programs/designations/${designationId}/reports`, {
      year: 2026,
      content: '<p>重复</p>',
    });
    await expectStatus(again, 409);
    expect(errorOf(again).message).toBe('2026 年度总结已报送，不能重复报送');
    const empty = await county.request('POST', `/api/programs/designations/${designationId}/reports`, { year: 2027, content: '<p> </p>' });
    expect(errorOf(empty).fields).toEqual({ content: '请填写年度总结内容' });

    const reportId = sent.json().reports[0].id;
    const todos = (await reviewer.request('GET', '/api/todos')).json().items.filter((i: { kind: string }) => i.kind === 'programs.reports');
    expect(todos).toEqual([expect.objectContaining({ count: 1 })]);
    const countyLeader = await t.login('hy.lead');
    await expectStatus(await countyLeader.request('POST', `/api/programs/reports/${reportId}/review`, { decision: 'accept' }), 409);
    await expectStatus(
      await reviewer.request('POST', `/api/programs/reports/${reportId}/review`, { decision: 'return', comment: '请补充数据' }),
      200,
    );
    await expectStatus(
      await county.request('POST', `/api/programs/designations/${designationId}/reports`, {
        year: 2026,
        content: '<p>年度进展：新增议事会 12 个</p>',
      }),
      201,
    );
    const accepted = await reviewer.request('POST', `/api/programs/reports/${reportId}/review`, { decision: 'accept' });
    expect(accepted.json().reports[0]).toMatchObject({ status: 'accepted', content: '<p>年度进展：新增议事会 12 个</p>' });
    await expectStatus(
      await reviewer.request('POST', `/api/programs/reports/${reportId}/review`, { decision: 'return', comment: '再改' }),
      409,
    );
  });

  it('scores against the template: missing criteria named (400), weighted mean, fail below the pass mark, honour title on a passed acceptance', async () => {
    const noTemplate = await inspector.request('POST', `/api/programs/designations/${designationId}/evaluations`, {
      kind: 'performance',
      scores: [],
    });
    await expectStatus(noTemplate, 409);
    const template = await province.request('PUT', `/api/programs/${programId}/template`, {
      criteria: [
        { name: '组织领导', weight: 30 },
        { name: '工作成效', weight: 50 },
        { name: '群众满意度', weight: 20 },
      ],
      passMark: 80,
    });
    expect(template.json().criteria.map((c: { key: string }) => c.key)).toEqual(['k1', 'k2', 'k3']);

    const partial = await inspector.request('POST', `/api/programs/designations/${designationId}/evaluations`, {
      kind: 'performance',
      scores: [{ key: 'k1', score: 90 }],
    });
    await expectStatus(partial, 400);
    expect(errorOf(partial).message).toBe('评分不完整，还缺：工作成效、群众满意度');
    expect(errorOf(partial).fields).toEqual({ 'scores.k2': '请为此指标打分', 'scores.k3': '请为此指标打分' });

    const failed = await inspector.request('POST', `/api/programs/designations/${designationId}/evaluations`, {
      kind: 'performance',
      scores: [
        { key: 'k1', score: 90, evidence: '会议纪要' },
        { key: 'k2', score: 70 },
        { key: 'k3', score: 80 },
      ],
    });
    await expectStatus(failed, 201);
    expect(failed.json().evaluations[0]).toMatchObject({ kind: 'performance', total: 78, passMark: 80, passed: false, honourTitle: null });
    const passed = await inspector.request('POST', `/api/programs/designations/${designationId}/evaluations`, {
      kind: 'acceptance',
      scores: [
        { key: 'k1', score: 90 },
        { key: 'k2', score: 85 },
        { key: 'k3', score: 80 },
      ],
    });
    expect(passed.json().evaluations[0]).toMatchObject({
      kind: 'acceptance',
      total: 85.5,
      passed: true,
      honourTitle: '省级乡村治理示范县',
      evaluatorName: '测试ah.insp',
    });
    expect(events.map((e) => [e.regionCode, e.payload.passed])).toEqual([
      [PLACES.huaiyuan, false],
      [PLACES.huaiyuan, true],
    ]);
    // Officials organise but do not evaluate; an inspector of another province sees nothing.
    expect(
      (await province.request('POST', `/api/programs/designations/${designationId}/evaluations`, { kind: 'acceptance', scores: [] }))
        .statusCode,
    ).toBe(403);
    const other = await t.login('sx.insp');
    expect(
      (await other.request('POST', `/api/programs/designations/${designationId}/evaluations`, { kind: 'acceptance', scores: [] }))
        .statusCode,
    ).toBe(404);
    expect((await other.request('GET', `/api/programs/designations/${designationId}`)).statusCode).toBe(404);
  });

  it('compiles the programme summary .docx from the accepted reports, the evaluations and the cases, and audits the export', async () => {
    const res = await province.request('GET', `/api/programs/${programId}/summary.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('测试试点项目（首批）工作总结');
    expect(text).toContain('怀远县：省级乡村治理示范县（有效');
    expect(text).toContain('2026 年度总结：年度进展：新增议事会 12 个');
    expect(text).toContain('考核验收（2026-01-05）：总分 85.5，合格，授予“省级乡村治理示范县”称号');
    expect(text).toContain('绩效评价（2026-01-05）：总分 78，不合格');
    const audit = await t.ctx.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'export.programs_summary').execute();
    expect(audit).toEqual([{ actor_name: 'ah.off' }]);
  });
});
