import { personalNumbersIn } from '../../testing/personal-numbers.ts';
import { askMatrixRow } from '../../testing/access-matrix.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@rg/domain/access/roles';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';

/**
 * The ledger's access matrix (SECURITY.md 7, 10; issue 14 item 4): role × action × place × status →
 * what the user gets back. Places are seen from 屈家村 in 王桥镇 (泾阳县): the village itself, a sibling
 * village of the same town, a village of another town, and a village of another county. Expected
 * outcomes are written out, not derived from the policy they check.
 */

const PLACE_NAMES = ['own', 'sibling', 'otherTown', 'otherCounty'] as const;
type Place = (typeof PLACE_NAMES)[number];
const STATUSES = ['submitted', 'returned', 'accepted'] as const;
type Status = (typeof STATUSES)[number];

const VILLAGES: Record<Place, string> = {
  own: PLACES.qujia,
  sibling: `${PLACES.wangqiao}210`,
  otherTown: PLACES.wangjia,
  otherCounty: `${PLACES.wanfu}201`,
};

/** `listed` / `unlisted`: 200, with or without the entry in the page. */
type Outcome = 200 | 201 | 401 | 403 | 404 | 409 | 'listed' | 'unlisted';
/** One outcome for every status, or one per status (submitted, returned, accepted). */
type ByStatus = Outcome | readonly [Outcome, Outcome, Outcome];
/** Per place: own, sibling, other town, other county. */
type ByPlace = readonly [ByStatus, ByStatus, ByStatus, ByStatus];
/** What came back: a status code, or whether a 200 list held the entry. */
type Answer = number | 'listed' | 'unlisted';

const ACTIONS = ['read', 'list', 'browse', 'edit', 'return', 'accept', 'create', 'export'] as const;
type Action = (typeof ACTIONS)[number];
/** Actions about a village rather than an entry: checked once per place. */
const PLACE_ACTIONS: readonly Action[] = ['create', 'export'];

const all = (outcome: Outcome): ByPlace => [outcome, outcome, outcome, outcome];
const EDITABLE = [200, 200, 409] as const;
const REVIEWABLE = [200, 409, 409] as const;

const VILLAGE_READER: Record<Action, ByPlace> = {
  read: [200, 404, 404, 404],
  list: ['listed', 404, 404, 404],
  browse: ['listed', 'unlisted', 'unlisted', 'unlisted'],
  edit: all(403),
  return: all(403),
  accept: all(403),
  create: all(403),
  export: all(403),
};

const MATRIX: Record<string, Record<Action, ByPlace>> = {
  /** The advisor serving 屈家村 (account in 王桥镇): only their own entries, only where they serve. */
  advisor: {
    read: [200, 404, 404, 404],
    list: ['listed', 'unlisted', 404, 404],
    browse: ['listed', 'unlisted', 'unlisted', 'unlisted'],
    edit: [EDITABLE, 404, 404, 404],
    return: all(403),
    accept: all(403),
    create: [201, 404, 404, 404],
    export: all(403),
  },
  /** 王桥镇司法所: its town's villages. */
  townOfficial: {
    read: [200, 200, 404, 404],
    list: ['listed', 'listed', 404, 404],
    browse: ['listed', 'listed', 'unlisted', 'unlisted'],
    edit: [EDITABLE, EDITABLE, 404, 404],
    return: [REVIEWABLE, REVIEWABLE, 404, 404],
    accept: [REVIEWABLE, REVIEWABLE, 404, 404],
    create: [201, 201, 404, 404],
    export: [200, 200, 404, 404],
  },
  /** 泾阳县司法局's clerk who entered every 泾阳 entry: never reviews them (four-eyes). */
  recorder: {
    read: [200, 200, 200, 404],
    list: ['listed', 'listed', 'listed', 404],
    browse: ['listed', 'listed', 'listed', 'unlisted'],
    edit: [EDITABLE, EDITABLE, EDITABLE, 404],
    return: [403, 403, 403, 404],
    accept: [403, 403, 403, 404],
    create: [201, 201, 201, 404],
    export: [200, 200, 200, 404],
  },
  /** 领导小组 of the county: reads and exports, writes nothing. */
  leader: {
    read: [200, 200, 200, 404],
    list: ['listed', 'listed', 'listed', 404],
    browse: ['listed', 'listed', 'listed', 'unlisted'],
    edit: all(403),
    return: all(403),
    accept: all(403),
    create: all(403),
    export: [200, 200, 200, 404],
  },
  /** Decision 76: their own village's ledger, nothing of another village. */
  cadre: VILLAGE_READER,
  supervisor: VILLAGE_READER,
  villager: {
    read: all(403),
    list: all(403),
    browse: all(403),
    edit: all(403),
    return: all(403),
    accept: all(403),
    create: all(403),
    export: all(403),
  },
  anonymous: {
    read: all(401),
    list: all(401),
    browse: all(401),
    edit: all(401),
    return: all(401),
    accept: all(401),
    create: all(401),
    export: all(401),
  },
};

const USERS: Record<string, { regionCode: string; roles: Role[] }> = {
  advisor: { regionCode: PLACES.wangqiao, roles: ['legal_advisor'] },
  townOfficial: { regionCode: PLACES.wangqiao, roles: ['official'] },
  recorder: { regionCode: PLACES.jingyang, roles: ['official'] },
  leader: { regionCode: PLACES.jingyang, roles: ['leader'] },
  cadre: { regionCode: PLACES.qujia, roles: ['village_cadre'] },
  supervisor: { regionCode: PLACES.qujia, roles: ['supervisor'] },
  villager: { regionCode: PLACES.qujia, roles: ['villager'] },
};

const fields = {
  servedAt: '2026-01-04T10:00:00+08:00',
  serviceType: 'consultation',
  subjectKind: 'village',
  content: '村规民约修订的合法性审查',
  result: '提出三条修改意见',
  durationMinutes: 30,
};

interface Entry {
  id: string;
  version: number;
}

describe('legal: the ledger access matrix (role × action × place × status)', () => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  /** Per county: who enters entries and who reviews them. */
  let staff: Record<'jingyang' | 'huaiyuan', { recorder: TestClient; reviewer: TestClient }>;
  /** One entry per place and status, for the actions that are refused (they change nothing). */
  const shared = new Map<string, Entry>();

  function sharedEntry(place: Place, status: Status): Entry {
    const found = shared.get(`${place}/${status}`);
    if (!found) throw new Error(`no entry for ${place}/${status}`);
    return found;
  }

  function clientOf(name: string): TestClient {
    const found = clients[name];
    if (!found) throw new Error(`no client ${name}`);
    return found;
  }

  const countyOf = (place: Place) => staff[place === 'otherCounty' ? 'huaiyuan' : 'jingyang'];

  /** An entry recorded by the county's clerk for the village's advisor, then reviewed to `status`. */
  async function entry(place: Place, status: Status): Promise<Entry> {
    const { recorder, reviewer } = countyOf(place);
    const created = await recorder.request('POST', '/api/legal/services', { ...fields, villageCode: VILLAGES[place], window: 'onsite' });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    if (status === 'submitted') return { id, version: 1 };
    const body = status === 'returned' ? { version: 1, comment: '请补充服务依据' } : { version: 1 };
    const reviewed = await reviewer.request('POST', `/api/legal/services/${id}/${status === 'returned' ? 'return' : 'accept'}`, body);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    return { id, version: 2 };
  }

  async function advisorFor(client: TestClient, regionCode: string, villageCode: string, seq: number): Promise<string> {
    const body = `61042319800101${String(seq).padStart(3, '0')}`;
    const created = await client.request('POST', '/api/legal/advisors', {
      regionCode,
      name: `顾问${seq}`,
      gender: 'male',
      phone: `1391234${String(seq).padStart(4, '0')}`,
      idNumber: `${body}${idCardCheckChar(body)}`,
      category: 'practising_lawyer',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const assigned = await client.request('POST', '/api/legal/assignments', { advisorId: id, villageCode, startDate: '2026-01-01' });
    expect(assigned.statusCode, assigned.body).toBe(201);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await buildVillage(t.ctx, { code: VILLAGES.sibling });
    await buildVillage(t.ctx, { code: VILLAGES.otherCounty });
    const ids: Record<string, string> = {};
    for (const [name, user] of Object.entries(USERS)) ids[name] = (await buildUser(t.ctx, { username: `m.${name}`, ...user })).id;
    await buildUser(t.ctx, { username: 'm.reviewer', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'm.hy.recorder', regionCode: PLACES.huaiyuan, roles: ['official'] });
    await buildUser(t.ctx, { username: 'm.hy.reviewer', regionCode: PLACES.huaiyuan, roles: ['official'] });
    for (const name of Object.keys(USERS)) clients[name] = await t.login(`m.${name}`);
    clients.anonymous = t.anonymous;
    staff = {
      jingyang: { recorder: clientOf('recorder'), reviewer: await t.login('m.reviewer') },
      huaiyuan: { recorder: await t.login('m.hy.recorder'), reviewer: await t.login('m.hy.reviewer') },
    };

    const own = await advisorFor(staff.jingyang.recorder, PLACES.jingyang, VILLAGES.own, 1);
    const linked = await staff.jingyang.recorder.request('PATCH', `/api/legal/advisors/${own}`, { version: 1, userId: ids.advisor });
    expect(linked.statusCode, linked.body).toBe(200);
    await advisorFor(staff.jingyang.recorder, PLACES.jingyang, VILLAGES.sibling, 2);
    await advisorFor(staff.jingyang.recorder, PLACES.jingyang, VILLAGES.otherTown, 3);
    await advisorFor(staff.huaiyuan.recorder, PLACES.huaiyuan, VILLAGES.otherCounty, 4);
    for (const place of PLACE_NAMES) for (const status of STATUSES) shared.set(`${place}/${status}`, await entry(place, status));
  });
  afterAll(() => t.close());

  /** Runs one action and reduces the answer to an outcome; an allowed change gets an entry of its own. */
  async function attempt(client: TestClient, action: Action, place: Place, status: Status, expected: Outcome): Promise<Answer> {
    const changes = ['edit', 'return', 'accept'].includes(action) && expected === 200;
    const target = changes ? await entry(place, status) : sharedEntry(place, status);
    const village = VILLAGES[place];
    const contains = async (url: string): Promise<Answer> => {
      const res = await client.request('GET', url);
      if (res.statusCode !== 200) return res.statusCode;
      return res.json<{ items: { id: string }[] }>().items.some((item) => item.id === target.id) ? 'listed' : 'unlisted';
    };
    const answer = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      (await client.request(method, url, body)).statusCode;
    switch (action) {
      case 'read':
        return answer('GET', `/api/legal/services/${target.id}`);
      case 'list':
        return contains(`/api/legal/services?regionCode=${village}&status=${status}&pageSize=100`);
      case 'browse':
        return contains(`/api/legal/services?status=${status}&pageSize=100`);
      case 'edit':
        return answer('PUT', `/api/legal/services/${target.id}`, { ...fields, version: target.version, reason: '补充' });
      case 'return':
        return answer('POST', `/api/legal/services/${target.id}/return`, { version: target.version, comment: '请补充服务依据' });
      case 'accept':
        return answer('POST', `/api/legal/services/${target.id}/accept`, { version: target.version });
      case 'create':
        return answer('POST', '/api/legal/services', { ...fields, villageCode: village, window: 'onsite' });
      case 'export':
        return answer('GET', `/api/legal/dossiers/${village}.xlsx?year=2026`);
    }
  }

  it('the review todo leaves out the entries the person entered themselves (four-eyes)', async () => {
    const toReview = async (client: TestClient) => {
      const res = await client.request('GET', '/api/todos');
      return res.json<{ items: { id: string; count: number }[] }>().items.find((i) => i.id === 'legal.servicesToReview')?.count ?? 0;
    };
    const own = await t.ctx.db
      .selectFrom('legal_services as s')
      .innerJoin('users as u', 'u.id', 's.created_by')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('u.username', '=', 'm.recorder')
      .where('s.status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    expect(Number(own.n)).toBeGreaterThan(0);
    expect((await toReview(staff.jingyang.reviewer)) - (await toReview(staff.jingyang.recorder))).toBe(Number(own.n));
  });

  it('a refusal by the policy is audited: 404 for another village, 403 for reviewing one’s own entry', async () => {
    const denials = () =>
      t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_name', 'object_region', 'result'])
        .where('action', '=', 'access.denied')
        .orderBy('seq')
        .execute();
    const before = (await denials()).length;
    const foreign = sharedEntry('sibling', 'submitted');
    expect((await clientOf('cadre').request('GET', `/api/legal/services/${foreign.id}`)).statusCode).toBe(404);
    const own = sharedEntry('own', 'submitted');
    const review = await clientOf('recorder').request('POST', `/api/legal/services/${own.id}/accept`, { version: own.version });
    expect(review.json()).toMatchObject({ error: { code: 'forbidden', message: '不能审核自己录入的服务记录，请由其他人员审核' } });
    expect((await denials()).slice(before)).toEqual([
      { actor_name: 'm.cadre', object_region: VILLAGES.sibling, result: 'denied' },
      { actor_name: 'm.recorder', object_region: VILLAGES.own, result: 'denied' },
    ]);
  });

  it('a number typed into an entry is stored sealed and masked for every reader, its editor too, and an edit keeps it sealed (SECURITY.md 30)', async () => {
    const typed = { ...fields, content: '村民屈某（电话 13912345678）咨询宅基地', result: '身份证 610423198001010012 已核对' };
    const created = await staff.jingyang.recorder.request('POST', '/api/legal/services', {
      ...typed,
      villageCode: VILLAGES.own,
      window: 'onsite',
    });
    const { id } = created.json<{ id: string }>();
    const seen = async (name: string) => {
      const res = await clientOf(name).request('GET', `/api/legal/services/${id}`);
      const body = res.json<{ content: string; result: string; versions: { fields: { content: string } }[] }>();
      return [body.content, body.result, body.versions[0]?.fields.content];
    };
    const masked = ['村民屈某（电话 139****5678）咨询宅基地', '身份证 6104**********0012 已核对', '村民屈某（电话 139****5678）咨询宅基地'];
    expect(await seen('cadre')).toEqual(masked);
    expect(await seen('supervisor')).toEqual(masked);
    expect(await seen('leader')).toEqual(masked);
    expect(await seen('advisor')).toEqual(masked);
    expect(await seen('recorder')).toEqual(masked);
    const stored = await t.ctx.db.selectFrom('legal_services').select(['content', 'result']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(personalNumbersIn(JSON.stringify(stored))).toEqual([]);
    // The editor sends the masked text back with a change: the sealed numbers stay sealed, not replaced by their masks.
    const detail = (await clientOf('recorder').request('GET', `/api/legal/services/${id}`)).json<{
      version: number;
      content: string;
      result: string;
    }>();
    const edited = await clientOf('recorder').request('PUT', `/api/legal/services/${id}`, {
      ...typed,
      content: `${detail.content}，已回复`,
      result: detail.result,
      version: detail.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = await t.ctx.db.selectFrom('legal_services').select(['content', 'result']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.content.startsWith(stored.content.slice(0, stored.content.lastIndexOf('⟧') + 1))).toBe(true);
    expect(after.result).toBe(stored.result);
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
