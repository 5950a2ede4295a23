import { askMatrixRow } from '../../testing/access-matrix.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@rg/domain/access/roles';
import type { ApplicationStatus } from '@rg/domain/programs/application.schema';
import { PLAN_SECTIONS } from '@rg/domain/programs/catalog';
import type { DesignationStatus } from '@rg/domain/programs/designation.schema';
import { newId } from '../../core/db/ids.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, buildVillage, PLACES } from '../../testing/factories.ts';
import * as applications from './applications.repository.ts';
import { insertDesignation } from './designations.repository.ts';
import * as programs from './programs.repository.ts';
import { programBody } from './programs.test-helpers.ts';

/**
 * The access matrices of the programmes (SECURITY.md 7, 10; issue 14 item 4): role × action × place ×
 * status → what the user gets back. Places are seen from 屈家村 in 王桥镇 (泾阳县): the village itself, a
 * sibling village of the same town, a village of another town, a village of another county; the
 * anonymous visitor is the last row. Expected outcomes are written out, not derived from the
 * policies they check; a refused change must also leave the row as it was.
 */

const PLACE_NAMES = ['own', 'sibling', 'otherTown', 'otherCounty'] as const;
type Place = (typeof PLACE_NAMES)[number];

const VILLAGES: Record<Place, string> = {
  own: PLACES.qujia,
  sibling: `${PLACES.wangqiao}210`,
  otherTown: PLACES.wangjia,
  otherCounty: `${PLACES.wanfu}201`,
};
/** The town where a village's application waits first (the chain starts at the town). */
const townOf = (village: string) => village.slice(0, 9);

/** `listed` / `unlisted`: 200, with or without the row in the list; `changed`: a refusal that changed the row. */
type Outcome = 200 | 201 | 401 | 403 | 404 | 409 | 'listed' | 'unlisted';
type Answer = number | 'listed' | 'unlisted' | 'changed';
type ByStatus<N extends number> = Outcome | (readonly Outcome[] & { length: N });
type ByPlace<N extends number> = readonly [ByStatus<N>, ByStatus<N>, ByStatus<N>, ByStatus<N>];
const all = <N extends number>(outcome: Outcome): ByPlace<N> => [outcome, outcome, outcome, outcome];

const USERS: Record<string, { regionCode: string; roles: Role[] }> = {
  /** 屈家村两委: applies for its own village. */
  cadre: { regionCode: PLACES.qujia, roles: ['village_cadre'] },
  /** 王桥镇 official: applies for its villages. */
  townOfficial: { regionCode: PLACES.wangqiao, roles: ['official'] },
  /** 王桥镇 leader: the first review level of its villages' applications. */
  townLeader: { regionCode: PLACES.wangqiao, roles: ['leader'] },
  /** A 王桥镇 account that both applies and reviews, and submitted the applications under review. */
  townBoth: { regionCode: PLACES.wangqiao, roles: ['official', 'leader'] },
  /** 泾阳县 leader: a later review level, not where the applications wait. */
  countyLeader: { regionCode: PLACES.jingyang, roles: ['leader'] },
  /** 泾阳县 inspector: reads, scores designations, decides no application. */
  inspector: { regionCode: PLACES.jingyang, roles: ['inspector'] },
  /** A villager holds no programme permission. */
  villager: { regionCode: PLACES.qujia, roles: ['villager'] },
};

// ---------------------------------------------------------------------------------------------
// 申报 (applications): draft, submitted (waiting at the village's town), returned.

const APPLICATION_STATUSES = ['draft', 'submitted', 'returned'] as const satisfies readonly ApplicationStatus[];
type AppStatus = (typeof APPLICATION_STATUSES)[number];
const APPLICATION_ACTIONS = ['read', 'list', 'edit', 'submit', 'review', 'create'] as const;
type AppAction = (typeof APPLICATION_ACTIONS)[number];
/** Actions about a place rather than a row: checked once per place. */
const PLACE_ACTIONS: readonly AppAction[] = ['list', 'create'];
const OPEN = [200, 409, 200] as const;

const APPLICATION_MATRIX: Record<string, Record<AppAction, ByPlace<3>>> = {
  cadre: {
    read: [200, 404, 404, 404],
    list: ['listed', 'unlisted', 'unlisted', 'unlisted'],
    edit: [OPEN, 404, 404, 404],
    submit: [OPEN, 404, 404, 404],
    review: all(403),
    create: [201, 404, 404, 404],
  },
  townOfficial: {
    read: [200, 200, 404, 404],
    list: ['listed', 'listed', 'unlisted', 'unlisted'],
    edit: [OPEN, OPEN, 404, 404],
    submit: [OPEN, OPEN, 404, 404],
    review: all(403),
    create: [201, 201, 404, 404],
  },
  townLeader: {
    read: [200, 200, 404, 404],
    list: ['listed', 'listed', 'unlisted', 'unlisted'],
    edit: all(403),
    submit: all(403),
    review: [[409, 200, 409], [409, 200, 409], 404, 404],
    create: all(403),
  },
  /** Four-eyes: never decides what it submitted (the returned ones too: it submitted them before). */
  townBoth: {
    read: [200, 200, 404, 404],
    list: ['listed', 'listed', 'unlisted', 'unlisted'],
    edit: [OPEN, OPEN, 404, 404],
    submit: [OPEN, OPEN, 404, 404],
    review: [[409, 403, 403], [409, 403, 403], 404, 404],
    create: [201, 201, 404, 404],
  },
  countyLeader: {
    read: [200, 200, 200, 404],
    list: ['listed', 'listed', 'listed', 'unlisted'],
    edit: all(403),
    submit: all(403),
    review: [[409, 409, 409], [409, 409, 409], [409, 409, 409], 404],
    create: all(403),
  },
  inspector: {
    read: [200, 200, 200, 404],
    list: ['listed', 'listed', 'listed', 'unlisted'],
    edit: all(403),
    submit: all(403),
    review: all(403),
    create: all(403),
  },
  villager: {
    read: all(403),
    list: all(403),
    edit: all(403),
    submit: all(403),
    review: all(403),
    create: all(403),
  },
  anonymous: {
    read: all(401),
    list: all(401),
    edit: all(401),
    submit: all(401),
    review: all(401),
    create: all(401),
  },
};

// ---------------------------------------------------------------------------------------------
// 命名 (designations) under a programme of the village's county: active, warned, revoked.

const DESIGNATION_STATUSES = ['active', 'warned', 'revoked'] as const satisfies readonly DesignationStatus[];
const DESIGNATION_ACTIONS = ['read', 'warn', 'restore', 'revoke'] as const;
type DesignationAction = (typeof DESIGNATION_ACTIONS)[number];

const DESIGNATION_MATRIX: Record<string, Record<DesignationAction, ByPlace<3>>> = {
  /** 泾阳县 official: manages its county's programme, so its titles; 怀远县's are not its business. */
  countyOfficial: {
    read: [200, 200, 200, 404],
    warn: [[200, 409, 409], [200, 409, 409], [200, 409, 409], 404],
    restore: [[409, 200, 409], [409, 200, 409], [409, 200, 409], 404],
    revoke: [[200, 200, 409], [200, 200, 409], [200, 200, 409], 404],
  },
  /** 王桥镇 official: holds programs.manage, but below the organiser: reads, never moves. */
  townOfficial: {
    read: [200, 200, 404, 404],
    warn: all(404),
    restore: all(404),
    revoke: all(404),
  },
  cadre: { read: [200, 404, 404, 404], warn: all(403), restore: all(403), revoke: all(403) },
  countyLeader: { read: [200, 200, 200, 404], warn: all(403), restore: all(403), revoke: all(403) },
  villager: { read: all(403), warn: all(403), restore: all(403), revoke: all(403) },
  anonymous: { read: all(401), warn: all(401), restore: all(401), revoke: all(401) },
};

const sections = JSON.stringify(Object.fromEntries(PLAN_SECTIONS.map((s) => [s, `<p>${s}</p>`])));

describe('programs: the access matrices (role × action × place × status)', () => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  const ids: Record<string, string> = {};
  /** The programme every shared application belongs to, and one without applications for refused creations. */
  let shared: programs.ProgramRow;
  let empty: programs.ProgramRow;
  const sharedApplications = new Map<string, { id: string; programId: string }>();
  const sharedDesignations = new Map<string, string>();
  /** Per county: the programme it organises (a title's managers are its organiser's officials). */
  const countyPrograms: Partial<Record<Place, programs.ProgramRow>> = {};

  function clientOf(name: string): TestClient {
    const found = clients[name];
    if (!found) throw new Error(`no client ${name}`);
    return found;
  }

  function userId(name: string): string {
    const found = ids[name];
    if (!found) throw new Error(`no user ${name}`);
    return found;
  }

  /** A programme like `base` under a new id, so a unit may open one more application. */
  async function programLike(base: programs.ProgramRow): Promise<programs.ProgramRow> {
    const { organiser_name: organiserName, ...row } = base;
    const id = newId();
    await programs.insertProgram(t.ctx.db, { ...row, id, name: `${row.name}（${id.slice(0, 4)}）` });
    return { ...row, id, organiser_name: organiserName };
  }

  /** An application of the village in `status`, complete enough to submit; submitted ones wait at the town, sent by townBoth. */
  async function application(program: programs.ProgramRow, place: Place, status: AppStatus): Promise<{ id: string; programId: string }> {
    const id = newId();
    const now = t.clock.now().toISOString();
    const sent = status !== 'draft';
    await applications.insertApplication(t.ctx.db, {
      id,
      program_id: program.id,
      unit_code: VILLAGES[place],
      status,
      step: 0,
      reviewer_region: status === 'submitted' ? townOf(VILLAGES[place]) : null,
      quota_region: null,
      content_areas: '["governance_system"]',
      condition_answers: '[]',
      plan_version: 1,
      submitted_at: sent ? now : null,
      submitted_by: sent ? userId('townBoth') : null,
      decided_at: null,
      created_by: userId('townBoth'),
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await applications.insertPlanVersion(t.ctx.db, { application_id: id, version: 1, sections, created_at: now, submitted_at: null });
    return { id, programId: program.id };
  }

  async function designation(place: Place, status: DesignationStatus): Promise<string> {
    const program = countyPrograms[place];
    if (!program) throw new Error(`no programme for ${place}`);
    // One application per unit and programme: each designation gets a programme of its own kind.
    const own = await programLike(program);
    const { id: applicationId } = await application(own, place, 'draft');
    const id = newId();
    await insertDesignation(t.ctx.db, {
      id,
      program_id: own.id,
      application_id: applicationId,
      unit_code: VILLAGES[place],
      title: own.honour_title,
      designated_on: '2026-01-10',
      valid_until: own.cycle_end,
      status,
      status_reason: status === 'active' ? null : '演示',
      updated_at: t.clock.now().toISOString(),
    });
    return id;
  }

  async function createdProgram(client: TestClient, overrides: Record<string, unknown>): Promise<programs.ProgramRow> {
    const res = await client.request('POST', '/api/programs', programBody(overrides));
    expect(res.statusCode, res.body).toBe(201);
    const row = await programs.findProgram(t.ctx.db, res.json<{ id: string }>().id);
    if (!row) throw new Error('programme not stored');
    return row;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await buildVillage(t.ctx, { code: VILLAGES.sibling });
    await buildVillage(t.ctx, { code: VILLAGES.otherCounty });
    const staff: Record<string, { regionCode: string; roles: Role[] }> = {
      ...USERS,
      nation: { regionCode: '00', roles: ['official'] },
      countyOfficial: { regionCode: PLACES.jingyang, roles: ['official'] },
      huaiyuanOfficial: { regionCode: PLACES.huaiyuan, roles: ['official'] },
    };
    for (const [name, user] of Object.entries(staff)) {
      ids[name] = (await buildUser(t.ctx, { username: `pm.${name}`, ...user })).id;
      clients[name] = await t.login(`pm.${name}`);
    }
    clients.anonymous = t.anonymous;
    const villageProgramme = {
      unitLevel: 'village',
      conditions: [],
      requiredAttachments: [],
      milestones: [],
      quotaLevel: null,
    };
    shared = await createdProgram(clientOf('nation'), {
      ...villageProgramme,
      reviewChain: ['town', 'county', 'city', 'province', 'nation'],
    });
    empty = await programLike(shared);
    const county = { ...villageProgramme, reviewChain: ['town', 'county'] };
    const jingyang = await createdProgram(clientOf('countyOfficial'), { ...county, organiserRegion: PLACES.jingyang });
    const huaiyuan = await createdProgram(clientOf('huaiyuanOfficial'), { ...county, organiserRegion: PLACES.huaiyuan });
    for (const place of PLACE_NAMES) {
      countyPrograms[place] = place === 'otherCounty' ? huaiyuan : jingyang;
      // One shared programme holds one application per unit: each status gets its own programme.
      for (const status of APPLICATION_STATUSES) {
        const program = status === 'draft' ? shared : await programLike(shared);
        sharedApplications.set(`${place}/${status}`, await application(program, place, status));
      }
      for (const status of DESIGNATION_STATUSES) sharedDesignations.set(`${place}/${status}`, await designation(place, status));
    }
  });
  afterAll(() => t.close());

  const statusOf = async (id: string) =>
    t.ctx.db.selectFrom('program_applications').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

  /** Runs one action on an application and reduces the answer; an allowed change gets a row of its own. */
  async function attemptApplication(
    client: TestClient,
    action: AppAction,
    place: Place,
    status: AppStatus,
    want: Outcome,
  ): Promise<Answer> {
    const changes = ['edit', 'submit', 'review'].includes(action) && want === 200;
    const key = `${place}/${status}`;
    const target = changes ? await application(await programLike(shared), place, status) : sharedApplications.get(key);
    if (!target) throw new Error(`no application ${key}`);
    const before = await statusOf(target.id);
    const answer = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<Answer> => {
      const code = (await client.request(method, url, body)).statusCode;
      if (code < 300 || method === 'GET') return code;
      const after = await statusOf(target.id);
      return after.status === before.status && after.version === before.version ? code : 'changed';
    };
    switch (action) {
      case 'read':
        return answer('GET', `/api/programs/applications/${target.id}`);
      case 'list': {
        const res = await client.request('GET', `/api/programs/applications?programId=${shared.id}`);
        if (res.statusCode !== 200) return res.statusCode;
        return res.json<{ items: { id: string }[] }>().items.some((item) => item.id === target.id) ? 'listed' : 'unlisted';
      }
      case 'edit':
        return answer('PUT', `/api/programs/applications/${target.id}`, { version: 1, contentAreas: ['consultation'] });
      case 'submit':
        return answer('POST', `/api/programs/applications/${target.id}/submit`);
      case 'review':
        return answer('POST', `/api/programs/applications/${target.id}/review`, { decision: 'approve', comment: '' });
      case 'create': {
        const program = want === 201 ? await programLike(shared) : empty;
        return (await client.request('POST', `/api/programs/${program.id}/applications`, { unitCode: VILLAGES[place] })).statusCode;
      }
    }
  }

  const designationStatusOf = async (id: string) =>
    (await t.ctx.db.selectFrom('program_designations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  async function attemptDesignation(
    client: TestClient,
    action: DesignationAction,
    place: Place,
    status: DesignationStatus,
    want: Outcome,
  ): Promise<Answer> {
    const key = `${place}/${status}`;
    const id = action !== 'read' && want === 200 ? await designation(place, status) : sharedDesignations.get(key);
    if (!id) throw new Error(`no designation ${key}`);
    if (action === 'read') return (await client.request('GET', `/api/programs/designations/${id}`)).statusCode;
    const code = (await client.request('POST', `/api/programs/designations/${id}/${action}`, { reason: '矩阵测试' })).statusCode;
    return code === 200 || (await designationStatusOf(id)) === status ? code : 'changed';
  }

  /** Every cell of one row of a matrix, as { 'place/status': answer }. */
  for (const [name, row] of Object.entries(APPLICATION_MATRIX)) {
    for (const action of APPLICATION_ACTIONS) {
      it(`application: ${name} × ${action}`, async () => {
        const client = clientOf(name);
        const { expected, actual } = await askMatrixRow(
          row[action],
          APPLICATION_STATUSES,
          PLACE_ACTIONS.includes(action),
          404,
          (place, status, want) => attemptApplication(client, action, place, status, want),
        );
        expect(actual).toEqual(expected);
      });
    }
  }

  for (const [name, row] of Object.entries(DESIGNATION_MATRIX)) {
    for (const action of DESIGNATION_ACTIONS) {
      it(`designation: ${name} × ${action}`, async () => {
        const client = clientOf(name);
        const { expected, actual } = await askMatrixRow(row[action], DESIGNATION_STATUSES, false, 404, (place, status, want) =>
          attemptDesignation(client, action, place, status, want),
        );
        expect(actual).toEqual(expected);
      });
    }
  }

  it('the abilities of a row answer what the matrix allows: the town leader may review what waits at its town, the submitter may not', async () => {
    const target = sharedApplications.get('own/submitted');
    if (!target) throw new Error('no application');
    const abilities = async (name: string) =>
      (await clientOf(name).request('GET', `/api/programs/applications/${target.id}`)).json<{ abilities: Record<string, boolean> }>()
        .abilities;
    expect(await abilities('townLeader')).toEqual({ edit: false, submit: false, review: true });
    expect(await abilities('townBoth')).toEqual({ edit: false, submit: false, review: false });
    const designationId = sharedDesignations.get('own/warned');
    const read = await clientOf('countyOfficial').request('GET', `/api/programs/designations?regionCode=${VILLAGES.own}`);
    const listed = read.json<{ items: { id: string; abilities: Record<string, boolean> }[] }>().items.find((d) => d.id === designationId);
    expect(listed?.abilities).toEqual({ warn: false, restore: true, revoke: true });
  });

  it('a region above the actor’s own lists the designations of the actor’s region; another region outside is 404', async () => {
    const town = clientOf('townOfficial');
    const above = await town.request('GET', `/api/programs/designations?regionCode=${PLACES.jingyang}`);
    expect(above.statusCode, above.body).toBe(200);
    const units = new Set(above.json<{ items: { unitCode: string }[] }>().items.map((d) => d.unitCode));
    expect([...units].sort()).toEqual([VILLAGES.own, VILLAGES.sibling].sort());
    expect((await town.request('GET', `/api/programs/designations?regionCode=${PLACES.anwu}`)).statusCode).toBe(404);
  });
});
