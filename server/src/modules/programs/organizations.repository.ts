import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { ProgramAgencyTable, ProgramGroupMemberTable, ProgramGroupTable, ProgramTaskTable } from './programs.tables.ts';

/** 领导小组: groups, their members, agencies and tasks. Kysely only; every list takes a scope. */
export type GroupRow = ProgramGroupTable & { region_name: string; program_name: string | null };
export type TaskRow = ProgramTaskTable & { agency_name: string | null };

function groups(db: DbOrTx) {
  return db
    .selectFrom('program_groups as g')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .leftJoin('programs as p', 'p.id', 'g.program_id')
    .selectAll('g')
    .select(['r.name as region_name', 'p.name as program_name']);
}

export async function findGroup(db: DbOrTx, id: string): Promise<GroupRow | undefined> {
  return groups(db).where('g.id', '=', id).executeTakeFirst();
}

export async function listGroups(db: DbOrTx, scope: string): Promise<GroupRow[]> {
  return groups(db)
    .where((eb) => withinScope(eb, 'g.region_code', scope))
    .orderBy('g.region_code')
    .orderBy('g.created_at')
    .execute();
}

export async function insertGroup(db: DbOrTx, row: ProgramGroupTable): Promise<void> {
  await db.insertInto('program_groups').values(row).execute();
}

/** The due dates of the groups' unfinished tasks (counted as open and overdue by the caller). */
export async function openTaskDueDates(db: DbOrTx, groupIds: readonly string[]): Promise<{ group_id: string; due_date: string }[]> {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('program_tasks')
    .select(['group_id', 'due_date'])
    .where('group_id', 'in', [...groupIds])
    .where('status', '!=', 'done')
    .execute();
}

export async function membersOf(db: DbOrTx, groupId: string): Promise<ProgramGroupMemberTable[]> {
  return db.selectFrom('program_group_members').selectAll().where('group_id', '=', groupId).orderBy('sort').execute();
}

export async function insertMember(db: DbOrTx, row: Omit<ProgramGroupMemberTable, 'sort'>): Promise<void> {
  // The next position in the list: inside the writer's transaction, so two additions do not share one.
  const count = await db
    .selectFrom('program_group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', row.group_id)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('program_group_members')
    .values({ ...row, sort: Number(count.n) })
    .execute();
}

export async function agenciesOf(db: DbOrTx, groupId: string): Promise<ProgramAgencyTable[]> {
  return db.selectFrom('program_agencies').selectAll().where('group_id', '=', groupId).orderBy('name').execute();
}

export async function findAgency(db: DbOrTx, groupId: string, id: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('program_agencies').select('id').where('id', '=', id).where('group_id', '=', groupId).executeTakeFirst();
}

export async function insertAgency(db: DbOrTx, row: ProgramAgencyTable): Promise<void> {
  await db.insertInto('program_agencies').values(row).execute();
}

export async function tasksOf(db: DbOrTx, groupId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('program_tasks as t')
    .leftJoin('program_agencies as a', 'a.id', 't.agency_id')
    .selectAll('t')
    .select('a.name as agency_name')
    .where('t.group_id', '=', groupId)
    .orderBy('t.due_date')
    .orderBy('t.created_at')
    .execute();
}

export async function findTask(db: DbOrTx, id: string): Promise<ProgramTaskTable | undefined> {
  return db.selectFrom('program_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTask(db: DbOrTx, row: ProgramTaskTable): Promise<void> {
  await db.insertInto('program_tasks').values(row).execute();
}

/** Optimistic update: false when someone changed the task since `version` (409). */
export async function updateTask(db: DbOrTx, id: string, version: number, changes: Partial<ProgramTaskTable>): Promise<boolean> {
  const result = await db
    .updateTable('program_tasks')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Unfinished tasks past their deadline inside `scope` (for the todo list). */
export async function countOverdueTasks(db: DbOrTx, scope: string, today: string): Promise<number> {
  const row = await db
    .selectFrom('program_tasks as t')
    .innerJoin('program_groups as g', 'g.id', 't.group_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.status', '!=', 'done')
    .where('t.due_date', '<', today)
    .where((eb) => withinScope(eb, 'g.region_code', scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
