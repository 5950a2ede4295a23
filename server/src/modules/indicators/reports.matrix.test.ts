import { askMatrixRow } from '../../testing/access-matrix.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@rg/domain/access/roles';
import type { ReportDto, ReportPageDto } from '@rg/domain/indicators/indicators.schema';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

/**
 * The quarterly form's access matrix (SECURITY.md 7, 10; issue 14 item 4): role × action × place ×
 * status → what the user gets back. Places are seen from 屈家村 in 王桥镇 (泾阳县): the village itself, a
 * sibling village of the same town, a village of another town, and a village of another county.
 * `locked` is a submitted form in a quarter the county locked. Expected outcomes are written out, not
 * derived from the policy they check.
 */

const PLACE_NAMES = ['own', 'sibling', 'otherTown', 'otherCounty'] as const;
type Place = (typeof PLACE_NAMES)[number];
const STATUSES = ['submitted', 'returned', 'approved', 'locked'] as const;
type Status = (typeof STATUSES)[number];

const VILLAGES: Record<Place, string> = {
  own: PLACES.qujia,
  sibling: `${PLACES.wangqiao}210`,
  otherTown: PLACES.wangjia,
  otherCounty: `${PLACES.wanfu}201`,
};

/** The shared forms' quarters, one per status (the clock stands at 2026-01-05). */
const SHARED_PERIOD: Record<Status, string> = { submitted: '2025-Q4', returned: '2025-Q3', approved: '2025-Q2', locked: '2025-Q1' };

/** `listed` / `unlisted`: 200, with or without the form in the page. */
type Outcome = 200 | 401 | 403 | 404 | 409 | 'listed' | 'unlisted';
/** One outcome for every status, or one per status (submitted, returned, approved, locked). */
type ByStatus = Outcome | readonly [Outcome, Outcome, Outcome, Outcome];
/** Per place: own, sibling, other town, other county. */
type ByPlace = readonly [ByStatus, ByStatus, ByStatus, ByStatus];
type Answer = number | 'listed' | 'unlisted';

const ACTIONS = ['read', 'list', 'browse', 'edit', 'approve', 'return', 'create'] as const;
type Action = (typeof ACTIONS)[number];
/** `create` is about a village, not a form: a first form for a new quarter, checked once per place. */
const PLACE_ACTIONS: readonly Action[] = ['create'];

const all = (outcome: Outcome): ByPlace => [outcome, outcome, outcome, outcome];
/** Submitted and returned forms take corrections; approved ones and locked quarters do not. */
const EDITABLE = [200, 200, 409, 409] as const;
/** Only a submitted form in an open quarter is reviewed. */
const REVIEWABLE = [200, 409, 409, 409] as const;

const MATRIX: Record<string, Record<Action, ByPlace>> = {
  /** 屈家村's cadre: reports for the village, never reviews. */
  cadre: {
    read: [200, 404, 404, 404],
    list: ['listed', 404, 404, 404],
    browse: ['listed', 'unlisted', 'unlisted', 'unlisted'],
    edit: [EDITABLE, 404, 404, 404],
    approve: all(403),
    return: all(403),
    create: [200, 404, 404, 404],
  },
  /** 王桥镇's official: reviews the town's villages (and may report for them). */
  townOfficial: {
    read: [200, 200, 404, 404],
    list: ['listed', 'listed', 404, 404],
    browse: ['listed', 'listed', 'unlisted', 'unlisted'],
    edit: [EDITABLE, EDITABLE, 404, 404],
    approve: [REVIEWABLE, REVIEWABLE, 404, 404],
    return: [REVIEWABLE, REVIEWABLE, 404, 404],
    create: [200, 200, 404, 404],
  },
  /** 泾阳县's official: every village of the county. */
  countyOfficial: {
    read: [200, 200, 200, 404],
    list: ['listed', 'listed', 'listed', 404],
    browse: ['listed', 'listed', 'listed', 'unlisted'],
    edit: [EDITABLE, EDITABLE, EDITABLE, 404],
    approve: [REVIEWABLE, REVIEWABLE, REVIEWABLE, 404],
    return: [REVIEWABLE, REVIEWABLE, REVIEWABLE, 404],
    create: [200, 200, 200, 404],
  },
  /** 领导小组 of the county: reads, writes nothing. */
  leader: {
    read: [200, 200, 200, 404],
    list: ['listed', 'listed', 'listed', 404],
    browse: ['listed', 'listed', 'listed', 'unlisted'],
    edit: all(403),
    approve: all(403),
    return: all(403),
    create: all(403),
  },
  villager: {
    read: all(403),
    list: all(403),
    browse: all(403),
    edit: all(403),
    approve: all(403),
    return: all(403),
    create: all(403),
  },
  anonymous: {
    read: all(401),
    list: all(401),
    browse: all(401),
    edit: all(401),
    approve: all(401),
    return: all(401),
    create: all(401),
  },
};

const USERS: Record<string, { regionCode: string; roles: Role[] }> = {
  cadre: { regionCode: PLACES.qujia, roles: ['village_cadre'] },
  townOfficial: { regionCode: PLACES.wangqiao, roles: ['official'] },
  countyOfficial: { regionCode: PLACES.jingyang, roles: ['official'] },
  leader: { regionCode: PLACES.jingyang, roles: ['leader'] },
  villager: { regionCode: PLACES.qujia, roles: ['villager'] },
};

const figures = { sixNone: true, households: 200, safeFamilies: 190, centreStandardized: true, policeOnCommittee: false };

interface Form {
  id: string;
  period: string;
  version: number;
}

describe('indicators: the quarterly form access matrix (role × action × place × status)', () => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  /** Per place: the village cadre who submits its forms; per county: who reviews and locks them. */
  const submitters: Partial<Record<Place, TestClient>> = {};
  let reviewers: Record<'jingyang' | 'huaiyuan', TestClient>;
  const shared = new Map<string, Form>();
  /** Quarters no form uses yet: one for each change that is allowed, and for each `create`. */
  let nextQuarter = 0;
  const freshPeriod = () => {
    const n = nextQuarter++;
    return `${2010 + Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  };

  function clientOf(name: string): TestClient {
    const found = clients[name];
    if (!found) throw new Error(`no client ${name}`);
    return found;
  }
  function submitterOf(place: Place): TestClient {
    const found = submitters[place];
    if (!found) throw new Error(`no submitter for ${place}`);
    return found;
  }
  function sharedForm(place: Place, status: Status): Form {
    const found = shared.get(`${place}/${status}`);
    if (!found) throw new Error(`no form for ${place}/${status}`);
    return found;
  }
  const reviewerOf = (place: Place) => reviewers[place === 'otherCounty' ? 'huaiyuan' : 'jingyang'];

  /** A form submitted by the village's cadre, then returned or approved by the county. */
  async function form(place: Place, status: Exclude<Status, 'locked'>, period: string): Promise<Form> {
    const submitted = await submitterOf(place).request('PUT', '/api/indicators/reports', { unitCode: VILLAGES[place], period, ...figures });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const { id } = submitted.json<ReportDto>();
    if (status === 'submitted') return { id, period, version: 1 };
    const body =
      status === 'returned' ? { decision: 'return', note: '平安家庭户数请核实', version: 1 } : { decision: 'approve', version: 1 };
    const reviewed = await reviewerOf(place).request('POST', `/api/indicators/reports/${id}/review`, body);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    return { id, period, version: 2 };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await buildVillage(t.ctx, { code: VILLAGES.sibling });
    await buildVillage(t.ctx, { code: VILLAGES.otherCounty });
    for (const [name, user] of Object.entries(USERS)) await buildUser(t.ctx, { username: `r.${name}`, ...user });
    for (const place of PLACE_NAMES.slice(1)) {
      await buildUser(t.ctx, { username: `r.cadre.${place}`, regionCode: VILLAGES[place], roles: ['village_cadre'] });
    }
    await buildUser(t.ctx, { username: 'r.jy.reviewer', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'r.hy.reviewer', regionCode: PLACES.huaiyuan, roles: ['official'] });
    for (const name of Object.keys(USERS)) clients[name] = await t.login(`r.${name}`);
    clients.anonymous = t.anonymous;
    submitters.own = clientOf('cadre');
    for (const place of PLACE_NAMES.slice(1)) submitters[place] = await t.login(`r.cadre.${place}`);
    reviewers = { jingyang: await t.login('r.jy.reviewer'), huaiyuan: await t.login('r.hy.reviewer') };

    for (const place of PLACE_NAMES) {
      for (const status of ['submitted', 'returned', 'approved'] as const) {
        shared.set(`${place}/${status}`, await form(place, status, SHARED_PERIOD[status]));
      }
      shared.set(`${place}/locked`, await form(place, 'submitted', SHARED_PERIOD.locked));
    }
    for (const [county, reviewer] of [
      [PLACES.jingyang, reviewers.jingyang],
      [PLACES.huaiyuan, reviewers.huaiyuan],
    ] as const) {
      const locked = await reviewer.request('POST', '/api/indicators/locks', { regionCode: county, period: SHARED_PERIOD.locked });
      expect(locked.statusCode, locked.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  /** Runs one action and reduces the answer to an outcome; an allowed change gets a form of its own. */
  async function attempt(client: TestClient, action: Action, place: Place, status: Status, expected: Outcome): Promise<Answer> {
    // A locked quarter takes no change, so its form is always the shared one.
    const changes = ['edit', 'approve', 'return'].includes(action) && expected === 200 && status !== 'locked';
    const target = changes ? await form(place, status, freshPeriod()) : sharedForm(place, status);
    const village = VILLAGES[place];
    const contains = async (url: string): Promise<Answer> => {
      const res = await client.request('GET', url);
      if (res.statusCode !== 200) return res.statusCode;
      return res.json<ReportPageDto>().items.some((item) => item.id === target.id) ? 'listed' : 'unlisted';
    };
    const answer = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      (await client.request(method, url, body)).statusCode;
    switch (action) {
      case 'read':
        return answer('GET', `/api/indicators/reports/form?unitCode=${village}&period=${target.period}`);
      case 'list':
        return contains(`/api/indicators/reports?regionCode=${village}&period=${target.period}&pageSize=100`);
      case 'browse':
        return contains(`/api/indicators/reports?period=${target.period}&pageSize=100`);
      case 'edit':
        return answer('PUT', '/api/indicators/reports', {
          unitCode: village,
          period: target.period,
          ...figures,
          safeFamilies: 185,
          version: target.version,
        });
      case 'approve':
        return answer('POST', `/api/indicators/reports/${target.id}/review`, { decision: 'approve', version: target.version });
      case 'return':
        return answer('POST', `/api/indicators/reports/${target.id}/review`, {
          decision: 'return',
          note: '请补充',
          version: target.version,
        });
      case 'create':
        return answer('PUT', '/api/indicators/reports', { unitCode: village, period: freshPeriod(), ...figures });
    }
  }

  it('whoever submitted a form never reviews it (four-eyes): 403, audited, and the list says so', async () => {
    const town = clientOf('townOfficial');
    const period = freshPeriod();
    const submitted = await town.request('PUT', '/api/indicators/reports', { unitCode: VILLAGES.sibling, period, ...figures });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const { id } = submitted.json<ReportDto>();
    const listed = async (client: TestClient) =>
      (await client.request('GET', `/api/indicators/reports?regionCode=${VILLAGES.sibling}&period=${period}`)).json<ReportPageDto>()
        .items[0]?.abilities;
    expect(await listed(town)).toEqual({ edit: true, review: false });
    expect(await listed(clientOf('countyOfficial'))).toEqual({ edit: true, review: true });

    const own = await town.request('POST', `/api/indicators/reports/${id}/review`, { decision: 'approve', version: 1 });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ error: { code: 'forbidden', message: '不能审核自己提交的报表，请由其他人员审核' } });
    const denial = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'object_region', 'result'])
      .where('action', '=', 'access.denied')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(denial).toEqual({ actor_name: 'r.townOfficial', object_region: VILLAGES.sibling, result: 'denied' });
    const stored = await t.ctx.db.selectFrom('indicator_reports').select(['status', 'version']).where('id', '=', id).executeTakeFirst();
    expect(stored).toEqual({ status: 'submitted', version: 1 });

    const other = await clientOf('countyOfficial').request('POST', `/api/indicators/reports/${id}/review`, {
      decision: 'approve',
      version: 1,
    });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json<ReportDto>()).toMatchObject({ status: 'approved', reviewedBy: 'r.countyOfficial' });
  });

  it('the form says whether it may be submitted: yes for a returned form, no in a locked quarter or once approved', async () => {
    const submit = async (place: Place, status: Status) => {
      const res = await clientOf('cadre').request(
        'GET',
        `/api/indicators/reports/form?unitCode=${VILLAGES[place]}&period=${SHARED_PERIOD[status]}`,
      );
      return res.json<{ abilities: { submit: boolean } }>().abilities.submit;
    };
    expect(await Promise.all(STATUSES.map((status) => submit('own', status)))).toEqual([true, true, false, false]);
  });

  it('the completeness answer says who may close the quarter: a reviewer of an open one, never a village', async () => {
    const lock = async (name: string, period: string) => {
      const res = await clientOf(name).request('GET', `/api/indicators/completeness?period=${period}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ abilities: { lock: boolean } }>().abilities.lock;
    };
    expect(await lock('townOfficial', SHARED_PERIOD.submitted)).toBe(true);
    expect(await lock('countyOfficial', SHARED_PERIOD.submitted)).toBe(true);
    expect(await lock('townOfficial', SHARED_PERIOD.locked)).toBe(false);
    expect(await lock('leader', SHARED_PERIOD.submitted)).toBe(false);
    expect(await lock('cadre', SHARED_PERIOD.submitted)).toBe(false);
  });

  for (const [name, row] of Object.entries(MATRIX)) {
    for (const action of ACTIONS) {
      it(`${name} × ${action}`, async () => {
        const client = clientOf(name);
        const { expected, actual } = await askMatrixRow(row[action], STATUSES, PLACE_ACTIONS.includes(action), 404, (place, status, want) =>
          attempt(client, action, place, status, want),
        );
        expect(actual).toEqual(expected);
      });
    }
  }
});
