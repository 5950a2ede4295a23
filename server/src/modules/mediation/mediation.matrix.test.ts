import { askMatrixRow } from '../../testing/access-matrix.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@rg/domain/access/roles';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

/**
 * The mediation cases' access matrix (SECURITY.md 7, 10; issue 14 item 4): role × action × place ×
 * status → what the user gets back. Places are seen from 屈家村 in 王桥镇 (泾阳县): the village itself,
 * a sibling village of the same town, a village of another town, and a village of another county.
 * Expected outcomes are written out, not derived from the policy they check.
 */

const PLACE_NAMES = ['own', 'sibling', 'otherTown', 'otherCounty'] as const;
type Place = (typeof PLACE_NAMES)[number];
const STATUSES = ['registered', 'mediating', 'agreed', 'failed'] as const;
type Status = (typeof STATUSES)[number];

const VILLAGES: Record<Place, string> = {
  own: PLACES.qujia,
  sibling: `${PLACES.wangqiao}210`,
  otherTown: PLACES.wangjia,
  otherCounty: `${PLACES.wanfu}201`,
};

/** `listed` / `unlisted`: 200, with or without the case in the page. */
type Outcome = 200 | 201 | 400 | 401 | 403 | 404 | 409 | 'listed' | 'unlisted';
/** One outcome for every status, or one per status (registered, mediating, agreed, failed). */
type ByStatus = Outcome | readonly [Outcome, Outcome, Outcome, Outcome];
/** Per place: own, sibling, other town, other county. */
type ByPlace = readonly [ByStatus, ByStatus, ByStatus, ByStatus];
type Answer = number | 'listed' | 'unlisted';

const ACTIONS = [
  'read',
  'list',
  'browse',
  'start',
  'session',
  'agree',
  'editParties',
  'reveal',
  'agreement',
  'aid',
  'create',
  'export',
] as const;
type Action = (typeof ACTIONS)[number];
/** Actions about a village rather than a case: checked once per place. */
const PLACE_ACTIONS: readonly Action[] = ['create', 'export'];
/** Actions that change the case when allowed: each allowed attempt gets a case of its own. */
const CHANGES: readonly Action[] = ['start', 'session', 'agree', 'editParties'];

const all = (outcome: Outcome): ByPlace => [outcome, outcome, outcome, outcome];
/** The workflow: which status each step is open in (case-workflow.ts), 409 elsewhere. */
const START = [200, 409, 409, 409] as const;
const IN_MEDIATION = [409, 200, 409, 409] as const;
const PARTIES_OPEN = [200, 200, 409, 409] as const;
const AGREEMENT = [409, 409, 200, 409] as const;
/** Legal aid only from a failed mediation; any other case is a wrong choice in the form (400). */
const AID = [400, 400, 400, 201] as const;

/** A holder of `mediation.handle` whose region covers `n` of the places (own, sibling, other town …). */
function handler(n: 2 | 3, extra: { reveal: boolean; aid: boolean; export: boolean }): Record<Action, ByPlace> {
  const within = <T extends ByStatus>(cell: T): ByPlace => (n === 2 ? [cell, cell, 404, 404] : [cell, cell, cell, 404]);
  return {
    read: within(200),
    list: within('listed'),
    browse: n === 2 ? ['listed', 'listed', 'unlisted', 'unlisted'] : ['listed', 'listed', 'listed', 'unlisted'],
    start: within(START),
    session: within(IN_MEDIATION),
    agree: within(IN_MEDIATION),
    editParties: within(PARTIES_OPEN),
    reveal: extra.reveal ? within(200) : all(403),
    agreement: within(AGREEMENT),
    aid: extra.aid ? within(AID) : all(403),
    create: within(201),
    export: extra.export ? within(200) : all(403),
  };
}

/** Reads only: 村两委 and 村务监督委员 their own village (parties masked), 领导小组 the county. */
function reader(places: 1 | 3, exports: boolean): Record<Action, ByPlace> {
  const within = <T extends ByStatus>(cell: T): ByPlace => (places === 1 ? [cell, 404, 404, 404] : [cell, cell, cell, 404]);
  return {
    read: within(200),
    list: within('listed'),
    browse: places === 1 ? ['listed', 'unlisted', 'unlisted', 'unlisted'] : ['listed', 'listed', 'listed', 'unlisted'],
    start: all(403),
    session: all(403),
    agree: all(403),
    editParties: all(403),
    reveal: all(403),
    agreement: within(AGREEMENT),
    aid: all(403),
    create: all(403),
    export: exports ? within(200) : all(403),
  };
}

/** The same answer to every action, wherever: a role without the module, or nobody signed in. */
function everything(outcome: Outcome): Record<Action, ByPlace> {
  const none = all(outcome);
  return {
    read: none,
    list: none,
    browse: none,
    start: none,
    session: none,
    agree: none,
    editParties: none,
    reveal: none,
    agreement: none,
    aid: none,
    create: none,
    export: none,
  };
}

const MATRIX: Record<string, Record<Action, ByPlace>> = {
  /** 王桥镇司法所: its town's villages. */
  townOfficial: handler(2, { reveal: true, aid: true, export: true }),
  /** 泾阳县司法局: the county. */
  countyOfficial: handler(3, { reveal: true, aid: true, export: true }),
  /** A 王桥镇 mediator: handles the town's cases; no reveal, no legal aid, no export. */
  mediator: handler(2, { reveal: false, aid: false, export: false }),
  leader: reader(3, true),
  cadre: reader(1, false),
  supervisor: reader(1, false),
  villager: everything(403),
  anonymous: everything(401),
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
  const body = `61042319800101${String(seq).padStart(3, '0')}`;
  return `${body}${idCardCheckChar(body)}`;
}

const caseBody = (regionCode: string, seq: number) => ({
  regionCode,
  source: 'application',
  caseType: 'neighbour',
  description: `邻里因排水沟堵塞发生争执（矩阵${seq}）`,
  peopleCount: 2,
  riskLevel: 'low',
  registeredOn: '2026-01-02',
  parties: [
    { kind: 'person', role: 'applicant', name: `张${seq}`, idNumber: idNumber(seq), phone: `1381234${String(seq).padStart(4, '0')}` },
    { kind: 'person', role: 'respondent', name: `李${seq}` },
  ],
});
const SESSION = { heldOn: '2026-01-03', participants: '双方当事人', notes: '听取双方陈述' };
const AGREE = { agreedOn: '2026-01-04', terms: '被申请人于一月十日前疏通排水沟。' };

interface Case {
  id: string;
  version: number;
  parties: { id: string; kind: string; role: string; name: string }[];
}

describe('mediation: the case access matrix (role × action × place × status)', () => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  /** Per county: the official who registers and drives its cases, and its county committee's mediator. */
  let staff: Record<'jingyang' | 'huaiyuan', { official: TestClient; mediatorId: string }>;
  /** One case per place and status, for the attempts that change nothing. */
  const shared = new Map<string, Case>();
  let seq = 0;

  function clientOf(name: string): TestClient {
    const found = clients[name];
    if (!found) throw new Error(`no client ${name}`);
    return found;
  }

  function sharedCase(place: Place, status: Status): Case {
    const found = shared.get(`${place}/${status}`);
    if (!found) throw new Error(`no case for ${place}/${status}`);
    return found;
  }

  const countyOf = (place: Place) => staff[place === 'otherCounty' ? 'huaiyuan' : 'jingyang'];

  /** A case registered by the county's official and driven to `status` (a mediating case has had one session). */
  async function caseIn(place: Place, status: Status): Promise<Case> {
    const { official, mediatorId } = countyOf(place);
    seq += 1;
    const created = await official.request('POST', '/api/mediation/cases', caseBody(VILLAGES[place], seq));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const go = async (path: string, body: unknown) => {
      const res = await official.request('POST', `/api/mediation/cases/${id}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    };
    if (status !== 'registered') {
      await go('start', { mediatorId });
      await go('sessions', SESSION);
      if (status === 'agreed') await go('agree', AGREE);
      if (status === 'failed') await go('fail', { failedOn: '2026-01-04', route: 'litigation', destination: '人民法院' });
    }
    return (await official.request('GET', `/api/mediation/cases/${id}`)).json<Case>();
  }

  async function committeeMediator(official: TestClient, regionCode: string, n: number): Promise<string> {
    const committee = await official.request('POST', '/api/mediation/committees', { regionCode, level: 'county', name: `县调委会${n}` });
    expect(committee.statusCode, committee.body).toBe(201);
    const mediator = await official.request('POST', '/api/mediation/mediators', {
      committeeId: committee.json<{ id: string }>().id,
      name: `调解员${n}`,
      gender: 'male',
      phone: `1391234000${n}`,
      employment: 'full_time',
    });
    expect(mediator.statusCode, mediator.body).toBe(201);
    return mediator.json<{ id: string }>().id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await buildVillage(t.ctx, { code: VILLAGES.sibling });
    await buildVillage(t.ctx, { code: VILLAGES.otherCounty });
    for (const [name, user] of Object.entries(USERS)) await buildUser(t.ctx, { username: `mm.${name}`, ...user });
    await buildUser(t.ctx, { username: 'mm.hy.official', regionCode: PLACES.huaiyuan, roles: ['official'] });
    for (const name of Object.keys(USERS)) clients[name] = await t.login(`mm.${name}`);
    clients.anonymous = t.anonymous;
    const huaiyuan = await t.login('mm.hy.official');
    staff = {
      jingyang: {
        official: clientOf('countyOfficial'),
        mediatorId: await committeeMediator(clientOf('countyOfficial'), PLACES.jingyang, 1),
      },
      huaiyuan: { official: huaiyuan, mediatorId: await committeeMediator(huaiyuan, PLACES.huaiyuan, 2) },
    };
    for (const place of PLACE_NAMES) for (const status of STATUSES) shared.set(`${place}/${status}`, await caseIn(place, status));
  });
  afterAll(() => t.close());

  /** Runs one action and reduces the answer to an outcome; an allowed change gets a case of its own. */
  async function attempt(client: TestClient, action: Action, place: Place, status: Status, expected: Outcome): Promise<Answer> {
    const target = CHANGES.includes(action) && expected === 200 ? await caseIn(place, status) : sharedCase(place, status);
    const village = VILLAGES[place];
    const contains = async (url: string): Promise<Answer> => {
      const res = await client.request('GET', url);
      if (res.statusCode !== 200) return res.statusCode;
      return res.json<{ items: { id: string }[] }>().items.some((item) => item.id === target.id) ? 'listed' : 'unlisted';
    };
    const answer = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      (await client.request(method, url, body)).statusCode;
    const applicant = target.parties[0]?.id ?? '';
    switch (action) {
      case 'read':
        return answer('GET', `/api/mediation/cases/${target.id}`);
      case 'list':
        return contains(`/api/mediation/cases?regionCode=${village}&status=${status}&pageSize=100`);
      case 'browse':
        return contains(`/api/mediation/cases?status=${status}&pageSize=100`);
      case 'start':
        return answer('POST', `/api/mediation/cases/${target.id}/start`, { mediatorId: countyOf(place).mediatorId });
      case 'session':
        return answer('POST', `/api/mediation/cases/${target.id}/sessions`, SESSION);
      case 'agree':
        return answer('POST', `/api/mediation/cases/${target.id}/agree`, AGREE);
      case 'editParties': {
        const parties = target.parties.map((p) => ({ id: p.id, kind: p.kind, role: p.role, name: `${p.name}（更正）` }));
        return answer('PUT', `/api/mediation/cases/${target.id}/parties`, { version: target.version, parties });
      }
      case 'reveal':
        return answer('POST', `/api/mediation/cases/${target.id}/parties/${applicant}/reveal`, { field: 'phone' });
      case 'agreement':
        return answer('GET', `/api/mediation/cases/${target.id}/agreement.docx`);
      case 'aid':
        return answer('POST', '/api/mediation/aid', {
          caseId: target.id,
          partyId: applicant,
          hardship: ['农民工追索劳动报酬'],
          matter: '追索劳动报酬',
          appliedOn: '2026-01-05',
        });
      case 'create':
        return answer('POST', '/api/mediation/cases', caseBody(village, 900 + (seq += 1)));
      case 'export':
        return answer('GET', `/api/mediation/cases.xlsx?regionCode=${village}`);
    }
  }

  it('shows a village cadre and a supervisor their own village’s case with the parties masked, and what they may not do', async () => {
    const own = sharedCase('own', 'agreed');
    for (const name of ['cadre', 'supervisor']) {
      const dto = (await clientOf(name).request('GET', `/api/mediation/cases/${own.id}`)).json<{
        parties: { idNumber: string | null; phone: string | null }[];
        abilities: Record<string, unknown>;
      }>();
      expect(dto.parties[0]?.idNumber).toMatch(/^6104\*{10}\d{3}[\dX]$/);
      expect(dto.parties[0]?.phone).toMatch(/^138\*{4}\d{4}$/);
      expect(dto.abilities).toEqual({ handle: false, reveal: false, editParties: false, actions: [], record: [], aid: false });
      const list = (await clientOf(name).request('GET', '/api/mediation/cases')).json<{ abilities: Record<string, boolean> }>();
      expect(list.abilities).toEqual({ create: false, export: false });
    }
  });

  it('offers the steps the case’s status allows to those who handle it, and the mediators who may take it', async () => {
    const registered = sharedCase('own', 'registered');
    const dto = (await clientOf('mediator').request('GET', `/api/mediation/cases/${registered.id}`)).json<{ abilities: unknown }>();
    expect(dto.abilities).toEqual({ handle: true, reveal: false, editParties: true, actions: ['start'], record: [], aid: false });
    const mediating = (
      await clientOf('townOfficial').request('GET', `/api/mediation/cases/${sharedCase('sibling', 'mediating').id}`)
    ).json<{
      abilities: unknown;
    }>();
    expect(mediating.abilities).toEqual({
      handle: true,
      reveal: true,
      editParties: true,
      actions: ['agree', 'fail'],
      record: ['session'],
      aid: false,
    });
    const failed = (await clientOf('countyOfficial').request('GET', `/api/mediation/cases/${sharedCase('otherTown', 'failed').id}`)).json<{
      abilities: unknown;
    }>();
    expect(failed.abilities).toEqual({ handle: true, reveal: true, editParties: false, actions: ['follow_up'], record: [], aid: true });
    const assignable = (await clientOf('townOfficial').request('GET', `/api/mediation/mediators?assignableTo=${VILLAGES.own}`)).json<{
      items: { id: string }[];
    }>();
    // The county committee's mediator is outside a town official's list scope; the county sees and may assign them.
    expect(assignable.items).toEqual([]);
    const county = (await clientOf('countyOfficial').request('GET', `/api/mediation/mediators?assignableTo=${VILLAGES.own}`)).json<{
      items: { id: string }[];
    }>();
    expect(county.items.map((m) => m.id)).toEqual([staff.jingyang.mediatorId]);
    expect((await clientOf('townOfficial').request('GET', `/api/mediation/mediators?assignableTo=${VILLAGES.otherTown}`)).statusCode).toBe(
      404,
    );
  });

  it('a refusal by the policy is audited (a cadre’s 404 on another village), and its 409 names the status and the step', async () => {
    const denials = () =>
      t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_name', 'object_region', 'result'])
        .where('action', '=', 'access.denied')
        .orderBy('seq')
        .execute();
    const before = (await denials()).length;
    expect((await clientOf('cadre').request('GET', `/api/mediation/cases/${sharedCase('sibling', 'registered').id}`)).statusCode).toBe(404);
    expect((await denials()).slice(before)).toEqual([{ actor_name: 'mm.cadre', object_region: VILLAGES.sibling, result: 'denied' }]);
    const early = await clientOf('townOfficial').request('POST', `/api/mediation/cases/${sharedCase('own', 'registered').id}/agree`, AGREE);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'conflict', message: '当前状态（已受理）不能执行“达成协议”' } });
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
