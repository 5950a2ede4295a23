import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../testing/test-app.ts';
import { buildUser, PLACES } from '../testing/factories.ts';
import { registerAdvisor, testIdNumber } from '../testing/legal-advisors.ts';

interface Review {
  name: string;
  /** Creates or submits the record as `client`; its id and version. */
  submit(client: TestClient): Promise<{ id: string; version: number }>;
  /** The review that approves it. */
  decide(client: TestClient, record: { id: string; version: number }): ReturnType<TestClient['request']>;
  /** The record's status as `client` reads it. */
  status(client: TestClient, id: string): Promise<string>;
  /** The 403's message, naming the rule. */
  message: string;
}

/**
 * Issue 15 finding 9 (SECURITY.md 10): as one county official, creating a ledger entry then accepting it,
 * submitting a village's quarterly form then approving it, filing a legal-aid application then approving
 * it all answered 200. Whoever created or submitted a record never reviews it; another official does.
 * (Programme applications and yearly reports have the same rule: programs.matrix.test.ts, decision 85.)
 */
const REVIEWS: Review[] = [
  {
    name: 'a legal ledger entry (服务台账)',
    async submit(client) {
      const res = await client.request('POST', '/api/legal/services', {
        villageCode: PLACES.qujia,
        window: 'onsite',
        servedAt: '2026-01-04T10:00:00+08:00',
        serviceType: 'consultation',
        subjectKind: 'person',
        subjectName: '屈某某',
        content: '咨询土地承包经营权流转合同的签订',
        result: '讲解了流转合同的必备条款',
        durationMinutes: 40,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number }>();
    },
    decide: (client, { id, version }) => client.request('POST', `/api/legal/services/${id}/accept`, { version }),
    status: async (client, id) => (await client.request('GET', `/api/legal/services/${id}`)).json<{ status: string }>().status,
    message: '不能审核自己录入的服务记录，请由其他人员审核',
  },
  {
    name: 'a village’s quarterly 平安乡村 form',
    async submit(client) {
      const res = await client.request('PUT', '/api/indicators/reports', {
        unitCode: PLACES.qujia,
        period: '2026-Q1',
        sixNone: true,
        households: 200,
        safeFamilies: 190,
        centreStandardized: true,
        policeOnCommittee: false,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ id: string; version: number }>();
    },
    decide: (client, { id, version }) => client.request('POST', `/api/indicators/reports/${id}/review`, { decision: 'approve', version }),
    status: async (client, id) =>
      (await client.request('GET', `/api/indicators/reports?regionCode=${PLACES.qujia}&period=2026-Q1`))
        .json<{ items: { id: string; status: string }[] }>()
        .items.find((i) => i.id === id)?.status ?? '',
    message: '不能审核自己提交的报表，请由其他人员审核',
  },
  {
    name: 'a legal-aid application (法律援助申请)',
    async submit(client) {
      const res = await client.request('POST', '/api/mediation/aid', {
        regionCode: PLACES.qujia,
        applicantName: '赵某',
        idNumber: testIdNumber(7),
        phone: '13812341007',
        matter: '追索劳动报酬',
        facts: '工地拖欠工资',
        hardship: ['农民工追索劳动报酬'],
        appliedOn: '2026-02-04',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number }>();
    },
    decide: (client, { id }) =>
      client.request('POST', `/api/mediation/aid/${id}/review`, { approve: true, reason: '符合经济困难标准', reviewedOn: '2026-02-05' }),
    status: async (client, id) => (await client.request('GET', `/api/mediation/aid/${id}`)).json<{ status: string }>().status,
    message: '不能审查自己录入的法律援助申请，请由其他人员审查',
  },
  {
    name: 'a programme’s typical case (典型案例), submitted by the county for a town',
    async submit(client) {
      const res = await client.request('POST', '/api/programs/cases', {
        unitCode: PLACES.wangqiao,
        title: '“一约四会”推进移风易俗',
        areas: ['three_governance'],
        summary: '以村规民约和红白理事会为抓手',
        body: '<p>做法：一约四会</p>',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number }>();
    },
    decide: (client, { id }) => client.request('POST', `/api/programs/cases/${id}/review`, { decision: 'publish' }),
    status: async (client, id) => (await client.request('GET', `/api/programs/cases/${id}`)).json<{ status: string }>().status,
    message: '本人提交的材料不能由本人审核，请由本级其他审核人办理',
  },
];

describe('four-eyes: whoever created or submitted a record never reviews it (issue 15 finding 9)', () => {
  let t: TestApp;
  let submitter: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    // Officials who also sit on the county's leading group (领导小组), so that one account both submits and
    // reviews in every row: programme cases are reviewed by leaders.
    await buildUser(t.ctx, { username: 'jy.official', regionCode: PLACES.jingyang, roles: ['official', 'leader'] });
    await buildUser(t.ctx, { username: 'jy.official2', regionCode: PLACES.jingyang, roles: ['official', 'leader'] });
    submitter = await t.login('jy.official');
    other = await t.login('jy.official2');
    // The ledger takes entries only for a village that has an advisor.
    await registerAdvisor(other, { seq: 1, village: PLACES.qujia });
  });
  afterAll(() => t.close());

  it.each(REVIEWS)('$name: its submitter gets 403 naming the rule, nothing changes; another official decides it', async (review) => {
    const record = await review.submit(submitter);
    const before = await review.status(other, record.id);
    const own = await review.decide(submitter, record);
    expect(own.statusCode, own.body).toBe(403);
    expect(errorOf(own)).toMatchObject({ code: 'forbidden', message: review.message });
    expect(await review.status(other, record.id)).toBe(before);
    const decided = await review.decide(other, record);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await review.status(other, record.id)).not.toBe(before);
  });
});
