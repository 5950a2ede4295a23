import { levelOf } from '@rg/domain/regions/region-code';
import type { Actor } from '../../core/access/actor.ts';
import { can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { TodoItem } from '../../core/module.ts';
import { todoItem } from '../../core/todo-item.ts';
import { withinScope } from '../../core/db/scope.ts';
import { TOWN_FULL_TIME_REQUIRED, VILLAGE_FULL_TIME_REQUIRED } from '@rg/domain/mediation/committee.schema';
import { chinaToday } from './mediation.cases.ts';

/** Towns with fewer than two, and villages with no, active full-time mediator in their own committee (P3.3(三)1). */
async function staffingShortfall(ctx: AppContext, scope: string): Promise<number> {
  let short = 0;
  for (const [level, required] of [
    ['town', TOWN_FULL_TIME_REQUIRED],
    ['village', VILLAGE_FULL_TIME_REQUIRED],
  ] as const) {
    const row = await ctx.db
      .selectFrom('regions as r')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.level', '=', level)
      .where((eb) => withinScope(eb, 'r.code', scope))
      .where((eb) =>
        eb(
          eb
            .selectFrom('mediation_mediators as m')
            .select(eb.fn.countAll<number>().as('c'))
            .whereRef('m.region_code', '=', 'r.code')
            .where('m.committee_level', '=', level)
            .where('m.status', '=', 'active')
            .where('m.employment', '=', 'full_time'),
          '<',
          required,
        ),
      )
      .executeTakeFirstOrThrow();
    short += Number(row.n);
  }
  return short;
}

/**
 * P3.3(三)1 「有效防止矛盾激化升级和“民转刑”案件发生」: an unresolved case marked likely to turn
 * criminal shows on the town's and the county's todo list as soon as it is registered (counted on
 * each request, nothing to go stale). Handlers also see overdue cases and follow-ups that are due.
 */
export async function mediationTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  if (!can(actor, 'mediation.read')) return [];
  const scope = listScope(actor);
  const items: TodoItem[] = [];
  const level = levelOf(actor.homeRegion);
  const open = () =>
    ctx.db
      .selectFrom('mediation_cases')
      .where('concluded_on', 'is', null)
      .where((eb) => withinScope(eb, 'region_code', scope));
  if (level === 'town' || level === 'county') {
    const row = await open()
      .where('criminal_risk', '=', 1)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const count = Number(row.n);
    if (count > 0) {
      items.push(todoItem('mediation.criminalRisk', { link: '/mediation?tab=cases&criminalRisk=true', count }));
    }
  }
  if (can(actor, 'mediation.manage') && (level === 'town' || level === 'county')) {
    const short = await staffingShortfall(ctx, scope);
    if (short > 0) {
      items.push(todoItem('mediation.staffing', { link: '/mediation?tab=staffing', count: short }));
    }
  }
  if (can(actor, 'mediation.handle')) {
    const today = chinaToday(ctx.clock.now());
    const overdue = Number(
      (
        await open()
          .where('due_on', '<', today)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (overdue > 0) {
      items.push(todoItem('mediation.overdue', { link: '/mediation?tab=cases&overdue=true', count: overdue }));
    }
    const due = Number(
      (
        await ctx.db
          .selectFrom('mediation_cases')
          .where('status', '=', 'follow_up')
          .where('visited_on', 'is', null)
          .where('follow_up_due', '<=', today)
          .where((eb) => withinScope(eb, 'region_code', scope))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (due > 0) {
      items.push(todoItem('mediation.followUp', { link: '/mediation?tab=cases&status=follow_up', count: due }));
    }
  }
  return items;
}
