import { freeText } from '../personal/free-text.ts';
import { z } from 'zod';
import { regionCodeSchema } from '../regions/region.schema.ts';

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, 'programs.text.tooLong');

export const MEMBER_ROLES = ['leader', 'deputy', 'member'] as const;
/** 组长 / 副组长 / 成员 */
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = { leader: '组长', deputy: '副组长', member: '成员' };

export const AGENCY_ROLES = ['lead', 'standing', 'member'] as const;
/** 牵头单位 / 常务单位 / 成员单位 (plan 3 §五(一)) */
export type AgencyRole = (typeof AGENCY_ROLES)[number];
export const AGENCY_ROLE_LABELS: Record<AgencyRole, string> = { lead: '牵头单位', standing: '常务单位', member: '成员单位' };

export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
/** 未开始 / 进行中 / 已完成 */
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Allowed task moves: open ⇄ in progress → done; a done task stays done. */
export const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['in_progress', 'done'],
  in_progress: ['done', 'open'],
  done: [],
};

/** 领导小组 with its office (办公室) and the office's director (主任). */
export const groupCreateSchema = z
  .object({
    regionCode: regionCodeSchema,
    programId: z.uuid().nullable().optional(),
    name: text(60, 'programs.group.nameRequired'),
    officeName: text(60, 'programs.group.officeRequired'),
    officeDirector: text(30, 'programs.group.directorRequired'),
  })
  .strict();
export type GroupCreate = z.infer<typeof groupCreateSchema>;

export const memberCreateSchema = z
  .object({
    personName: text(30, 'programs.member.nameRequired'),
    position: text(60, 'programs.member.positionRequired'),
    role: z.enum(MEMBER_ROLES, 'programs.member.roleRequired'),
  })
  .strict();
export const agencyCreateSchema = z
  .object({
    name: text(60, 'programs.agency.nameRequired'),
    role: z.enum(AGENCY_ROLES, 'programs.agency.roleRequired'),
    duties: freeText(z.string().trim().max(500, 'programs.text.tooLong')).default(''),
  })
  .strict();

/** A task goes to a member agency or a named person (at least one), with a deadline. */
export const taskCreateSchema = z
  .object({
    title: text(100, 'programs.task.titleRequired'),
    description: freeText(z.string().trim().max(1000, 'programs.text.tooLong')).default(''),
    agencyId: z.uuid().nullable().optional(),
    assigneeName: z.string().trim().max(30, 'programs.text.tooLong').nullable().optional(),
    dueDate: z.iso.date('programs.date.invalid'),
  })
  .strict()
  .refine((v) => Boolean(v.agencyId) || Boolean(v.assigneeName), { message: 'programs.task.assigneeRequired', path: ['agencyId'] });
export type TaskCreate = z.infer<typeof taskCreateSchema>;

export const taskStatusSchema = z.object({ status: z.enum(TASK_STATUSES), version: z.number().int().min(1) }).strict();
export const groupListQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });

export const groupMemberDtoSchema = z.object({ id: z.string(), personName: z.string(), position: z.string(), role: z.enum(MEMBER_ROLES) });
export type GroupMemberDto = z.infer<typeof groupMemberDtoSchema>;

export const agencyDtoSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(AGENCY_ROLES), duties: freeText(z.string()) });
export type AgencyDto = z.infer<typeof agencyDtoSchema>;

export const taskDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: freeText(z.string()),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(TASK_STATUSES),
  doneOn: z.string().nullable(),
  /** 逾期: not done and past its deadline (China date). */
  overdue: z.boolean(),
  version: z.number(),
  /** The statuses the actor may move it to now (the group's managers, along TASK_TRANSITIONS). */
  moves: z.array(z.enum(TASK_STATUSES)),
});
export type TaskDto = z.infer<typeof taskDtoSchema>;

export const groupSummaryDtoSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  name: z.string(),
  officeName: z.string(),
  officeDirector: z.string(),
  openTasks: z.number(),
  overdueTasks: z.number(),
});
export type GroupSummaryDto = z.infer<typeof groupSummaryDtoSchema>;

export const groupDtoSchema = groupSummaryDtoSchema.extend({
  members: z.array(groupMemberDtoSchema),
  agencies: z.array(agencyDtoSchema),
  tasks: z.array(taskDtoSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export type GroupDto = z.infer<typeof groupDtoSchema>;

/** The groups found, with whether the actor may set one up (新建领导小组). */
export const groupListDtoSchema = z.object({ items: z.array(groupSummaryDtoSchema), abilities: z.object({ create: z.boolean() }) });
export type GroupListDto = z.infer<typeof groupListDtoSchema>;
