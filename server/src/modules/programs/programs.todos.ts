import type { Actor } from '../../core/access/actor.ts';
import { can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { TodoItem } from '../../core/module.ts';
import { todoItem } from '../../core/todo-item.ts';
import { todayOf } from './programs.dates.ts';
import { listPrograms } from './programs.repository.ts';
import { overdueTaskCount } from './organizations.service.ts';
import { reportsAwaiting } from './evaluations.service.ts';
import { casesAwaiting } from './cases.service.ts';

const DEADLINE_WINDOW_DAYS = 14;

/**
 * 待办 of the pilot programmes: applications waiting at the actor's level (reviewers), applications
 * returned for revision, application deadlines within two weeks with drafts still unsent, and the
 * leading groups' overdue tasks. A withdrawn programme shows in none: its open applications are closed.
 */
export async function programsTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  if (can(actor, 'programs.review')) {
    const row = await ctx.db
      .selectFrom('program_applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'submitted')
      .where('reviewer_region', '=', actor.homeRegion)
      .executeTakeFirstOrThrow();
    const count = Number(row.n);
    if (count > 0) {
      items.push(todoItem('programs.review', { link: '/programs?tab=applications&awaitingMe=true', count }));
    }
  }
  if (can(actor, 'programs.review')) {
    const count = await reportsAwaiting(ctx, actor.homeRegion);
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
    const due = await ctx.db
      .selectFrom('program_designations as d')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('d.status', '!=', 'revoked')
      .where((eb) => withinScope(eb, 'd.unit_code', listScope(actor)))
      .where('d.designated_on', '<=', `${year}-12-31`)
      .where('d.valid_until', '>=', `${year}-01-01`)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('program_reports as r').select('r.id').whereRef('r.designation_id', '=', 'd.id').where('r.year', '=', year),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const count = Number(due.n);
    if (count > 0) {
      items.push(todoItem('programs.reportDue', { link: '/programs?tab=designations', count, params: { year } }));
    }
  }
  if (can(actor, 'programs.apply')) {
    const scope = listScope(actor);
    const returned = await ctx.db
      .selectFrom('program_applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'returned')
      .where((eb) => withinScope(eb, 'unit_code', scope))
      .executeTakeFirstOrThrow();
    const count = Number(returned.n);
    if (count > 0) {
      items.push(todoItem('programs.returned', { link: '/programs?tab=applications&status=returned', count }));
    }
    const today = todayOf(ctx.clock);
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + DEADLINE_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
    // A withdrawn programme's deadline is nobody's concern any more (its applications are closed).
    const programs = (await listPrograms(ctx.db, scope)).filter((p) => p.status === 'active');
    if (programs.length > 0) {
      const due = await ctx.db
        .selectFrom('program_milestones')
        .selectAll()
        .where(
          'program_id',
          'in',
          programs.map((p) => p.id),
        )
        .where('closes_submission', '=', 1)
        .execute();
      for (const m of due) {
        const date = m.extended_to ?? m.due_date;
        if (date < today || date > horizon) continue;
        const drafts = await ctx.db
          .selectFrom('program_applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('program_id', '=', m.program_id)
          .where('status', 'in', ['draft', 'returned'])
          .where((eb) => withinScope(eb, 'unit_code', scope))
          .executeTakeFirstOrThrow();
        const n = Number(drafts.n);
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
    const count = await overdueTaskCount(ctx, listScope(actor));
    if (count > 0) {
      items.push(todoItem('programs.overdue', { link: '/programs?tab=groups', count }));
    }
  }
  return items;
}
