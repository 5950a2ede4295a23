import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';
import { completeApplication, expectStatus, programBody } from './programs.test-helpers.ts';

const caseBody = (overrides: Record<string, unknown> = {}) => ({
  unitCode: PLACES.huaiyuan,
  title: '“一约四会”推进移风易俗',
  areas: ['three_governance', 'consultation'],
  summary: '以村规民约和红白理事会为抓手',
  body: '<p>做法：<strong>一约四会</strong></p><script>bad()</script>',
  ...overrides,
});

describe('programs: typical cases and the three-level board (P2.4(3), plan 3)', () => {
  let t: TestApp;
  let county: TestClient;
  let province: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'hy.off', regionCode: PLACES.huaiyuan, roles: ['official'] });
    await buildUser(t.ctx, { username: 'hy.lead', regionCode: PLACES.huaiyuan, roles: ['leader'] });
    await buildUser(t.ctx, { username: 'ah.lead', regionCode: PLACES.anhui, roles: ['leader'] });
    await buildUser(t.ctx, { username: 'jy.off', regionCode: PLACES.jingyang, roles: ['official'] });
    county = await t.login('hy.off');
    province = await t.login('ah.lead');
  });
  afterAll(() => t.close());

  it('submits a case (400 naming missing fields), publishes it from above, and searches by area, region and words', async () => {
    const bad = await county.request('POST', '/api/programs/cases', caseBody({ title: '', areas: [], body: '<p> </p>' }));
    expect(errorOf(bad).fields).toEqual({ title: '请输入案例标题', areas: '请至少选择一项试点内容' });
    const created = await county.request('POST', '/api/programs/cases', caseBody());
    await expectStatus(created, 201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'submitted', body: '<p>做法：<strong>一约四会</strong></p>', unitPath: '怀远县' });
    const jingyang = await t.login('jy.off');
    // Unpublished: invisible outside the region.
    expect((await jingyang.request('GET', `/api/programs/cases/${id}`)).statusCode).toBe(404);
    expect((await jingyang.request('GET', '/api/programs/cases')).json().items).toEqual([]);
    // The county's own leader is not above the county: 409; the province publishes.
    const own = await t.login('hy.lead');
    await expectStatus(await own.request('POST', `/api/programs/cases/${id}/review`, { decision: 'publish' }), 409);
    const todo = (await province.request('GET', '/api/todos')).json().items.filter((i: { kind: string }) => i.kind === 'programs.cases');
    expect(todo).toEqual([expect.objectContaining({ count: 1 })]);
    const published = await province.request('POST', `/api/programs/cases/${id}/review`, { decision: 'publish' });
    expect(published.json()).toMatchObject({ status: 'published', publishedOn: '2026-01-05' });
    await expectStatus(await province.request('POST', `/api/programs/cases/${id}/review`, { decision: 'publish' }), 409);

    const draft = (await county.request('POST', '/api/programs/cases', caseBody({ title: '智慧村务', areas: ['modern_means'] }))).json();
    // Only a returned case may be changed and resent.
    await expectStatus(
      await county.request('PUT', `/api/programs/cases/${draft.id}`, {
        version: draft.version,
        title: '智慧村务平台',
        areas: ['modern_means'],
        summary: '摘要',
        body: '<p>正文</p>',
      }),
      409,
    );
    await expectStatus(
      await province.request('POST', `/api/programs/cases/${draft.id}/review`, { decision: 'return', comment: '请补充成效数据' }),
      200,
    );
    const returned = (await county.request('GET', `/api/programs/cases/${draft.id}`)).json();
    expect(returned).toMatchObject({ status: 'returned', reviewComment: '请补充成效数据', abilities: { edit: true } });
    const resent = await county.request('PUT', `/api/programs/cases/${draft.id}`, {
      version: returned.version,
      title: '智慧村务平台',
      areas: ['modern_means'],
      summary: '线上公开、线下议事，办事时间缩短一半',
      body: '<p>成效：办事时间缩短一半</p>',
    });
    expect(resent.json()).toMatchObject({ status: 'submitted', title: '智慧村务平台' });
    const other = draft.id;
    const byArea = (await jingyang.request('GET', '/api/programs/cases?area=consultation')).json().items.map((c: { id: string }) => c.id);
    expect(byArea).toEqual([id]);
    const byRegion = (await county.request('GET', `/api/programs/cases?regionCode=${PLACES.huaiyuan}`))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(byRegion.sort()).toEqual([id, other].sort());
    expect((await county.request('GET', `/api/programs/cases?regionCode=${PLACES.wanfu}`)).json().items).toEqual([]);
    const byWords = (await county.request('GET', `/api/programs/cases?q=${encodeURIComponent('智慧')}`))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(byWords).toEqual([other]);
  });

  it('shows per town whether its demonstration village is designated and on track', async () => {
    const village = `${PLACES.wanfu}201`;
    await buildVillage(t.ctx, { code: village, name: '万福村委会' });
    const countyProgram = (
      await county.request(
        'POST',
        '/api/programs',
        programBody({ organiserRegion: PLACES.huaiyuan, unitLevel: 'village', reviewChain: ['county'], quotaLevel: null }),
      )
    ).json().id;
    const leader = await t.login('hy.lead');
    const id = await completeApplication(t, county, countyProgram, village);
    await county.request('POST', `/api/programs/applications/${id}/submit`);
    await expectStatus(await leader.request('POST', `/api/programs/applications/${id}/review`, { decision: 'approve' }), 200);
    const board = (await county.request('GET', `/api/programs/board?countyCode=${PLACES.huaiyuan}`)).json();
    expect(board.towns).toEqual([
      {
        townCode: PLACES.wanfu,
        townName: '万福镇',
        townTitle: null,
        villages: [{ code: village, name: '万福村', title: '县级乡村治理示范村', status: 'active', onTrack: true }],
        onTrack: true,
      },
    ]);
    expect(board).toMatchObject({ countyName: '怀远县', townsWithVillage: 1, designatedTowns: 0 });
    const designation = (await county.request('GET', `/api/programs/designations?regionCode=${village}`)).json().items[0].id;
    await expectStatus(await county.request('POST', `/api/programs/designations/${designation}/warn`, { reason: '进度滞后' }), 200);
    const warned = (await county.request('GET', `/api/programs/board?countyCode=${PLACES.huaiyuan}`)).json();
    expect(warned.towns[0]).toMatchObject({ onTrack: false, villages: [{ status: 'warned', onTrack: false }] });
    expect((await county.request('GET', `/api/programs/board?countyCode=${PLACES.wanfu}`)).statusCode).toBe(400);
    expect((await (await t.login('jy.off')).request('GET', `/api/programs/board?countyCode=${PLACES.huaiyuan}`)).statusCode).toBe(404);
  });
});
