import { messageOf } from '@rg/domain/i18n/messages.zh-CN';
import { periodOf, shiftPeriod } from '@rg/domain/indicators/period';
import { levelOf } from '@rg/domain/regions/region-code';
import type { Actor } from '../../core/access/actor.ts';
import { can } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { TodoItem } from '../../core/module.ts';

/**
 * A town or county official: forms waiting for review. A village cadre: last quarter's form not yet
 * submitted (the form for a quarter is filled after it ends).
 */
export async function indicatorsTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const period = shiftPeriod(periodOf(ctx.clock.now().toISOString().slice(0, 10)), 1);
  if (can(actor, 'indicators.review') && levelOf(actor.homeRegion) !== 'village') {
    const row = await ctx.db.selectFrom('indicator_reports').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'submitted').where((eb) => withinScope(eb, 'unit_code', actor.homeRegion)).executeTakeFirstOrThrow();
    const count = Number(row.n);
    if (count > 0) items.push({ id: 'indicators.review', kind: 'indicators.review', link: '/indicators?tab=review', count, title: messageOf('indicators.todo.review', { count }), description: messageOf('indicators.todo.review', { count }) });
  }
  if (can(actor, 'indicators.report') && levelOf(actor.homeRegion) === 'village') {
    const row = await ctx.db.selectFrom('indicator_reports').select('status').where('unit_code', '=', actor.homeRegion).where('period', '=', period).executeTakeFirst();
    if (!row || row.status === 'returned') items.push({ id: 'indicators.report', kind: 'indicators.report', link: '/indicators?tab=report', count: 1, title: messageOf('indicators.todo.report', { period }), description: messageOf('indicators.todo.report', { period }) });
  }
  return items;
}
