import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { maskIdCard, maskMobile } from '@rg/domain/personal/masking';
import { CASE_ACTIONS, CASE_STATUSES, TRANSITIONS, type CaseAction, type CaseStatus } from '@rg/domain/mediation/case-workflow';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { personalNumbersIn } from '../../testing/personal-numbers.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

function idNumber(seq: number): string {
  const body = `61042319800101${String(seq).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}
/** The text of a .docx answer (its main part without the markup). */
async function docxText(payload: Buffer): Promise<string> {
  return ((await (await JSZip.loadAsync(payload)).file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
}
const phone = (seq: number) => `1381234${String(1000 + seq).slice(-4)}`;

const caseBody = (seq: number, overrides: Record<string, unknown> = {}) => ({
  regionCode: PLACES.qujia,
  source: 'application',
  caseType: 'neighbour',
  description: `邻里因排水沟堵塞发生争执${seq}`,
  amountFen: 350_000,
  peopleCount: 2,
  riskLevel: 'low',
  registeredOn: '2026-01-02',
  parties: [
    { kind: 'person', role: 'applicant', name: `张${seq}`, idNumber: idNumber(seq), phone: phone(seq), address: '屈家村一组' },
    { kind: 'person', role: 'respondent', name: `李${seq}`, phone: phone(seq + 500) },
  ],
  ...overrides,
});

describe('mediation: committees, staffing, cases, screening, aid, statistics', () => {
  let t: TestApp;
  let county: TestClient;
  let town: TestClient;
  const villages = [`${PLACES.wangqiao}201`, `${PLACES.wangqiao}202`];

  beforeAll(async () => {
    t = await createTestApp();
    for (const code of villages) await buildVillage(t.ctx, { code });
    await buildUser(t.ctx, { username: 'jy.med', regionCode: PLACES.jingyang, roles: ['official'] });
    // Four-eyes (issue 15 finding 9): another county official reviews the legal-aid applications jy.med enters.
    await buildUser(t.ctx, { username: 'jy.med2', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'wq.med', regionCode: PLACES.wangqiao, roles: ['official'] });
    await buildUser(t.ctx, { username: 'wq.mediator', regionCode: PLACES.wangqiao, roles: ['mediator'] });
    await buildUser(t.ctx, { username: 'hy.med', regionCode: PLACES.huaiyuan, roles: ['official'] });
    await buildUser(t.ctx, { username: 'qj.cadre', regionCode: PLACES.qujia, roles: ['village_cadre'] });
    await buildUser(t.ctx, { username: 'qj.villager', regionCode: PLACES.qujia, roles: ['villager'] });
    await buildUser(t.ctx, { username: 'jy.leader', regionCode: PLACES.jingyang, roles: ['leader'] });
    county = await t.login('jy.med');
    town = await t.login('wq.med');
  });
  afterAll(() => t.close());

  async function committee(regionCode: string, level: string, name: string): Promise<string> {
    const res = await county.request('POST', '/api/mediation/committees', { regionCode, level, name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }
  async function mediator(committeeId: string, seq: number, employment: 'full_time' | 'part_time'): Promise<string> {
    const res = await county.request('POST', '/api/mediation/mediators', {
      committeeId,
      name: `调解员${seq}`,
      gender: 'male',
      phone: phone(200 + seq),
      idNumber: idNumber(200 + seq),
      employment,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  let townCommittee = '';
  let townMediator = '';

  it('counts staffing against the rule (towns ≥2 full-time, villages ≥1) and exports the short list', async () => {
    const level = await county.request('POST', '/api/mediation/committees', { regionCode: PLACES.qujia, level: 'town', name: '错层级' });
    expect(errorOf(level).fields).toEqual({ level: '调解委员会层级与所属区划不符（县级选县，乡镇级选乡镇，村级选村/社区）' });
    townCommittee = await committee(PLACES.wangqiao, 'town', '王桥镇人民调解委员会');
    const qujiaCommittee = await committee(PLACES.qujia, 'village', '屈家村人民调解委员会');
    expect(
      (await county.request('GET', `/api/mediation/committees?q=${encodeURIComponent('屈家')}`))
        .json()
        .items.map((c: { id: string }) => c.id),
    ).toEqual([qujiaCommittee]);
    const before = (await county.request('GET', `/api/mediation/staffing?regionCode=${PLACES.wangqiao}`)).json();
    expect(before.towns).toEqual({ total: 1, compliant: 0, short: 1 });
    expect(before.villages).toEqual({ total: 3, compliant: 0, short: 3 });

    townMediator = await mediator(townCommittee, 1, 'full_time');
    await mediator(townCommittee, 2, 'part_time');
    await mediator(qujiaCommittee, 3, 'full_time');
    const partial = (await county.request('GET', `/api/mediation/staffing?regionCode=${PLACES.wangqiao}`)).json();
    expect(partial.towns).toEqual({ total: 1, compliant: 0, short: 1 });
    expect(partial.villages).toEqual({ total: 3, compliant: 1, short: 2 });
    expect(partial.gaps.find((g: { code: string }) => g.code === PLACES.wangqiao)).toMatchObject({
      fullTime: 1,
      required: 2,
      hasCommittee: true,
    });

    const second = await mediator(townCommittee, 4, 'part_time');
    const dto = (await county.request('GET', `/api/mediation/mediators/${second}`)).json();
    expect(
      (await county.request('PATCH', `/api/mediation/mediators/${second}`, { version: dto.version, employment: 'full_time' })).statusCode,
    ).toBe(200);
    const after = (await county.request('GET', `/api/mediation/staffing?regionCode=${PLACES.wangqiao}`)).json();
    expect(after.towns).toEqual({ total: 1, compliant: 1, short: 0 });
    expect(after.gaps.map((g: { code: string }) => g.code)).toEqual(villages);

    const xlsx = await county.request('GET', `/api/mediation/staffing/gaps.xlsx?regionCode=${PLACES.wangqiao}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows[0]?.slice(0, 3)).toEqual(['区划代码', '乡镇或村（社区）', '层级']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(villages);
    expect(
      await t.ctx.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'export.mediation_staffing').executeTakeFirst(),
    ).toEqual({ actor_name: 'jy.med' });

    const todo = (await county.request('GET', '/api/todos')).json().items.find((i: { kind: string }) => i.kind === 'mediation.staffing');
    const countyStaffing = (await county.request('GET', '/api/mediation/staffing')).json();
    expect(todo).toMatchObject({ title: '人民调解员配备未达标', count: countyStaffing.totalShort });

    const training = await county.request('POST', `/api/mediation/mediators/${townMediator}/trainings`, {
      trainedOn: '2025-11-03',
      title: '人民调解法专题培训',
      hours: 6.5,
    });
    expect(training.json()).toMatchObject({ trainingHours: 6.5, trainings: [{ title: '人民调解法专题培训', hours: 6.5 }] });
  });

  it('renames and dissolves a committee: a dissolved one takes no new case and no new mediator', async () => {
    const id = await committee(`${PLACES.wangqiao}202`, 'village', '二村调委会');
    const renamed = await county.request('PATCH', `/api/mediation/committees/${id}`, {
      version: 1,
      name: '二村人民调解委员会',
      establishedOn: '2020-06-01',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '二村人民调解委员会', establishedOn: '2020-06-01', status: 'active', version: 2 });
    const stale = await county.request('PATCH', `/api/mediation/committees/${id}`, { version: 1, status: 'dissolved' });
    expect(stale.statusCode).toBe(409);
    expect((await county.request('PATCH', `/api/mediation/committees/${id}`, { version: 2, status: 'dissolved' })).json()).toMatchObject({
      status: 'dissolved',
    });
    const intake = await county.request(
      'POST',
      '/api/mediation/cases',
      caseBody(90, { regionCode: `${PLACES.wangqiao}202`, committeeId: id }),
    );
    expect(errorOf(intake).fields).toEqual({ committeeId: '该调解委员会已撤销' });
    const staff = await county.request('POST', '/api/mediation/mediators', {
      committeeId: id,
      name: '调解员甲',
      gender: 'male',
      phone: phone(290),
      employment: 'part_time',
    });
    expect(errorOf(staff).fields).toEqual({ committeeId: '该调解委员会已撤销' });
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['mediation.committee_create', 'mediation.committee_update', 'mediation.committee_update']);
  });

  it('registers a case with ID numbers and phones encrypted and masked; a reveal is audited', async () => {
    const res = await town.request('POST', '/api/mediation/cases', caseBody(1));
    expect(res.statusCode, res.body).toBe(201);
    const { id, caseNo } = res.json<{ id: string; caseNo: string }>();
    expect(caseNo).toBe('（2026）屈家村调字第001号');
    const dto = (await town.request('GET', `/api/mediation/cases/${id}`)).json();
    expect(dto).toMatchObject({
      status: 'registered',
      dueOn: '2026-02-01',
      committee: { name: '屈家村人民调解委员会' },
      region: { path: '泾阳县王桥镇屈家村' },
    });
    expect(dto.parties[0]).toMatchObject({ name: '张1', idNumber: `6104**********${idNumber(1).slice(-4)}`, phone: '138****1001' });
    const stored = await t.ctx.db.selectFrom('mediation_parties').selectAll().where('case_id', '=', id).execute();
    expect(JSON.stringify(stored)).not.toContain(idNumber(1));
    expect(JSON.stringify(stored)).not.toContain(phone(1));

    const mediatorClient = await t.login('wq.mediator');
    expect(
      (await mediatorClient.request('POST', `/api/mediation/cases/${id}/parties/${dto.parties[0].id}/reveal`, { field: 'idNumber' }))
        .statusCode,
    ).toBe(403);
    const revealed = await town.request('POST', `/api/mediation/cases/${id}/parties/${dto.parties[0].id}/reveal`, { field: 'idNumber' });
    expect(revealed.json()).toEqual({ value: idNumber(1) });
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('action', '=', 'mediation.reveal')
      .where('object_id', '=', dto.parties[0].id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_name).toBe('wq.med');

    const bad = await town.request(
      'POST',
      '/api/mediation/cases',
      caseBody(2, { source: 'referral', riskLevel: 'high', parties: [caseBody(2).parties[0]] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toMatchObject({
      referrer: '移送委托的案件须选择移送单位',
      riskReasons: '高风险或可能“民转刑”的案件须选择风险原因',
      parties: '至少登记两方当事人',
    });
  });

  it('answers 404 for a case in another county and 403 to a role without the permission', async () => {
    const { id } = (await town.request('POST', '/api/mediation/cases', caseBody(3))).json<{ id: string }>();
    const other = await t.login('hy.med');
    expect((await other.request('GET', `/api/mediation/cases/${id}`)).statusCode).toBe(404);
    expect((await other.request('POST', `/api/mediation/cases/${id}/start`, { mediatorId: townMediator })).statusCode).toBe(404);
    expect((await other.request('GET', `/api/mediation/cases/${id}/agreement.docx`)).statusCode).toBe(404);
    expect((await other.request('GET', '/api/mediation/cases')).json().total).toBe(0);
    const leader = await t.login('jy.leader');
    expect((await leader.request('GET', `/api/mediation/cases/${id}`)).statusCode).toBe(200);
    expect((await leader.request('POST', `/api/mediation/cases/${id}/start`, { mediatorId: townMediator })).statusCode).toBe(403);
  });

  /** Drives a fresh case to `status` through the API (the happy path), returning its id. */
  async function caseIn(status: CaseStatus, seq: number, outcome: 'agree' | 'fail' = 'agree'): Promise<string> {
    const { id } = (await town.request('POST', '/api/mediation/cases', caseBody(seq))).json<{ id: string }>();
    const go = async (path: string, body: unknown) => {
      const res = await town.request('POST', `/api/mediation/cases/${id}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    };
    if (status === 'registered') return id;
    await go('start', { mediatorId: townMediator });
    if (status === 'mediating') return id;
    await go('sessions', { heldOn: '2026-01-03', participants: '双方当事人、村调委会主任', notes: '听取双方陈述' });
    if (outcome === 'agree')
      await go('agree', { agreedOn: '2026-01-04', terms: '一、被申请人于一月十日前疏通排水沟。\n二、申请人不再追究。' });
    else await go('fail', { failedOn: '2026-01-04', route: 'litigation', destination: '泾阳县人民法院', reason: '双方分歧较大' });
    if (status === 'agreed' || status === 'failed') return id;
    if (outcome === 'agree') await go('confirm', { confirmedOn: '2026-01-04' });
    await go('follow-up', { dueDays: 10 });
    if (status === 'follow_up') return id;
    await go('visit', { visitedOn: '2026-01-05', note: '双方关系缓和' });
    if (outcome === 'agree') await go('performance', { performance: 'performed' });
    await go('close', { closedOn: '2026-01-05' });
    return id;
  }

  const BODIES: Record<CaseAction, unknown> = {
    start: { mediatorId: '00000000-0000-4000-8000-000000000000' },
    agree: { agreedOn: '2026-01-04', terms: '协议' },
    fail: { failedOn: '2026-01-04', route: 'arbitration', destination: '泾阳县劳动人事争议仲裁委员会' },
    follow_up: {},
    close: { closedOn: '2026-01-05' },
  };
  const PATHS: Record<CaseAction, string> = { start: 'start', agree: 'agree', fail: 'fail', follow_up: 'follow-up', close: 'close' };
  const refused = CASE_STATUSES.flatMap((status) =>
    CASE_ACTIONS.filter((a) => !TRANSITIONS[a].from.includes(status)).map((action) => [status, action] as const),
  );

  it.each(refused)('refuses %s → %s with 409 and changes nothing', async (status, action) => {
    const id = await caseIn(status, 10 + refused.findIndex(([s, a]) => s === status && a === action));
    const before = await t.ctx.db.selectFrom('mediation_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const res = await town.request('POST', `/api/mediation/cases/${id}/${PATHS[action]}`, BODIES[action]);
    expect(res.statusCode, res.body).toBe(409);
    expect(errorOf(res).message).toContain('不能执行');
    expect(await t.ctx.db.selectFrom('mediation_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('names the missing evidence with 400: mediator, sessions, confirmation, visit and performance', async () => {
    const registered = await caseIn('registered', 80);
    expect(errorOf(await town.request('POST', `/api/mediation/cases/${registered}/start`, {})).fields).toEqual({
      mediatorId: '开始调解前须指定调解员',
    });
    const mediating = await caseIn('mediating', 81);
    const noSession = await town.request('POST', `/api/mediation/cases/${mediating}/agree`, BODIES.agree);
    expect(noSession.statusCode).toBe(400);
    expect(errorOf(noSession).fields).toEqual({ sessions: '尚无调解记录：请先登记至少一次调解过程（日期、参加人员、记录）' });
    expect(errorOf(await town.request('POST', `/api/mediation/cases/${mediating}/fail`, BODIES.fail)).fields).toHaveProperty('sessions');
    const agreed = await caseIn('agreed', 82);
    expect(errorOf(await town.request('POST', `/api/mediation/cases/${agreed}/follow-up`, {})).fields).toEqual({
      confirmation: '调解协议尚未经当事人签字确认',
    });
    const failed = await caseIn('follow_up', 83, 'fail');
    expect(errorOf(await town.request('POST', `/api/mediation/cases/${failed}/close`, BODIES.close)).fields).toEqual({
      visit: '尚未登记回访情况',
    });
    const followUp = await caseIn('follow_up', 84);
    expect(
      (await town.request('POST', `/api/mediation/cases/${followUp}/visit`, { visitedOn: '2026-01-05', note: '已回访' })).statusCode,
    ).toBe(200);
    expect(errorOf(await town.request('POST', `/api/mediation/cases/${followUp}/close`, BODIES.close)).fields).toEqual({
      performance: '尚未登记协议履行情况',
    });
    const early = await town.request('POST', `/api/mediation/cases/${mediating}/sessions`, {
      heldOn: '2025-12-01',
      participants: '双方',
      notes: '记录',
    });
    expect(errorOf(early).fields).toEqual({ heldOn: '日期不能早于受理日期' });
  });

  it('walks the whole path, generates the agreement .docx in the standard layout, and reopens with a link', async () => {
    const agreed = await caseIn('agreed', 90);
    const doc = await town.request('GET', `/api/mediation/cases/${agreed}/agreement.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(doc.rawPayload);
    for (const part of [
      '人民调解协议书',
      '（2026）屈家村调字第',
      '当事人（申请人）：张90',
      '纠纷主要事实、争议事项',
      '经调解，自愿达成如下协议',
      '被申请人于一月十日前疏通排水沟',
      '履行方式、时限',
      '人民调解员（签名）：调解员1',
      '屈家村人民调解委员会印',
      '2026年1月4日',
    ]) {
      expect(text).toContain(part);
    }
    // The official holds personal.reveal: full numbers, audited as such; a mediator gets them masked.
    expect(text).toContain(idNumber(90));
    const mediatorClient = await t.login('wq.mediator');
    const masked = await mediatorClient.request('GET', `/api/mediation/cases/${agreed}/agreement.docx`);
    const maskedText = await docxText(masked.rawPayload);
    expect(maskedText).not.toContain(idNumber(90));
    expect(maskedText).toContain(`6104**********${idNumber(90).slice(-4)}`);

    const closed = await caseIn('closed', 91);
    const dto = (await town.request('GET', `/api/mediation/cases/${closed}`)).json();
    expect(dto).toMatchObject({
      status: 'closed',
      outcome: 'agreement',
      performance: 'performed',
      followUp: { dueOn: '2026-01-14', visitedOn: '2026-01-05' },
      closedOn: '2026-01-05',
    });
    const reopened = await town.request('POST', `/api/mediation/cases/${closed}/reopen`, {
      reopenedOn: '2026-01-05',
      reason: '被申请人又堵塞排水沟',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'registered', reopenedFrom: { id: closed, caseNo: dto.caseNo } });
    expect(reopened.json().parties.map((p: { name: string }) => p.name)).toEqual(['张91', '李91']);
    expect((await town.request('GET', `/api/mediation/cases/${closed}`)).json().reopenedAs.id).toBe(reopened.json().id);
    expect(
      (await town.request('POST', `/api/mediation/cases/${closed}/reopen`, { reopenedOn: '2026-01-05', reason: '再次' })).statusCode,
    ).toBe(409);
  });

  it('shows a case likely to turn criminal on the town’s and county’s todo lists at once', async () => {
    const before = (await county.request('GET', '/api/todos'))
      .json()
      .items.find((i: { kind: string }) => i.kind === 'mediation.criminalRisk');
    const res = await town.request(
      'POST',
      '/api/mediation/cases',
      caseBody(95, { riskLevel: 'high', criminalRisk: true, riskReasons: ['violence_threat', 'repeated_petitions'] }),
    );
    expect(res.statusCode).toBe(201);
    for (const client of [county, town]) {
      const item = (await client.request('GET', '/api/todos'))
        .json()
        .items.find((i: { kind: string }) => i.kind === 'mediation.criminalRisk');
      expect(item).toMatchObject({ title: '有可能“民转刑”的矛盾纠纷', count: (before?.count ?? 0) + 1 });
    }
    const other = await t.login('hy.med');
    expect(
      (await other.request('GET', '/api/todos')).json().items.find((i: { kind: string }) => i.kind === 'mediation.criminalRisk'),
    ).toBeUndefined();
  });

  it('counts statistics from the same records: totals, by type and month, success, performance, overdue, drill-down', async () => {
    const rows = await t.ctx.db.selectFrom('mediation_cases').selectAll().where('region_code', 'like', `${PLACES.wangqiao}%`).execute();
    const stats = (await county.request('GET', '/api/mediation/stats?year=2026')).json();
    const success = rows.filter((r) => r.outcome === 'agreement').length;
    const failed = rows.filter((r) => r.outcome === 'failed').length;
    expect(stats.totals).toMatchObject({
      registered: rows.length,
      success,
      failed,
      successRate: Math.round((success / (success + failed)) * 10_000) / 10_000,
      closed: rows.filter((r) => r.status === 'closed').length,
      openHighRisk: rows.filter((r) => r.risk_level === 'high' && r.concluded_on === null).length,
      openCriminalRisk: rows.filter((r) => r.criminal_risk === 1 && r.concluded_on === null).length,
      performance: { performed: rows.filter((r) => r.performance === 'performed').length },
    });
    expect(stats.byType.find((b: { caseType: string }) => b.caseType === 'neighbour').registered).toBe(rows.length);
    expect(stats.byMonth.find((b: { month: string }) => b.month === '2026-01').registered).toBe(rows.length);
    expect(stats.children).toEqual([expect.objectContaining({ code: PLACES.wangqiao, name: '王桥镇', registered: rows.length, success })]);
    const townStats = (await county.request('GET', `/api/mediation/stats?year=2026&regionCode=${PLACES.wangqiao}`)).json();
    expect(townStats.children).toEqual([expect.objectContaining({ code: PLACES.qujia, registered: rows.length })]);

    // A month later the still-open cases are overdue (30 days by default).
    t.clock.advance(40 * 86_400_000);
    const later = await t.login('jy.med');
    const overdueStats = (await later.request('GET', '/api/mediation/stats?year=2026')).json();
    expect(overdueStats.totals.overdue).toBe(rows.filter((r) => r.concluded_on === null).length);
    const overdueList = (await later.request('GET', '/api/mediation/cases?overdue=true&pageSize=100')).json();
    expect(overdueList.total).toBe(overdueStats.totals.overdue);
  });

  it('shows a party’s other disputes in the region (反复纠纷), found by the ID number and never across counties', async () => {
    const official = await t.login('jy.med');
    const other = await t.login('hy.med');
    const body = (seq: number, registeredOn: string, regionCode: string = PLACES.qujia) =>
      caseBody(seq, {
        regionCode,
        registeredOn,
        parties: [
          { kind: 'person', role: 'applicant', name: '孙反复', idNumber: idNumber(70), phone: phone(70) },
          { kind: 'person', role: 'respondent', name: `邻居${seq}` },
        ],
      });
    const first = (await official.request('POST', '/api/mediation/cases', body(71, '2026-01-05'))).json<{ id: string }>().id;
    const second = (await official.request('POST', '/api/mediation/cases', body(72, '2026-01-20'))).json<{ id: string }>().id;
    const foreign = await other.request('POST', '/api/mediation/cases', body(73, '2026-01-21', PLACES.wanfu));
    expect(foreign.statusCode, foreign.body).toBe(201);

    const dto = (await official.request('GET', `/api/mediation/cases/${second}`)).json();
    expect(dto.partyHistory).toEqual([
      {
        partyId: dto.parties[0].id,
        name: '孙反复',
        total: 1,
        cases: [expect.objectContaining({ id: first, registeredOn: '2026-01-05', status: 'registered' })],
      },
    ]);
    expect(
      (await official.request('GET', `/api/mediation/cases/${first}`)).json().partyHistory[0].cases.map((c: { id: string }) => c.id),
    ).toEqual([second]);
    // Another county sees only its own case: the same person's disputes elsewhere are not its to see.
    expect((await other.request('GET', `/api/mediation/cases/${foreign.json<{ id: string }>().id}`)).json().partyHistory).toEqual([]);
  });

  it('keeps evidence with a case: the signed agreement and photos, checked by content, scoped and audited', async () => {
    const official = await t.login('wq.med');
    const { id } = (await official.request('POST', '/api/mediation/cases', caseBody(40))).json<{ id: string }>();
    const send = (client: TestClient, type: string, body: Buffer, name = '签字协议书.pdf') =>
      t.app.inject({
        method: 'POST',
        url: `/api/mediation/cases/${id}/attachments?name=${encodeURIComponent(name)}`,
        headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken, 'content-type': type },
        payload: body,
      });
    const pdf = Buffer.from('%PDF-1.4\n%签字协议书\n');
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
    const first = await send(official, 'application/pdf', pdf);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ fileName: '签字协议书.pdf', contentType: 'application/pdf', size: pdf.length });
    expect((await send(official, 'image/jpeg', jpeg, '现场照片.jpg')).statusCode).toBe(201);
    // A declared type the bytes contradict, or a type we do not keep, is refused and nothing is stored.
    expect((await send(official, 'image/png', pdf)).statusCode).toBe(415);
    expect(errorOf(await send(official, 'image/png', pdf)).message).toBe('附件只能是 JPG、PNG 图片或 PDF 文件');
    expect((await send(official, 'application/x-msdownload', Buffer.from('MZ'))).statusCode).toBe(415);
    expect((await send(await t.login('hy.med'), 'application/pdf', pdf)).statusCode).toBe(404);
    expect((await send(await t.login('jy.leader'), 'application/pdf', pdf)).statusCode).toBe(403);

    const dto = (await official.request('GET', `/api/mediation/cases/${id}`)).json<{ attachments: { id: string; fileName: string }[] }>();
    expect(dto.attachments.map((a) => a.fileName)).toEqual(['签字协议书.pdf', '现场照片.jpg']);
    const file = await (await t.login('jy.med')).request('GET', `/api/mediation/cases/${id}/attachments/${dto.attachments[0]?.id ?? ''}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(
      (await (await t.login('hy.med')).request('GET', `/api/mediation/cases/${id}/attachments/${dto.attachments[0]?.id ?? ''}`)).statusCode,
    ).toBe(404);
    const other = (await official.request('POST', '/api/mediation/cases', caseBody(41))).json<{ id: string }>();
    expect((await official.request('GET', `/api/mediation/cases/${other.id}/attachments/${dto.attachments[0]?.id ?? ''}`)).statusCode).toBe(
      404,
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('action', '=', 'mediation.case_attach')
      .where('object_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.actor_name, JSON.parse(a.detail ?? '{}').file])).toEqual([
      ['wq.med', '签字协议书.pdf'],
      ['wq.med', '现场照片.jpg'],
    ]);
  });

  it('exports the case ledger and the statistics as workbooks: filtered, scoped, personal data masked, audited', async () => {
    const cells = async (payload: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(payload as unknown as ArrayBuffer);
      return workbook.worksheets.map((ws) => {
        const rows: unknown[][] = [];
        ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        return { name: ws.name, rows };
      });
    };
    // The statistics test moved the clock on past the idle timeout: sign in again.
    const official = await t.login('jy.med');
    const list = (await official.request('GET', '/api/mediation/cases?pageSize=100')).json();
    // 在办 (the phone's default list): every case not yet closed.
    const openCases = await t.ctx.db
      .selectFrom('mediation_cases')
      .select('case_no')
      .where('region_code', 'like', `${PLACES.jingyang}%`)
      .where('status', '!=', 'closed')
      .execute();
    const openList = (await official.request('GET', '/api/mediation/cases?open=true&pageSize=100')).json();
    expect(openList.items.map((c: { caseNo: string }) => c.caseNo).sort()).toEqual(openCases.map((c) => c.case_no).sort());
    const ledger = await official.request('GET', '/api/mediation/cases.xlsx');
    expect(ledger.statusCode).toBe(200);
    expect(ledger.headers['content-disposition']).toContain(encodeURIComponent('人民调解案件登记台账'));
    const [sheet] = await cells(ledger.rawPayload);
    expect(sheet?.rows[0]?.slice(0, 4)).toEqual(['案件编号', '所在地', '调解组织', '调解员']);
    expect(
      sheet?.rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(list.items.map((c: { caseNo: string }) => c.caseNo).sort());
    // The applicant's ID number and both phones appear masked, never in full (the party seq is the case's).
    const header = sheet?.rows[0] ?? [];
    const first = sheet?.rows.find((r) => String(r[header.indexOf('当事人')]).includes('申请人：张1；'));
    expect(first?.[header.indexOf('身份证号码（脱敏）')]).toBe(`张1 ${maskIdCard(idNumber(1))}`);
    expect(first?.[header.indexOf('联系电话（脱敏）')]).toBe(`张1 ${maskMobile(phone(1))}；李1 ${maskMobile(phone(501))}`);
    const zip = await JSZip.loadAsync(ledger.rawPayload);
    const xml = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('');
    expect(personalNumbersIn(xml)).toEqual([]);

    // The list's filters apply; another county's town is not found; a role without the permission is refused.
    const filtered = (await official.request('GET', `/api/mediation/cases?status=closed&pageSize=100`)).json();
    const [closed] = await cells((await official.request('GET', '/api/mediation/cases.xlsx?status=closed')).rawPayload);
    expect((closed?.rows.length ?? 0) - 1).toBe(filtered.total);
    expect((await (await t.login('hy.med')).request('GET', `/api/mediation/cases.xlsx?regionCode=${PLACES.wangqiao}`)).statusCode).toBe(
      404,
    );
    expect((await (await t.login('wq.mediator')).request('GET', '/api/mediation/cases.xlsx')).statusCode).toBe(403);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('action', '=', 'export.mediation_cases')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.actor_name, JSON.parse(a.detail ?? '{}').rows])).toEqual([
      ['jy.med', list.total],
      ['jy.med', filtered.total],
    ]);

    const stats = (await official.request('GET', '/api/mediation/stats?year=2026')).json();
    const book = await cells((await official.request('GET', '/api/mediation/stats.xlsx?year=2026')).rawPayload);
    expect(book.map((s) => s.name)).toEqual(['分地区', '按纠纷类型', '按月份']);
    expect(book[0]?.rows[1]?.slice(0, 5)).toEqual([
      '泾阳县（合计）',
      stats.totals.registered,
      stats.totals.success,
      stats.totals.failed,
      stats.totals.successRate,
    ]);
    expect(book[0]?.rows[2]?.[0]).toBe('王桥镇');
    expect(book[1]?.rows.find((r) => r[0] === '邻里纠纷')?.[1]).toBe(
      stats.byType.find((b: { caseType: string }) => b.caseType === 'neighbour').registered,
    );
    expect(book[2]?.rows).toHaveLength(13);
    expect(await t.ctx.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'export.mediation_stats').execute()).toEqual([
      { actor_name: 'jy.med' },
    ]);
  });

  it('collects monthly screening reports: nil reports explicit, one per village, on time or late', async () => {
    // The clock stands 40 days on (previous test): January's reports are late now, February is open.
    county = await t.login('jy.med');
    const cadre = await t.login('qj.cadre');
    const nilWithItems = await cadre.request('POST', '/api/mediation/screenings', {
      villageCode: PLACES.qujia,
      period: '2026-01',
      nil: true,
      items: [{ caseType: 'neighbour', summary: 's', peopleCount: 2, riskLevel: 'low' }],
    });
    expect(errorOf(nilWithItems).fields).toEqual({ items: '零报告不能同时填写纠纷' });
    const ok = await cadre.request('POST', '/api/mediation/screenings', {
      villageCode: PLACES.qujia,
      period: '2026-01',
      nil: false,
      items: [{ caseType: 'land_contract', summary: '承包地边界争议', peopleCount: 3, riskLevel: 'medium' }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ onTime: false, nil: false });
    expect(
      (await cadre.request('POST', '/api/mediation/screenings', { villageCode: PLACES.qujia, period: '2026-01', nil: true })).statusCode,
    ).toBe(409);
    expect(
      (await cadre.request('POST', '/api/mediation/screenings', { villageCode: villages[0], period: '2026-01', nil: true })).statusCode,
    ).toBe(404);
    const mediatorClient = await t.login('wq.mediator');
    expect(
      (await mediatorClient.request('POST', '/api/mediation/screenings', { villageCode: villages[0], period: '2026-02', nil: true }))
        .statusCode,
    ).toBe(201);
    const jan = (await county.request('GET', `/api/mediation/screenings/completeness?period=2026-01&regionCode=${PLACES.wangqiao}`)).json();
    expect(jan).toMatchObject({ expected: 3, submitted: 1, onTime: 0, late: 1, missing: 2, disputes: 1, dueOn: '2026-02-05' });
    expect(jan.missingVillages.map((v: { code: string }) => v.code)).toEqual(villages);
    // A dispute found by screening becomes a case that keeps the link to its report.
    const fromScreening = await county.request(
      'POST',
      '/api/mediation/cases',
      caseBody(60, { source: 'screening', screeningId: ok.json().id, caseType: 'land_contract', registeredOn: '2026-02-10' }),
    );
    expect(fromScreening.statusCode, fromScreening.body).toBe(201);
    expect(
      await t.ctx.db
        .selectFrom('mediation_cases')
        .select(['source', 'screening_id'])
        .where('id', '=', fromScreening.json().id)
        .executeTakeFirst(),
    ).toEqual({ source: 'screening', screening_id: ok.json().id });
    const foreign = await county.request(
      'POST',
      '/api/mediation/cases',
      caseBody(61, { regionCode: PLACES.wangjia, source: 'screening', screeningId: ok.json().id, registeredOn: '2026-02-10' }),
    );
    expect(errorOf(foreign).fields).toEqual({ screeningId: '该排查记录不存在' });
    const feb = (await county.request('GET', '/api/mediation/screenings/completeness?period=2026-02')).json();
    expect(feb.children.find((c: { code: string }) => c.code === PLACES.wangqiao)).toMatchObject({
      expected: 3,
      submitted: 1,
      onTime: 1,
      nil: 1,
    });
  });

  it('starts legal aid from a failed mediation with the party and facts filled in; review checks the hardship criteria', async () => {
    const client = await t.login('jy.med');
    const failed = await (async () => {
      const { id } = (
        await client.request('POST', '/api/mediation/cases', caseBody(97, { registeredOn: '2026-02-01', caseType: 'labour_wages' }))
      ).json<{ id: string }>();
      await client.request('POST', `/api/mediation/cases/${id}/start`, { mediatorId: townMediator });
      await client.request('POST', `/api/mediation/cases/${id}/sessions`, {
        heldOn: '2026-02-02',
        participants: '双方',
        notes: '拖欠工资',
      });
      await client.request('POST', `/api/mediation/cases/${id}/fail`, {
        failedOn: '2026-02-03',
        route: 'arbitration',
        destination: '泾阳县劳动人事争议仲裁委员会',
        reason: '老板拒不支付',
      });
      return (await client.request('GET', `/api/mediation/cases/${id}`)).json();
    })();
    expect(failed.abilities.aid).toBe(true);
    const res = await client.request('POST', '/api/mediation/aid', {
      caseId: failed.id,
      partyId: failed.parties[0].id,
      hardship: ['农民工追索劳动报酬'],
      matter: '追索劳动报酬',
      appliedOn: '2026-02-04',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      applicantName: '张97',
      idNumber: failed.parties[0].idNumber,
      caseNo: failed.caseNo,
      status: 'applied',
    });
    expect(res.json().facts).toContain('泾阳县劳动人事争议仲裁委员会');
    const aidId = res.json().id;
    expect(
      (
        await client.request('POST', `/api/mediation/aid/${aidId}/assign`, {
          assigneeName: '王律师',
          assigneeKind: 'lawyer',
          assignedOn: '2026-02-05',
        })
      ).statusCode,
    ).toBe(409);
    const unmet = await client.request('POST', '/api/mediation/aid', {
      regionCode: PLACES.qujia,
      applicantName: '赵某',
      idNumber: idNumber(98),
      phone: phone(98),
      matter: '赡养',
      facts: '子女不赡养',
      hardship: ['家里穷'],
      appliedOn: '2026-02-04',
    });
    expect(
      (
        await (
          await t.login('jy.med2')
        ).request('POST', `/api/mediation/aid/${unmet.json().id}/review`, {
          approve: true,
          reason: '困难',
          reviewedOn: '2026-02-05',
        })
      ).json().error.fields,
    ).toEqual({ hardship: '所选经济困难情形不符合本地法律援助认定标准' });
    expect(
      (
        await (
          await t.login('jy.med2')
        ).request('POST', `/api/mediation/aid/${aidId}/review`, {
          approve: true,
          reason: '符合农民工追索劳动报酬免予经济困难审查',
          reviewedOn: '2026-02-05',
        })
      ).json().status,
    ).toBe('approved');
    expect(
      (
        await client.request('POST', `/api/mediation/aid/${aidId}/assign`, {
          assigneeName: '王律师',
          assigneeKind: 'lawyer',
          assignedOn: '2026-02-05',
        })
      ).json().status,
    ).toBe('assigned');
    const closed = (await client.request('POST', `/api/mediation/aid/${aidId}/close`, { result: 'won', closedOn: '2026-02-10' })).json();
    expect(closed).toMatchObject({ status: 'closed', result: { result: 'won' }, assignment: { name: '王律师' } });

    // The decision letters: granted (naming the assigned lawyer), refused (with the reason and where to object).
    expect(errorOf(await client.request('GET', `/api/mediation/aid/${unmet.json().id}/decision.docx`)).message).toBe(
      '该申请尚未审查，还没有决定书',
    );
    const granted = await client.request('GET', `/api/mediation/aid/${aidId}/decision.docx`);
    expect(granted.statusCode).toBe(200);
    expect(granted.headers['content-disposition']).toContain(encodeURIComponent('给予法律援助决定书（张97）'));
    const grantedText = await docxText(granted.rawPayload);
    for (const part of [
      '给予法律援助决定书',
      `申请人：张97，身份证号码：${idNumber(97)}`,
      '你于2026年2月4日提出的追索劳动报酬法律援助申请',
      '你的申请符合法律援助条件（农民工追索劳动报酬）',
      '本中心已指派律师王律师承办',
      '泾阳县法律援助中心（印）',
      '2026年2月5日',
    ]) {
      expect(grantedText).toContain(part);
    }
    expect(
      (
        await (
          await t.login('jy.med2')
        ).request('POST', `/api/mediation/aid/${unmet.json().id}/review`, {
          approve: false,
          reason: '家庭收入高于当地法律援助经济困难标准',
          reviewedOn: '2026-02-06',
        })
      ).json().status,
    ).toBe('rejected');
    const refusedText = await docxText((await client.request('GET', `/api/mediation/aid/${unmet.json().id}/decision.docx`)).rawPayload);
    for (const part of [
      '不予法律援助决定书',
      '经审查，家庭收入高于当地法律援助经济困难标准。',
      '决定不予法律援助',
      '可以向设立本法律援助机构的司法行政部门提出',
    ]) {
      expect(refusedText).toContain(part);
    }
    expect((await (await t.login('wq.mediator')).request('GET', `/api/mediation/aid/${aidId}/decision.docx`)).statusCode).toBe(403);
    expect((await (await t.login('hy.med')).request('GET', `/api/mediation/aid/${aidId}/decision.docx`)).statusCode).toBe(404);
    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', 'in', [aidId, unmet.json().id])
      .where('action', 'like', '%decision%')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['mediation.aid_decision_full', 'mediation.aid_decision_full']);
  });

  it('takes a villager’s online application for their own village and shows it back to them only', async () => {
    const villager = await t.login('qj.villager');
    const res = await villager.request('POST', '/api/mediation/applications', {
      caseType: 'homestead',
      description: '邻居建房占用我家宅基地',
      phone: '13912340001',
      respondentName: '王某',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'registered', caseType: 'homestead' });
    const row = await t.ctx.db.selectFrom('mediation_cases').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ region_code: PLACES.qujia, online: 1, source: 'application' });
    expect((await villager.request('GET', '/api/mediation/applications/mine')).json().items.map((i: { id: string }) => i.id)).toEqual([
      res.json().id,
    ]);
    expect((await villager.request('GET', '/api/mediation/cases')).statusCode).toBe(403);

    // A villager registered in a 村民小组 applies to their village.
    const cadre = await t.login('qj.cadre');
    const group = await cadre.request('POST', `/api/regions/${PLACES.qujia}/groups`, { name: '调解测试组' });
    expect(group.statusCode, group.body).toBe(201);
    await buildUser(t.ctx, { username: 'qj.group.villager', regionCode: group.json().code, roles: ['villager'] });
    const groupVillager = await t.login('qj.group.villager');
    const fromGroup = await groupVillager.request('POST', '/api/mediation/applications', {
      caseType: 'neighbour',
      description: '邻居堆放柴草堵路',
      phone: '13912340002',
      respondentName: '赵某',
    });
    expect(fromGroup.statusCode, fromGroup.body).toBe(201);
    expect(
      (await t.ctx.db.selectFrom('mediation_cases').select('region_code').where('id', '=', fromGroup.json().id).executeTakeFirstOrThrow())
        .region_code,
    ).toBe(PLACES.qujia);
  });

  it('applies a county’s settings below it: overdue days for new cases, hardship criteria for aid', async () => {
    const client = await t.login('jy.med');
    const defaults = (await client.request('GET', `/api/mediation/settings?regionCode=${PLACES.qujia}`)).json();
    expect(defaults).toMatchObject({ source: null, sourceName: null, overdueDays: 30, followUpDays: 15, abilities: { update: true } });
    const mediatorClient = await t.login('wq.mediator');
    expect(
      (
        await mediatorClient.request('PUT', '/api/mediation/settings', {
          regionCode: PLACES.jingyang,
          overdueDays: 15,
          followUpDays: 7,
          aidCriteria: ['家里穷'],
        })
      ).statusCode,
    ).toBe(403);
    expect((await mediatorClient.request('GET', '/api/mediation/settings')).json().abilities).toEqual({ update: false });
    const put = await client.request('PUT', '/api/mediation/settings', {
      regionCode: PLACES.jingyang,
      overdueDays: 15,
      followUpDays: 7,
      aidCriteria: ['家里穷'],
    });
    expect(put.json()).toMatchObject({ source: PLACES.jingyang, overdueDays: 15 });
    expect((await client.request('GET', `/api/mediation/settings?regionCode=${PLACES.qujia}`)).json()).toMatchObject({
      source: PLACES.jingyang,
      // The console names the region the settings come from.
      sourceName: '泾阳县',
      overdueDays: 15,
      aidCriteria: ['家里穷'],
    });
    const today = t.clock.now().toISOString().slice(0, 10);
    const res = await client.request('POST', '/api/mediation/cases', caseBody(99, { registeredOn: today }));
    expect((await client.request('GET', `/api/mediation/cases/${res.json().id}`)).json().dueOn).toBe(
      new Date(Date.parse(`${today}T00:00:00Z`) + 15 * 86_400_000).toISOString().slice(0, 10),
    );
    const aid = await client.request('POST', '/api/mediation/aid', {
      regionCode: PLACES.qujia,
      applicantName: '钱某',
      idNumber: idNumber(99),
      phone: phone(99),
      matter: '赡养',
      facts: '子女不赡养',
      hardship: ['家里穷'],
      appliedOn: today,
    });
    expect(
      (
        await (
          await t.login('jy.med2')
        ).request('POST', `/api/mediation/aid/${aid.json().id}/review`, {
          approve: true,
          reason: '符合本县标准',
          reviewedOn: today,
        })
      ).json().status,
    ).toBe('approved');
    expect(
      await t.ctx.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'mediation.settings_update').executeTakeFirst(),
    ).toEqual({ actor_name: 'jy.med' });
  });

  it('corrects the parties while mediating: kept numbers stay sealed, new ones are sealed, and the change is audited without them', async () => {
    const village = `${PLACES.wangqiao}201`;
    // Earlier tests moved the clock past the idle timeout: a fresh session.
    const officer = await t.login('wq.med');
    const created = await officer.request('POST', '/api/mediation/cases', caseBody(40, { regionCode: village }));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const before = (await officer.request('GET', `/api/mediation/cases/${id}`)).json();
    expect(before.abilities.editParties).toBe(true);
    const stored = async () => t.ctx.db.selectFrom('mediation_parties').selectAll().where('case_id', '=', id).orderBy('seq').execute();
    const [applicant] = await stored();
    const [first, second] = before.parties as { id: string }[];
    const edit = (version: number, parties: unknown[]) =>
      officer.request('PUT', `/api/mediation/cases/${id}/parties`, { version, parties });

    const res = await edit(before.version, [
      { id: first?.id, kind: 'person', role: 'applicant', name: '张四十', address: '二组' },
      { id: second?.id, kind: 'person', role: 'respondent', name: '李40', phone: null },
      { kind: 'person', role: 'respondent', name: '王40', idNumber: idNumber(41), phone: phone(41) },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().parties).toMatchObject([
      { id: first?.id, name: '张四十', idNumber: `6104**********${idNumber(40).slice(-4)}`, phone: '138****1040', address: '二组' },
      { id: second?.id, name: '李40', phone: null },
      { name: '王40', idNumber: `6104**********${idNumber(41).slice(-4)}`, phone: '138****1041' },
    ]);
    const after = await stored();
    expect(after[0]?.id_number_enc).toBe(applicant?.id_number_enc);
    expect(after[1]?.phone_enc).toBeNull();
    expect(JSON.stringify(after)).not.toContain(idNumber(41));
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('object_id', '=', id)
      .where('action', '=', 'mediation.case_parties_update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({
      before: ['申请人：张40', '被申请人：李40'],
      after: ['申请人：张四十', '被申请人：李40', '被申请人：王40'],
      newIdNumbers: 1,
      newPhones: 2,
    });
    expect(audit.detail).not.toContain(idNumber(41));

    expect(
      (
        await edit(before.version, [
          { kind: 'person', role: 'applicant', name: '甲' },
          { kind: 'person', role: 'respondent', name: '乙' },
        ])
      ).statusCode,
    ).toBe(409);
    const foreign = await edit(before.version + 1, [
      { id: '01234567-89ab-7def-8123-456789abcdef', kind: 'person', role: 'applicant', name: '甲' },
      { kind: 'person', role: 'respondent', name: '乙' },
    ]);
    expect(errorOf(foreign).fields).toEqual({ 'parties.0.id': '该当事人不属于本案件' });
    const oneSide = await edit(before.version + 1, [
      { kind: 'person', role: 'applicant', name: '甲' },
      { kind: 'person', role: 'applicant', name: '乙' },
    ]);
    expect(errorOf(oneSide).fields).toEqual({ parties: '须至少有一名申请人和一名被申请人' });
    expect(
      errorOf(await officer.request('PUT', `/api/mediation/cases/${id}/parties`, { version: before.version + 1, parties: [] })).fields,
    ).toEqual({ parties: '至少登记两方当事人' });
    const outsider = await t.login('hy.med');
    expect(
      (
        await outsider.request('PUT', `/api/mediation/cases/${id}/parties`, {
          version: before.version + 1,
          parties: [
            { kind: 'person', role: 'applicant', name: '甲' },
            { kind: 'person', role: 'respondent', name: '乙' },
          ],
        })
      ).statusCode,
    ).toBe(404);

    // Once mediation has an outcome the agreement or the record of failure names the parties.
    await t.ctx.db.updateTable('mediation_cases').set({ status: 'follow_up' }).where('id', '=', id).execute();
    expect((await officer.request('GET', `/api/mediation/cases/${id}`)).json().abilities.editParties).toBe(false);
    const locked = await edit(before.version + 1, [
      { id: first?.id, kind: 'person', role: 'applicant', name: '张四十' },
      { kind: 'person', role: 'respondent', name: '乙' },
    ]);
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).message).toBe('调解已有结果，当事人信息不能再修改（以调解协议书或终结记录为准）');
  });

  it('never answers a full ID number or phone outside the reveal endpoints', () => {
    // Ids are left out first: a random UUID's last group can be all digits and look like a phone.
    const scanned = t.responses
      .filter((r) => !r.url.endsWith('/reveal') && !r.url.endsWith('.docx'))
      .map((r) => ({ url: r.url, body: r.body.replace(/[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/gi, '') }));
    expect(scanned.length).toBeGreaterThan(50);
    const leaks = scanned.filter((r) => personalNumbersIn(r.body).length > 0);
    expect(leaks.map((r) => `${r.url} ${personalNumbersIn(r.body)[0] ?? ''}`)).toEqual([]);
  });
});
