import { afterAll, beforeAll, describe, expect, it } from 'vitest';
const DAY = 86_400_000;
import { createTestApp, errorOf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { buildUser, PLACES } from '../../testing/factories.ts';
import { expectStatus } from './programs.test-helpers.ts';

describe('programs: leading groups, member agencies and tasks (P1.2, P1.5, plan 3 §五)', () => {
  let t: TestApp;
  let county: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await buildUser(t.ctx, { username: 'hy.off', regionCode: PLACES.huaiyuan, roles: ['official'] });
    await buildUser(t.ctx, { username: 'jy.off', regionCode: PLACES.jingyang, roles: ['official'] });
    await buildUser(t.ctx, { username: 'hy.lead', regionCode: PLACES.huaiyuan, roles: ['leader'] });
    county = await t.login('hy.off');
  });
  afterAll(() => t.close());

  async function createGroup(): Promise<string> {
    const res = await county.request('POST', '/api/programs/groups', {
      regionCode: PLACES.huaiyuan,
      name: '怀远县乡村治理工作领导小组',
      officeName: '县委农办',
      officeDirector: '王主任',
    });
    await expectStatus(res, 201);
    return res.json<{ id: string }>().id;
  }

  it('keeps the group, its office, members by role and agencies by role with duties', async () => {
    const id = await createGroup();
    await expectStatus(
      await county.request('POST', `/api/programs/groups/${id}/members`, {
        personName: '李成员',
        position: '县民政局局长',
        role: 'member',
      }),
      201,
    );
    await expectStatus(
      await county.request('POST', `/api/programs/groups/${id}/members`, { personName: '张组长', position: '县委书记', role: 'leader' }),
      201,
    );
    await expectStatus(
      await county.request('POST', `/api/programs/groups/${id}/members`, { personName: '赵副组长', position: '县长', role: 'deputy' }),
      201,
    );
    const bad = await county.request('POST', `/api/programs/groups/${id}/members`, { personName: '', position: '县长', role: 'boss' });
    expect(errorOf(bad).fields).toEqual({ personName: '请输入姓名', role: '请选择组长、副组长或成员' });
    await county.request('POST', `/api/programs/groups/${id}/agencies`, { name: '县农业农村局', role: 'standing', duties: '日常协调' });
    await county.request('POST', `/api/programs/groups/${id}/agencies`, { name: '县委农办', role: 'lead', duties: '统筹推进试点示范' });
    const group = (await county.request('GET', `/api/programs/groups/${id}`)).json();
    expect(group).toMatchObject({
      name: '怀远县乡村治理工作领导小组',
      officeName: '县委农办',
      officeDirector: '王主任',
      regionName: '怀远县',
      abilities: { manage: true },
    });
    expect(group.members.map((m: { personName: string; role: string }) => [m.role, m.personName])).toEqual([
      ['leader', '张组长'],
      ['deputy', '赵副组长'],
      ['member', '李成员'],
    ]);
    expect(group.agencies.map((a: { name: string; role: string }) => [a.role, a.name])).toEqual([
      ['lead', '县委农办'],
      ['standing', '县农业农村局'],
    ]);
  });

  it('assigns tasks to an agency or a person, flags overdue ones, lists them as todos, and keeps done tasks final', async () => {
    const id = await createGroup();
    const agency = (
      await county.request('POST', `/api/programs/groups/${id}/agencies`, { name: '县司法局', role: 'member', duties: '法律顾问' })
    ).json().agencies[0].id;
    const nobody = await county.request('POST', `/api/programs/groups/${id}/tasks`, { title: '制定方案', dueDate: '2026-01-10' });
    expect(errorOf(nobody).fields).toEqual({ agencyId: '请指定承办单位或责任人' });
    const otherGroup = await createGroup();
    const foreignAgency = await county.request('POST', `/api/programs/groups/${otherGroup}/tasks`, {
      title: '制定方案',
      agencyId: agency,
      dueDate: '2026-01-10',
    });
    expect(errorOf(foreignAgency).fields).toEqual({ agencyId: '承办单位不是本领导小组的成员单位' });
    await expectStatus(
      await county.request('POST', `/api/programs/groups/${id}/tasks`, {
        title: '制定上报工作方案',
        agencyId: agency,
        dueDate: '2026-01-10',
      }),
      201,
    );
    await expectStatus(
      await county.request('POST', `/api/programs/groups/${id}/tasks`, {
        title: '初步出成果',
        assigneeName: '王主任',
        dueDate: '2026-03-15',
      }),
      201,
    );
    const before = (await county.request('GET', '/api/todos')).json().items.filter((i: { kind: string }) => i.kind === 'programs.overdue');
    expect(before).toEqual([]);

    t.clock.advance(10 * DAY); // 2026-01-15: the first deadline has passed (and the session has timed out)
    county = await t.login('hy.off');
    const group = (await county.request('GET', `/api/programs/groups/${id}`)).json();
    expect(
      group.tasks.map((task: { title: string; overdue: boolean; agencyName: string | null }) => [
        task.title,
        task.overdue,
        task.agencyName,
      ]),
    ).toEqual([
      ['制定上报工作方案', true, '县司法局'],
      ['初步出成果', false, null],
    ]);
    expect(group).toMatchObject({ openTasks: 2, overdueTasks: 1 });
    const todos = (await county.request('GET', '/api/todos')).json().items.filter((i: { kind: string }) => i.kind === 'programs.overdue');
    expect(todos).toEqual([expect.objectContaining({ count: 1, title: '有领导小组任务已逾期' })]);

    const [first] = group.tasks;
    const done = await county.request('POST', `/api/programs/tasks/${first.id}/status`, { status: 'done', version: first.version });
    await expectStatus(done, 200);
    expect(done.json().tasks[0]).toMatchObject({ status: 'done', doneOn: '2026-01-15', overdue: false });
    const reopen = await county.request('POST', `/api/programs/tasks/${first.id}/status`, { status: 'open', version: first.version + 1 });
    await expectStatus(reopen, 409);
    expect(errorOf(reopen).message).toBe('任务已完成，不能再变更状态');
  });

  it('answers 404 to another county and 403 to a leader who may only read', async () => {
    const id = await createGroup();
    const other = await t.login('jy.off');
    expect((await other.request('GET', `/api/programs/groups/${id}`)).statusCode).toBe(404);
    expect(
      (await other.request('POST', `/api/programs/groups/${id}/tasks`, { title: 'x', assigneeName: '某', dueDate: '2026-02-01' }))
        .statusCode,
    ).toBe(404);
    expect((await other.request('GET', '/api/programs/groups')).json().items).toEqual([]);
    const leader = await t.login('hy.lead');
    expect((await leader.request('GET', `/api/programs/groups/${id}`)).statusCode).toBe(200);
    expect(
      (await leader.request('POST', `/api/programs/groups/${id}/members`, { personName: '某', position: '某', role: 'member' })).statusCode,
    ).toBe(403);
  });
});
