import {
  TASK_STATUSES,
  type AgencyRole,
  type GroupCreate,
  type GroupDto,
  type GroupListDto,
  type GroupSummaryDto,
  type MemberRole,
  type TaskCreate,
  type TaskDto,
  type TaskStatus,
} from '@rg/domain/programs/organization.schema';
import { isWithin } from '@rg/domain/regions/region-code';
import type { Actor, RequestContext } from '../../core/access/actor.ts';
import { authorize, listScope, signedIn } from '../../core/access/authorize.ts';
import { loadInScope } from '../../core/access/load-in-scope.ts';
import { abilitiesOf, enforce } from '../../core/access/policy.ts';
import type { AppContext } from '../../core/context.ts';
import { conflict, invalid, notFound } from '../../core/http/errors.ts';
import { findRegion } from '../regions/regions.facade.ts';
import { todayOf } from './programs.dates.ts';
import { organizationPolicy, taskPolicy } from './organization.policy.ts';
import * as repo from './organizations.repository.ts';
import { findProgram } from './programs.repository.ts';
import { newId } from '../../core/db/ids.ts';

/**
 * 组织 (P1.2, P1.5, plan 3 §五(一)): a region's leading group (组长、副组长、成员), its office and
 * director, member agencies with their role and duties, and tasks with deadlines; overdue flagged.
 */
export class OrganizationsService {
  constructor(private readonly ctx: AppContext) {}

  private taskDto(actor: Actor, group: repo.GroupRow, row: repo.TaskRow, today: string): TaskDto {
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      assigneeName: row.assignee_name,
      dueDate: row.due_date,
      status: row.status,
      doneOn: row.done_on,
      overdue: row.status !== 'done' && row.due_date < today,
      version: row.version,
      moves: TASK_STATUSES.filter((to) => taskPolicy(actor, to, { regionCode: group.region_code, status: row.status }).ok),
    };
  }

  private async taskCounts(groupIds: readonly string[], today: string): Promise<Map<string, { open: number; overdue: number }>> {
    const map = new Map<string, { open: number; overdue: number }>();
    const rows = await repo.openTaskDueDates(this.ctx.db, groupIds);
    for (const row of rows) {
      const entry = map.get(row.group_id) ?? { open: 0, overdue: 0 };
      entry.open += 1;
      if (row.due_date < today) entry.overdue += 1;
      map.set(row.group_id, entry);
    }
    return map;
  }

  private summary(row: repo.GroupRow, counts: { open: number; overdue: number } | undefined): GroupSummaryDto {
    return {
      id: row.id,
      regionCode: row.region_code,
      regionName: row.region_name,
      programId: row.program_id,
      programName: row.program_name,
      name: row.name,
      officeName: row.office_name,
      officeDirector: row.office_director,
      openTasks: counts?.open ?? 0,
      overdueTasks: counts?.overdue ?? 0,
    };
  }

  async list(rc: RequestContext, regionCode?: string): Promise<GroupListDto> {
    const actor = authorize(rc.actor, 'programs.read');
    if (regionCode) authorize(actor, 'programs.read', { regionCode });
    const rows = await repo.listGroups(this.ctx.db, regionCode ?? listScope(actor));
    const counts = await this.taskCounts(
      rows.map((r) => r.id),
      todayOf(this.ctx.clock),
    );
    return {
      items: rows.map((r) => this.summary(r, counts.get(r.id))),
      // 新建: a group of the actor's own region (the form offers the regions below too).
      abilities: abilitiesOf(organizationPolicy, actor, { regionCode: actor.homeRegion }, ['create']),
    };
  }

  private async load(rc: RequestContext, id: string, action: 'read' | 'manage'): Promise<{ actor: Actor; row: repo.GroupRow }> {
    const row = await loadInScope(signedIn(rc.actor), repo.findGroup(this.ctx.db, id), (r) => r.region_code, 'programs.read');
    return { actor: enforce(organizationPolicy, rc.actor, action, { regionCode: row.region_code }), row };
  }

  async get(rc: RequestContext, id: string): Promise<GroupDto> {
    const { actor, row } = await this.load(rc, id, 'read');
    const today = todayOf(this.ctx.clock);
    const members = await repo.membersOf(this.ctx.db, id);
    const agencies = await repo.agenciesOf(this.ctx.db, id);
    const tasks = await repo.tasksOf(this.ctx.db, id);
    const counts = await this.taskCounts([id], today);
    const roleOrder: Record<string, number> = { leader: 0, deputy: 1, member: 2, lead: 0, standing: 1 };
    return {
      ...this.summary(row, counts.get(id)),
      members: members
        .map((m) => ({ id: m.id, personName: m.person_name, position: m.position, role: m.role as MemberRole }))
        .sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9)),
      agencies: agencies
        .map((a) => ({ id: a.id, name: a.name, role: a.role as AgencyRole, duties: a.duties }))
        .sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9)),
      tasks: tasks.map((t) => this.taskDto(actor, row, t, today)),
      abilities: abilitiesOf(organizationPolicy, actor, { regionCode: row.region_code }, ['manage']),
    };
  }

  async create(rc: RequestContext, input: GroupCreate): Promise<GroupDto> {
    enforce(organizationPolicy, rc.actor, 'create', { regionCode: input.regionCode });
    if (!(await findRegion(this.ctx.db, input.regionCode))) throw invalid({ regionCode: 'region.notFound' });
    if (input.programId) {
      const program = await findProgram(this.ctx.db, input.programId);
      if (!program || !(isWithin(input.regionCode, program.organiser_region) || isWithin(program.organiser_region, input.regionCode)))
        throw invalid({ programId: 'programs.group.programOutside' });
    }
    const id = newId();
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      await repo.insertGroup(tx, {
        id,
        region_code: input.regionCode,
        program_id: input.programId ?? null,
        name: input.name,
        office_name: input.officeName,
        office_director: input.officeDirector,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.group_create',
        objectType: 'program_group',
        objectId: id,
        objectRegion: input.regionCode,
        detail: { name: input.name },
      });
    });
    return this.get(rc, id);
  }

  async addMember(
    rc: RequestContext,
    groupId: string,
    input: { personName: string; position: string; role: MemberRole },
  ): Promise<GroupDto> {
    const { row: group } = await this.load(rc, groupId, 'manage');
    await this.ctx.db.transaction().execute(async (tx) => {
      const id = newId();
      await repo.insertMember(tx, { id, group_id: groupId, person_name: input.personName, position: input.position, role: input.role });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.member_add',
        objectType: 'program_group',
        objectId: groupId,
        objectRegion: group.region_code,
        detail: { memberId: id, ...input },
      });
    });
    return this.get(rc, groupId);
  }

  async addAgency(rc: RequestContext, groupId: string, input: { name: string; role: AgencyRole; duties: string }): Promise<GroupDto> {
    const { row: group } = await this.load(rc, groupId, 'manage');
    await this.ctx.db.transaction().execute(async (tx) => {
      const id = newId();
      await repo.insertAgency(tx, { id, group_id: groupId, name: input.name, role: input.role, duties: input.duties });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.agency_add',
        objectType: 'program_group',
        objectId: groupId,
        objectRegion: group.region_code,
        detail: { agencyId: id, ...input },
      });
    });
    return this.get(rc, groupId);
  }

  async addTask(rc: RequestContext, groupId: string, input: TaskCreate): Promise<GroupDto> {
    const { row: group } = await this.load(rc, groupId, 'manage');
    if (input.agencyId) {
      const agency = await repo.findAgency(this.ctx.db, groupId, input.agencyId);
      if (!agency) throw invalid({ agencyId: 'programs.task.agencyUnknown' });
    }
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const id = newId();
      await repo.insertTask(tx, {
        id,
        group_id: groupId,
        title: input.title,
        description: input.description,
        agency_id: input.agencyId ?? null,
        assignee_name: input.assigneeName || null,
        due_date: input.dueDate,
        status: 'open',
        done_on: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.task_add',
        objectType: 'program_task',
        objectId: id,
        objectRegion: group.region_code,
        detail: { groupId, title: input.title, dueDate: input.dueDate },
      });
    });
    return this.get(rc, groupId);
  }

  /** 任务状态: open ⇄ in progress → done; a done task is final (409, nothing changes). */
  async setTaskStatus(rc: RequestContext, taskId: string, status: TaskStatus, version: number): Promise<GroupDto> {
    const task = await repo.findTask(this.ctx.db, taskId);
    if (!task) throw notFound();
    const { row: group } = await this.load(rc, task.group_id, 'read');
    enforce(taskPolicy, rc.actor, status, { regionCode: group.region_code, status: task.status });
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (tx) => {
      const moved = await repo.updateTask(tx, taskId, version, {
        status,
        done_on: status === 'done' ? todayOf(this.ctx.clock) : null,
        updated_at: now,
      });
      if (!moved) throw conflict();
      await this.ctx.audit.append(tx, rc, {
        action: 'programs.task_status',
        objectType: 'program_task',
        objectId: taskId,
        objectRegion: group.region_code,
        detail: { from: task.status, to: status },
      });
    });
    return this.get(rc, task.group_id);
  }
}
