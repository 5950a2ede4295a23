import { askMatrixRow } from '../../testing/access-matrix.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@rg/domain/access/roles';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

/**
 * The access matrices of legal aid (by status) and of the committees, mediators, settings and
 * screening reports of a place (SECURITY.md 7, 10; issue 14 item 4), seen from 屈家村 in 王桥镇 like
 * the case matrix: own village, sibling village, another town, another county. Expected answers are
 * written out, not derived from the policies they check.
 */

const PLACE_NAMES = ['own', 'sibling', 'otherTown', 'otherCounty'] as const;
type Place = (typeof PLACE_NAMES)[number];
const VILLAGES: Record<Place, string> = {
  own: PLACES.qujia,
  sibling: `${PLACES.wangqiao}210`,
  otherTown: PLACES.wangjia,
  otherCounty: `${PLACES.wanfu}201`,
};
const AID_STATUSES = ['applied', 'approved', 'assigned'] as const;
type AidStatus = (typeof AID_STATUSES)[number];

type Outcome = 200 | 201 | 400 | 401 | 403 | 404 | 409 | 'listed';
type ByStatus = Outcome | readonly [Outcome, Outcome, Outcome];
type Row<Cell> = readonly [Cell, Cell, Cell, Cell];
type Answer = number | 'listed' | 'unlisted';

const AID_ACTIONS = ['read', 'list', 'review', 'assign', 'close', 'reveal', 'decision', 'create'] as const;
type AidAction = (typeof AID_ACTIONS)[number];
const AID_CHANGES: readonly AidAction[] = ['review', 'assign', 'close'];

const PLACE_ACTIONS = [
  'readCommittee',
  'createCommittee',
  'updateCommittee',
  'appoint',
  'updateMediator',
  'train',
  'revealMediator',
  'settings',
  'screening',
] as const;
type PlaceAction = (typeof PLACE_ACTIONS)[number];

const all = (cell: ByStatus): Row<ByStatus> => [cell, cell, cell, cell];
/** Allowed within the actor's region (a town covers two of the places, a county three, a village one), `outside` elsewhere. */
const town = (cell: ByStatus, outside: ByStatus): Row<ByStatus> => [cell, cell, outside, outside];
const county = (cell: ByStatus, outside: ByStatus): Row<ByStatus> => [cell, cell, cell, outside];
const village = (cell: ByStatus, outside: ByStatus): Row<ByStatus> => [cell, outside, outside, outside];
type Within = typeof town;

/** 审查 → 指派 → 结案 (aid.schema.ts AID_STEPS); the decision letter once reviewed. */
const REVIEW = [200, 409, 409] as const;
const ASSIGN = [409, 200, 409] as const;
const CLOSE = [409, 409, 200] as const;
const DECISION = [409, 200, 200] as const;

function aidHandler(within: Within): Record<AidAction, Row<ByStatus>> {
  return {
    read: within(200, 404),
    list: within('listed', 404),
    review: within(REVIEW, 404),
    assign: within(ASSIGN, 404),
    close: within(CLOSE, 404),
    reveal: within(200, 404),
    decision: within(DECISION, 404),
    create: within(201, 404),
  };
}
function aidReader(within: Within): Record<AidAction, Row<ByStatus>> {
  return {
    read: within(200, 404),
    list: within('listed', 404),
    review: all(403),
    assign: all(403),
    close: all(403),
    reveal: all(403),
    decision: all(403),
    create: all(403),
  };
}
function aidNone(outcome: Outcome): Record<AidAction, Row<ByStatus>> {
  const none = all(outcome);
  return { read: none, list: none, review: none, assign: none, close: none, reveal: none, decision: none, create: none };
}

/** A holder of `mediation.manage` (and `personal.reveal`, `mediation.screen`) within its region. */
function manager(within: Within): Record<PlaceAction, Row<ByStatus>> {
  return {
    readCommittee: within(200, 404),
    createCommittee: within(201, 404),
    updateCommittee: within(200, 404),
    // A committee the actor may not appoint to is a wrong choice in the form.
    appoint: within(201, 400),
    updateMediator: within(200, 404),
    train: within(201, 404),
    revealMediator: within(200, 404),
    settings: within(200, 404),
    screening: within(201, 404),
  };
}
function placeReader(within: Within, screens: boolean): Record<PlaceAction, Row<ByStatus>> {
  return {
    readCommittee: within(200, 404),
    createCommittee: all(403),
    updateCommittee: all(403),
    appoint: all(403),
    updateMediator: all(403),
    train: all(403),
    revealMediator: all(403),
    settings: all(403),
    screening: screens ? within(201, 404) : all(403),
  };
}
function placeNone(outcome: Outcome): Record<PlaceAction, Row<ByStatus>> {
  const none = all(outcome);
  return {
    readCommittee: none,
    createCommittee: none,
    updateCommittee: none,
    appoint: none,
    updateMediator: none,
    train: none,
    revealMediator: none,
    settings: none,
    screening: none,
  };
}

const AID_MATRIX: Record<string, Record<AidAction, Row<ByStatus>>> = {
  townOfficial: aidHandler(town),
  countyOfficial: aidHandler(county),
  mediator: aidReader(town),
  leader: aidReader(county),
  cadre: aidReader(village),
  villager: aidNone(403),
  anonymous: aidNone(401),
};

const PLACE_MATRIX: Record<string, Record<PlaceAction, Row<ByStatus>>> = {
  townOfficial: manager(town),
  countyOfficial: manager(county),
  mediator: placeReader(town, true),
  leader: placeReader(county, false),
  cadre: placeReader(village, true),
  supervisor: placeReader(village, false),
  villager: placeNone(403),
  anonymous: placeNone(401),
};

const USERS: Record<string, { regionCode: string; roles: Role[] }> = {
  townOfficial: { regionCode: PLACES.wangqiao, roles: ['official'] },
  countyOfficial: { regionCode: PLACES.jingyang, roles: ['official'] },
  mediator: { regionCode: PLACES.wangqiao, roles: ['mediator'] },
  leader: { regionCode: PLACES.jingyang, roles: ['leader'] },
  cadre: { regionCode: PLACES.qujia, roles: ['village_cadre'] },
  supervisor: { regionCode: PLACES.qujia, roles: ['supervisor'] },
  villager: { regionCode: PLACES.qujia, roles: ['villager'] },
};

function idNumber(seq: number): string {
  const body = `61042319800102${String(seq).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}
const phone = (seq: number) => `1371234${String(seq).padStart(4, '0')}`;

interface Versioned {
  id: string;
  version: number;
}

describe('mediation: legal aid by status, and the organisations of a place (role × action × place)', () => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  let huaiyuan: TestClient;
  /** Per county, a second official who enters the applications its official reviews (four-eyes, issue 15 finding 9). */
  let entrants: { jingyang: TestClient; huaiyuan: TestClient };
  const aid = new Map<string, string>();
  /** Per place: its village committee and a mediator of it. */
  const organisations = new Map<Place, { committee: string; mediator: string }>();
  let seq = 0;
  /** Screening reports filed so far: each one is for the month before the last. */
  let filed = 0;

  function clientOf(name: string): TestClient {
    const found = clients[name];
    if (!found) throw new Error(`no client ${name}`);
    return found;
  }
  const officialOf = (place: Place) => (place === 'otherCounty' ? huaiyuan : clientOf('countyOfficial'));
  function organisationsOf(place: Place): { committee: string; mediator: string } {
    const found = organisations.get(place);
    if (!found) throw new Error(`no committee at ${place}`);
    return found;
  }
  function sharedAid(place: Place, status: AidStatus): string {
    const found = aid.get(`${place}/${status}`);
    if (!found) throw new Error(`no aid for ${place}/${status}`);
    return found;
  }

  async function aidIn(place: Place, status: AidStatus): Promise<string> {
    const official = officialOf(place);
    seq += 1;
    const created = await entrants[place === 'otherCounty' ? 'huaiyuan' : 'jingyang'].request('POST', '/api/mediation/aid', {
      regionCode: VILLAGES[place],
      applicantName: `王${seq}`,
      idNumber: idNumber(seq),
      phone: phone(seq),
      matter: '追索劳动报酬',
      facts: '工程完工后工资未结清',
      hardship: ['农民工追索劳动报酬'],
      appliedOn: '2026-01-02',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const go = async (step: string, body: unknown) => {
      const res = await official.request('POST', `/api/mediation/aid/${id}/${step}`, body);
      expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
    };
    if (status !== 'applied') await go('review', { approve: true, reason: '符合经济困难标准', reviewedOn: '2026-01-03' });
    if (status === 'assigned') await go('assign', { assigneeName: '李律师', assigneeKind: 'lawyer', assignedOn: '2026-01-04' });
    return id;
  }

  /** The current version of a committee or mediator, as its county's official reads it. */
  async function current(place: Place, url: string): Promise<Versioned> {
    return (await officialOf(place).request('GET', url)).json<Versioned>();
  }

  beforeAll(async () => {
    t = await createTestApp();
    await buildVillage(t.ctx, { code: VILLAGES.sibling });
    await buildVillage(t.ctx, { code: VILLAGES.otherCounty });
    for (const [name, user] of Object.entries(USERS)) await buildUser(t.ctx, { username: `ma.${name}`, ...user });
    await buildUser(t.ctx, { username: 'ma.hy.official', regionCode: PLACES.huaiyuan, roles: ['official'] });
    for (const name of Object.keys(USERS)) clients[name] = await t.login(`ma.${name}`);
    clients.anonymous = t.anonymous;
    huaiyuan = await t.login('ma.hy.official');
    await buildUser(t.ctx, { username: 'ma.jy.entrant', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'ma.hy.entrant', regionCode: PLACES.huaiyuan, roles: ['official'] });
    entrants = { jingyang: await t.login('ma.jy.entrant'), huaiyuan: await t.login('ma.hy.entrant') };
    for (const place of PLACE_NAMES) {
      for (const status of AID_STATUSES) aid.set(`${place}/${status}`, await aidIn(place, status));
      const committee = await officialOf(place).request('POST', '/api/mediation/committees', {
        regionCode: VILLAGES[place],
        level: 'village',
        name: `${place}村调委会`,
      });
      expect(committee.statusCode, committee.body).toBe(201);
      const committeeId = committee.json<{ id: string }>().id;
      seq += 1;
      const mediator = await officialOf(place).request('POST', '/api/mediation/mediators', {
        committeeId,
        name: `调解员${seq}`,
        gender: 'female',
        phone: phone(seq),
        employment: 'part_time',
      });
      expect(mediator.statusCode, mediator.body).toBe(201);
      organisations.set(place, { committee: committeeId, mediator: mediator.json<{ id: string }>().id });
    }
  });
  afterAll(() => t.close());

  async function attemptAid(client: TestClient, action: AidAction, place: Place, status: AidStatus, expected: Outcome): Promise<Answer> {
    const id = AID_CHANGES.includes(action) && expected === 200 ? await aidIn(place, status) : sharedAid(place, status);
    const answer = async (method: 'GET' | 'POST', url: string, body?: unknown) => (await client.request(method, url, body)).statusCode;
    switch (action) {
      case 'read':
        return answer('GET', `/api/mediation/aid/${id}`);
      case 'list': {
        const res = await client.request('GET', `/api/mediation/aid?regionCode=${VILLAGES[place]}&status=${status}&pageSize=100`);
        if (res.statusCode !== 200) return res.statusCode;
        return res.json<{ items: { id: string }[] }>().items.some((item) => item.id === id) ? 'listed' : 'unlisted';
      }
      case 'review':
        return answer('POST', `/api/mediation/aid/${id}/review`, { approve: false, reason: '不符合条件', reviewedOn: '2026-01-05' });
      case 'assign':
        return answer('POST', `/api/mediation/aid/${id}/assign`, {
          assigneeName: '赵律师',
          assigneeKind: 'lawyer',
          assignedOn: '2026-01-05',
        });
      case 'close':
        return answer('POST', `/api/mediation/aid/${id}/close`, { result: 'settled', closedOn: '2026-01-05' });
      case 'reveal':
        return answer('POST', `/api/mediation/aid/${id}/reveal`, { field: 'phone' });
      case 'decision':
        return answer('GET', `/api/mediation/aid/${id}/decision.docx`);
      case 'create':
        seq += 1;
        return answer('POST', '/api/mediation/aid', {
          regionCode: VILLAGES[place],
          applicantName: `陈${seq}`,
          idNumber: idNumber(seq),
          phone: phone(seq),
          matter: '追索劳动报酬',
          facts: '工资未结清',
          hardship: ['农民工追索劳动报酬'],
          appliedOn: '2026-01-05',
        });
    }
  }

  async function attemptPlace(client: TestClient, action: PlaceAction, place: Place): Promise<number> {
    const { committee, mediator } = organisationsOf(place);
    const answer = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
      (await client.request(method, url, body)).statusCode;
    seq += 1;
    switch (action) {
      case 'readCommittee':
        return answer('GET', `/api/mediation/committees/${committee}`);
      case 'createCommittee':
        return answer('POST', '/api/mediation/committees', { regionCode: VILLAGES[place], level: 'village', name: `第${seq}调委会` });
      case 'updateCommittee': {
        const { version } = await current(place, `/api/mediation/committees/${committee}`);
        return answer('PATCH', `/api/mediation/committees/${committee}`, { version, name: `更名调委会${seq}` });
      }
      case 'appoint':
        return answer('POST', '/api/mediation/mediators', {
          committeeId: committee,
          name: `新调解员${seq}`,
          gender: 'male',
          phone: phone(seq),
          employment: 'part_time',
        });
      case 'updateMediator': {
        const { version } = await current(place, `/api/mediation/mediators/${mediator}`);
        return answer('PATCH', `/api/mediation/mediators/${mediator}`, { version, employment: 'full_time' });
      }
      case 'train':
        return answer('POST', `/api/mediation/mediators/${mediator}/trainings`, {
          trainedOn: '2026-01-04',
          title: '人民调解实务',
          hours: 4,
        });
      case 'revealMediator':
        return answer('POST', `/api/mediation/mediators/${mediator}/reveal`, { field: 'phone' });
      case 'settings':
        return answer('PUT', '/api/mediation/settings', {
          regionCode: VILLAGES[place],
          overdueDays: 30,
          followUpDays: 15,
          aidCriteria: ['农民工追索劳动报酬'],
        });
      case 'screening': {
        // One report a village and month: each attempt files an earlier month than the last.
        const back = filed++;
        const period = `${2025 - Math.floor(back / 12)}-${String(12 - (back % 12)).padStart(2, '0')}`;
        return answer('POST', '/api/mediation/screenings', { villageCode: VILLAGES[place], period, nil: true, items: [] });
      }
    }
  }

  for (const [name, row] of Object.entries(AID_MATRIX)) {
    for (const action of AID_ACTIONS) {
      it(`aid: ${name} × ${action}`, async () => {
        const { expected, actual } = await askMatrixRow(row[action], AID_STATUSES, action === 'create', 404, (place, status, want) =>
          attemptAid(clientOf(name), action, place, status, want),
        );
        expect(actual).toEqual(expected);
      });
    }
  }

  for (const [name, row] of Object.entries(PLACE_MATRIX)) {
    for (const action of PLACE_ACTIONS) {
      it(`organisations: ${name} × ${action}`, async () => {
        const expected: Record<string, Answer> = {};
        const actual: Record<string, Answer> = {};
        for (const [i, place] of PLACE_NAMES.entries()) {
          const cell = row[action][i] ?? 404;
          if (typeof cell === 'object') throw new Error('a place action has one answer per place');
          expected[place] = cell;
          actual[place] = await attemptPlace(clientOf(name), action, place);
        }
        expect(actual).toEqual(expected);
      });
    }
  }
});
