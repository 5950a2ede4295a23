import { TASK_TRANSITIONS, type TaskStatus } from '@rg/domain/programs/organization.schema';
import { allOf, denyWhen, holds, inRegion, type Placed, type Policy } from '../../core/access/policy.ts';

/** What may be done with a 领导小组 and its members, agencies and tasks; `create` is the list's ability. */
export type OrganizationAction = 'read' | 'create' | 'manage';

/** A group (or one to be created) in its region (`region_code`). */
export type OrganizationSubject = Placed;

/**
 * P1.2, P1.5: a region's leading group is read inside the actor's region (404 outside) and kept by its
 * officials (`programs.manage`, 403 for readers).
 */
export const organizationPolicy: Policy<OrganizationAction, OrganizationSubject> = (actor, action, row) => {
  if (action === 'create') return allOf(holds(actor, 'programs.manage'), inRegion(actor, row));
  return allOf(inRegion(actor, row), holds(actor, action === 'read' ? 'programs.read' : 'programs.manage'));
};

/** A task of a group, as its policy sees it: the group's region and the task's status. */
export interface TaskSubject extends Placed {
  regionCode: string;
  status: TaskStatus;
}

/** 任务状态: the group's managers move a task along TASK_TRANSITIONS (the action is the status it goes to); a done task is final (409). */
export const taskPolicy: Policy<TaskStatus, TaskSubject> = (actor, to, row) =>
  allOf(
    organizationPolicy(actor, 'manage', row),
    denyWhen(!TASK_TRANSITIONS[row.status].includes(to), 'conflict', 'programs.task.wrongState'),
  );
