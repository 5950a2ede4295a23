import type { Actor } from '../../core/access/actor.ts';
import { can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { TodoItem } from '../../core/module.ts';
import { todoItem } from '../../core/todo-item.ts';
import { todayOf } from './programs.dates.ts';
import { countAwaitingReview, countInScope } from './applications.repository.ts';
import { casesAwaiting } from './cases.service.ts';
import { countReportsDue } from './designations.repository.ts';
import { countReportsAwaiting } from './evaluations.repository.ts';
import { countOverdueTasks } from './organizations.repository.ts';
import { listPrograms, milestonesOf } from './programs.repository.ts';

const DEADLINE_WINDOW_DAYS = 14;

/**
 * 待办 of the pilot programmes: applications waiting at the actor's level (reviewers), applications
 * returned for revision, application deadlines within two weeks with drafts still unsent, and the
 * leading groups' overdue tasks. A withdrawn programme shows in none: its open applications are closed.
 */
export async function programsTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  if (can(actor, 'programs.review')) {
    const count = await countAwaitingReview(ctx.db, actor.homeRegion);
    if (count > 0) {
      items.push(todoItem('programs.review', { link: '/programs?tab=applications&awaitingMe=true', count }));
    }
  }
  if (can(actor, 'programs.review')) {
    const count = await countReportsAwaiting(ctx.db, actor.homeRegion);
    if (count > 0) {
      items.push(todoItem('programs.reports', { link: '/programs?tab=designations', count }));
    }
  }
  if (can(actor, 'programs.review')) {
    const count = await casesAwaiting(ctx, actor);
    if (count > 0) {
      items.push(todoItem('programs.cases', { link: '/programs?tab=cases', count }));
    }
  }
  if (can(actor, 'programs.apply')) {
    // 年度总结: live designations inside their cycle with no report for last year yet (due by year end, P2.4(4)).
    const year = Number(todayOf(ctx.clock).slice(0, 4)) - 1;
    const count = await countReportsDue(ctx.db, listScope(actor), year);
    if (count > 0) {
      items.push(todoItem('programs.reportDue', { link: '/programs?tab=designations', count, params: { year } }));
    }
  }
  if (can(actor, 'programs.apply')) {
    const scope = listScope(actor);
    const count = await countInScope(ctx.db, scope, ['returned']);
    if (count > 0) {
      items.push(todoItem('programs.returned', { link: '/programs?tab=applications&status=returned', count }));
    }
    const today = todayOf(ctx.clock);
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + DEADLINE_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
    // A withdrawn programme's deadline is nobody's concern any more (its applications are closed).
    const programs = (await listPrograms(ctx.db, scope)).filter((p) => p.status === 'active');
    if (programs.length > 0) {
      const due = (
        await milestonesOf(
          ctx.db,
          programs.map((p) => p.id),
        )
      ).filter((m) => m.closes_submission === 1);
      for (const m of due) {
        const date = m.extended_to ?? m.due_date;
        if (date < today || date > horizon) continue;
        const n = await countInScope(ctx.db, scope, ['draft', 'returned'], m.program_id);
        const program = programs.find((p) => p.id === m.program_id);
        if (n === 0 || !program) continue;
        items.push(
          todoItem('programs.deadline', {
            id: `programs.deadline.${m.id}`,
            link: `/programs/${m.program_id}`,
            count: n,
            dueAt: date,
            params: { program: program.name, date },
          }),
        );
      }
    }
  }
  if (can(actor, 'programs.manage')) {
    const count = await countOverdueTasks(ctx.db, listScope(actor), todayOf(ctx.clock));
    if (count > 0) {
      items.push(todoItem('programs.overdue', { link: '/programs?tab=groups', count }));
    }
  }
  return items;
}
