import { REPORTING_COUNTERS } from '@rg/domain/indicators/catalogue';
import { periodOf, shiftPeriod } from '@rg/domain/indicators/period';
import { levelOf } from '@rg/domain/regions/region-code';
import type { Actor } from '../../core/access/actor.ts';
import { can } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { TodoItem } from '../../core/module.ts';
import { todoItem } from '../../core/todo-item.ts';
import { findReportOf } from './reports.repository.ts';
import { rollupSums } from './rollup.repository.ts';

/**
 * A town or county official: forms waiting for review. A village cadre: last quarter's form not yet
 * submitted (the form for a quarter is filled after it ends).
 */
export async function indicatorsTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const period = shiftPeriod(periodOf(ctx.clock.now().toISOString().slice(0, 10)), 1);
  if (can(actor, 'indicators.review') && levelOf(actor.homeRegion) !== 'village') {
    // From the roll-up's reporting counters (submitted − approved), so a national official's home page
    // reads two rows instead of counting 620k forms.
    const rows = await rollupSums(ctx.db, [actor.homeRegion], [period], [REPORTING_COUNTERS.submitted, REPORTING_COUNTERS.approved]);
    const counter = (code: string) => Number(rows.find((r) => r.indicator_code === code)?.num ?? 0);
    const count = counter(REPORTING_COUNTERS.submitted) - counter(REPORTING_COUNTERS.approved);
    if (count > 0) items.push(todoItem('indicators.review', { link: '/indicators?tab=review', count }));
  }
  if (can(actor, 'indicators.report') && levelOf(actor.homeRegion) === 'village') {
    const row = await findReportOf(ctx.db, actor.homeRegion, period);
    if (!row || row.status === 'returned')
      items.push(todoItem('indicators.report', { link: '/indicators?tab=report', count: 1, params: { period } }));
  }
  return items;
}
