import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import type { DomainEvent } from '../../core/events/event-bus.ts';
import { HOUR } from '../../core/clock.ts';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

// Signature, filler, and the IEND chunk a picture ends with (data after it is refused).
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
  Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
]);

function idNumber(seq: number): string {
  const body = `61042319800101${String(seq).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}

const service = (overrides: Record<string, unknown> = {}) => ({
  villageCode: PLACES.qujia,
  window: 'onsite',
  servedAt: '2026-01-04T10:00:00+08:00',
  serviceType: 'consultation',
  subjectKind: 'person',
  subjectName: '屈某某',
  content: '咨询土地承包经营权流转合同的签订',
  result: '讲解了流转合同的必备条款，建议书面签订并备案',
  durationMinutes: 40,
  ...overrides,
});

describe('legal: service ledger 一次一记 and the online window (P1.4(1), P1.4(3))', () => {
  let t: TestApp;
  let county: TestClient;
  let advisor: TestClient;
  let advisorId: string;
  const other = `${PLACES.wangqiao}201`;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.ctx.events.on('legal.service_recorded', async (_tx, event) => {
      events.push(event);
    });
    await buildVillage(t.ctx, { code: other });
    await buildUser(t.ctx, { username: 'jy.office', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'aw.office', regionCode: PLACES.anwu, roles: ['official'] });
    const account = await buildUser(t.ctx, { username: 'qj.adv', regionCode: PLACES.wangqiao, roles: ['legal_advisor'] });
    await buildUser(t.ctx, { username: 'qj.adv2', regionCode: PLACES.wangqiao, roles: ['legal_advisor'] });
    await buildUser(t.ctx, { username: 'qj.people', regionCode: PLACES.qujia, roles: ['villager'] });
    county = await t.login('jy.office');
    const created = await county.request('POST', '/api/legal/advisors', {
      regionCode: PLACES.jingyang,
      name: '王建国',
      gender: 'male',
      phone: '13912340001',
      idNumber: idNumber(1),
      category: 'practising_lawyer',
    });
    advisorId = created.json<{ id: string }>().id;
    const linked = await county.request('PATCH', `/api/legal/advisors/${advisorId}`, { version: 1, userId: account.id });
    expect(linked.statusCode, linked.body).toBe(200);
    await county.request('POST', '/api/legal/assignments', { advisorId, villageCode: PLACES.qujia, startDate: '2026-01-01' });
    advisor = await t.login('qj.adv');
  });
  afterAll(() => t.close());

  it('an advisor records a service in a village they serve: stored, versioned, counted up to the nation, published and audited', async () => {
    const me = await advisor.request('GET', '/api/legal/me');
    expect(me.json()).toMatchObject({ name: '王建国', villages: [{ code: PLACES.qujia, path: '泾阳县王桥镇屈家村' }] });

    const res = await advisor.request('POST', '/api/legal/services', service());
    expect(res.statusCode, res.body).toBe(201);
    const dto = res.json<{ id: string }>();
    expect(dto).toMatchObject({
      villagePath: '泾阳县王桥镇屈家村',
      advisorName: '王建国',
      window: 'onsite',
      status: 'submitted',
      version: 1,
      subjectName: '屈某某',
      durationMinutes: 40,
    });
    const counts = await t.ctx.db
      .selectFrom('legal_service_counts')
      .selectAll()
      .where('month', '=', '2026-01')
      .orderBy('region_code')
      .execute();
    expect(counts.map((c) => [c.region_code, Number(c.count)])).toEqual([
      ['00', 1],
      ['61', 1],
      ['6104', 1],
      ['610423', 1],
      ['610423104', 1],
      [PLACES.qujia, 1],
    ]);
    expect(events).toEqual([
      {
        type: 'legal.service_recorded',
        regionCode: PLACES.qujia,
        occurredOn: '2026-01-04',
        payload: { window: 'onsite', serviceType: 'consultation' },
      },
    ]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', dto.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['legal.service_create']);
  });

  it('writing to a village the advisor does not serve answers 404 and stores nothing', async () => {
    const before = await t.ctx.db
      .selectFrom('legal_services')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await advisor.request('POST', '/api/legal/services', service({ villageCode: other }));
    expect(res.statusCode).toBe(404);
    const after = await t.ctx.db
      .selectFrom('legal_services')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('missing or wrong fields answer 400 naming each field in Chinese', async () => {
    const res = await advisor.request(
      'POST',
      '/api/legal/services',
      service({
        serviceType: 'publicity',
        subjectKind: 'organisation',
        subjectName: '',
        content: ' ',
        result: undefined,
        durationMinutes: 0,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toMatchObject({
      content: '请填写服务内容',
      result: '请填写服务结果',
      durationMinutes: '服务时长应为 1 至 1440 分钟',
    });
    const dependent = await advisor.request(
      'POST',
      '/api/legal/services',
      service({ serviceType: 'publicity', subjectKind: 'organisation', subjectName: '' }),
    );
    expect(errorOf(dependent).fields).toMatchObject({
      attendance: '法治宣传请填写参加人数',
      subjectName: '请填写服务对象（个人或组织名称）',
    });
    const future = await advisor.request('POST', '/api/legal/services', service({ servedAt: '2026-02-01T10:00:00+08:00' }));
    expect(errorOf(future).fields).toMatchObject({ servedAt: '服务时间不能晚于现在' });
  });

  it('an edit makes a new version, keeps the old one visible, and moves the counts', async () => {
    const created = (await advisor.request('POST', '/api/legal/services', service({ content: '第一次记录' }))).json<{ id: string }>();
    const edit = await advisor.request('PUT', `/api/legal/services/${created.id}`, {
      ...service({ serviceType: 'publicity', subjectKind: 'village', attendance: 35, content: '村民大会上宣讲民法典婚姻家庭编' }),
      villageCode: undefined,
      window: undefined,
      version: 1,
      reason: '服务类型记错',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const detail = edit.json<{
      version: number;
      serviceType: string;
      versions: { version: number; reason: string | null; fields: { content: string; serviceType: string } }[];
    }>();
    expect(detail).toMatchObject({ version: 2, serviceType: 'publicity', attendance: 35 });
    expect(detail.versions.map((v) => [v.version, v.fields.serviceType, v.fields.content, v.reason])).toEqual([
      [2, 'publicity', '村民大会上宣讲民法典婚姻家庭编', '服务类型记错'],
      [1, 'consultation', '第一次记录', null],
    ]);
    const county = await t.ctx.db
      .selectFrom('legal_service_counts')
      .select(['service_type', 'count'])
      .where('region_code', '=', PLACES.jingyang)
      .orderBy('service_type')
      .execute();
    expect(county.map((c) => [c.service_type, Number(c.count)])).toEqual([
      ['consultation', 1],
      ['publicity', 1],
    ]);
    const month = await t.ctx.db
      .selectFrom('legal_village_months')
      .selectAll()
      .where('village_code', '=', PLACES.qujia)
      .where('month', '=', '2026-01')
      .executeTakeFirstOrThrow();
    expect([month.total, month.w_onsite, month.t_consultation, month.t_publicity].map(Number)).toEqual([2, 2, 1, 1]);
    const stale = await advisor.request('PUT', `/api/legal/services/${created.id}`, {
      ...service(),
      villageCode: undefined,
      window: undefined,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('the office sends a record back with a reason; the advisor corrects it; an accepted record is closed', async () => {
    const created = (await advisor.request('POST', '/api/legal/services', service({ result: '已答复' }))).json<{ id: string }>();
    const returned = await county.request('POST', `/api/legal/services/${created.id}/return`, {
      version: 1,
      comment: '服务结果过于简单，请写明建议内容',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: '服务结果过于简单，请写明建议内容' });
    const todos = await advisor.request('GET', '/api/todos');
    expect(JSON.stringify(todos.json())).toContain('有服务记录被退回修改');
    const again = await county.request('POST', `/api/legal/services/${created.id}/accept`, { version: 2 });
    expect(again.statusCode).toBe(409);
    const fixed = await advisor.request('PUT', `/api/legal/services/${created.id}`, {
      ...service({ result: '建议双方签订书面协议并约定违约责任' }),
      villageCode: undefined,
      window: undefined,
      version: 2,
    });
    expect(fixed.json()).toMatchObject({ status: 'submitted', version: 3 });
    const accepted = await county.request('POST', `/api/legal/services/${created.id}/accept`, { version: 3 });
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    const closed = await advisor.request('PUT', `/api/legal/services/${created.id}`, {
      ...service(),
      villageCode: undefined,
      window: undefined,
      version: 4,
    });
    expect(closed.statusCode).toBe(409);
  });

  it('scope: an advisor lists only their own entries, another town official gets 404, the county lists all', async () => {
    const account2 = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'qj.adv2').executeTakeFirstOrThrow();
    const second = (
      await county.request('POST', '/api/legal/advisors', {
        regionCode: PLACES.jingyang,
        name: '李秀兰',
        gender: 'female',
        phone: '13912340002',
        idNumber: idNumber(2),
        category: 'grassroots_worker',
      })
    ).json<{ id: string }>();
    await county.request('PATCH', `/api/legal/advisors/${second.id}`, { version: 1, userId: account2.id });
    await county.request('POST', '/api/legal/assignments', { advisorId: second.id, villageCode: other, startDate: '2026-01-01' });
    const advisor2 = await t.login('qj.adv2');
    const theirs = (await advisor2.request('POST', '/api/legal/services', service({ villageCode: other }))).json<{ id: string }>();

    const mine = (await advisor.request('GET', '/api/legal/services')).json<{ items: { advisorName: string }[]; total: number }>();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.advisorName === '王建国')).toBe(true);
    expect((await advisor.request('GET', `/api/legal/services/${theirs.id}`)).statusCode).toBe(404);
    const anwu = await t.login('aw.office');
    expect((await anwu.request('GET', `/api/legal/services/${theirs.id}`)).statusCode).toBe(404);
    expect((await anwu.request('GET', '/api/legal/services')).json()).toMatchObject({ total: 0 });
    const all = (await county.request('GET', `/api/legal/services?regionCode=${PLACES.wangqiao}&pageSize=100`)).json<{
      total: number;
      items: { advisorName: string }[];
    }>();
    expect(new Set(all.items.map((i) => i.advisorName))).toEqual(new Set(['王建国', '李秀兰']));
  });

  it('attachments: a PNG is kept; wrong content answers 415 and an oversized file 413, storing nothing', async () => {
    const created = (await advisor.request('POST', '/api/legal/services', service())).json<{ id: string }>();
    const upload = (type: string, body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: `/api/legal/services/${created.id}/attachments?name=${encodeURIComponent('签字表.png')}`,
        headers: { cookie: advisor.cookie ?? '', 'x-csrf-token': advisor.csrfToken, 'content-type': type },
        payload: body,
      });
    const ok = await upload('image/png', PNG);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: '签字表.png', contentType: 'image/png', size: PNG.length });
    const fake = await upload('image/png', Buffer.from('not really a picture'));
    expect(fake.statusCode).toBe(415);
    const exe = await upload('application/x-msdownload', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(415);
    const huge = await upload('image/png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    const stored = await t.ctx.db.selectFrom('legal_attachments').select('size').where('owner_id', '=', created.id).execute();
    expect(stored.map((s) => Number(s.size))).toEqual([PNG.length]);
    const detail = (await county.request('GET', `/api/legal/services/${created.id}`)).json<{ attachments: { id: string }[] }>();
    const file = await county.request('GET', `/api/legal/services/${created.id}/attachments/${detail.attachments[0]?.id ?? ''}`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });

  it('the service contract is kept with the roster entry (PDF checked by content)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%测试合同\n');
    const send = (type: string, body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: `/api/legal/advisors/${advisorId}/contract-files?name=${encodeURIComponent('服务合同.pdf')}`,
        headers: { cookie: county.cookie ?? '', 'x-csrf-token': county.csrfToken, 'content-type': type },
        payload: body,
      });
    expect((await send('application/pdf', pdf)).statusCode).toBe(201);
    expect((await send('application/pdf', PNG)).statusCode).toBe(415);
    const advisorDto = (await county.request('GET', `/api/legal/advisors/${advisorId}`)).json<{
      contractFiles: { id: string; fileName: string }[];
      userId: string | null;
    }>();
    expect(advisorDto.contractFiles.map((f) => f.fileName)).toEqual(['服务合同.pdf']);
    expect(advisorDto.userId).not.toBeNull();
    const file = await county.request('GET', `/api/legal/advisors/${advisorId}/contract-files/${advisorDto.contractFiles[0]?.id ?? ''}`);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await advisor.request('POST', `/api/legal/advisors/${advisorId}/contract-files?name=x.pdf`)).statusCode).toBe(403);
  });

  it('网络: a villager asks, the advisor sees it in their todo list and answers, the answer is a ledger entry; 48 h unanswered is flagged to the office', async () => {
    const villager = await t.login('qj.people');
    const asked = await villager.request('POST', '/api/legal/consultations', { question: '邻居占用我家宅基地，应该怎么办？' });
    expect(asked.statusCode, asked.body).toBe(201);
    const question = asked.json<{ id: string }>();
    expect(asked.json()).toMatchObject({ advisorName: '王建国', answer: null, overdue: false });
    expect(JSON.stringify((await advisor.request('GET', '/api/todos')).json())).toContain('有村民的网上咨询待答复');

    t.clock.advance(2 * HOUR);
    const advisorNow = await t.login('qj.adv');
    const answered = await advisorNow.request('POST', `/api/legal/consultations/${question.id}/answer`, {
      answer: '可先请村调委会调解，调解不成可向法院起诉。',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ responseMinutes: 120 });
    const twice = await advisorNow.request('POST', `/api/legal/consultations/${question.id}/answer`, { answer: '再答一次' });
    expect(twice.statusCode).toBe(409);
    const online = (await advisorNow.request('GET', '/api/legal/services?window=online')).json<{
      items: { content: string; result: string; subjectKind: string }[];
    }>();
    expect(online.items[0]).toMatchObject({
      content: '邻居占用我家宅基地，应该怎么办？',
      result: '可先请村调委会调解，调解不成可向法院起诉。',
      subjectKind: 'person',
    });

    const villagerNow = await t.login('qj.people');
    expect((await villagerNow.request('GET', '/api/legal/consultations/mine')).json()).toMatchObject({
      items: [{ answer: '可先请村调委会调解，调解不成可向法院起诉。', responseMinutes: 120 }],
    });

    await villagerNow.request('POST', '/api/legal/consultations', { question: '外出务工被拖欠工资怎么办？' });
    t.clock.advance(49 * HOUR);
    const office = await t.login('jy.office');
    const todos = JSON.stringify((await office.request('GET', '/api/todos')).json());
    expect(todos).toContain('有网上咨询超时未答复');
    const overdue = (await office.request('GET', '/api/legal/consultations?status=overdue')).json<{
      items: { question: string; overdue: boolean }[];
    }>();
    expect(overdue.items).toEqual([expect.objectContaining({ question: '外出务工被拖欠工资怎么办？', overdue: true })]);
  });
});
