import { levelOf } from '@rg/domain/regions/region-code';
import type { Actor } from '../../core/access/actor.ts';
import { listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { TodoItem } from '../../core/module.ts';
import { todoItem } from '../../core/todo-item.ts';
import { TOWN_FULL_TIME_REQUIRED, VILLAGE_FULL_TIME_REQUIRED } from '@rg/domain/mediation/committee.schema';
import { chinaToday } from './mediation.cases.ts';
import * as unresolved from './mediation.cases.repository.ts';
import { caseCollection, casePolicy } from './case.policy.ts';
import { committeePolicy } from './committee.policy.ts';
import * as committees from './mediation.committees.repository.ts';

/** Towns with fewer than two, and villages with no, active full-time mediator in their own committee (P3.3(三)1). */
async function staffingShortfall(ctx: AppContext, scope: string): Promise<number> {
  const [towns, villages] = await Promise.all([
    committees.countShortPlaces(ctx.db, scope, 'town', TOWN_FULL_TIME_REQUIRED),
    committees.countShortPlaces(ctx.db, scope, 'village', VILLAGE_FULL_TIME_REQUIRED),
  ]);
  return towns + villages;
}

/**
 * P3.3(三)1 「有效防止矛盾激化升级和“民转刑”案件发生」: an unresolved case marked likely to turn
 * criminal shows on the town's and the county's todo list as soon as it is registered (counted on
 * each request, nothing to go stale). Handlers also see overdue cases and follow-ups that are due.
 */
export async function mediationTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  const scope = listScope(actor);
  const cases = caseCollection(scope);
  if (!casePolicy(actor, 'read', cases).ok) return [];
  const items: TodoItem[] = [];
  const level = levelOf(actor.homeRegion);
  if (level === 'town' || level === 'county') {
    const count = await unresolved.countUnresolved(ctx.db, scope, { criminalRisk: true });
    if (count > 0) {
      items.push(todoItem('mediation.criminalRisk', { link: '/mediation?tab=cases&criminalRisk=true', count }));
    }
  }
  if (committeePolicy(actor, 'update', { regionCode: scope }).ok && (level === 'town' || level === 'county')) {
    const short = await staffingShortfall(ctx, scope);
    if (short > 0) {
      items.push(todoItem('mediation.staffing', { link: '/mediation?tab=staffing', count: short }));
    }
  }
  if (casePolicy(actor, 'create', cases).ok) {
    const today = chinaToday(ctx.clock.now());
    const overdue = await unresolved.countUnresolved(ctx.db, scope, { dueBefore: today });
    if (overdue > 0) {
      items.push(todoItem('mediation.overdue', { link: '/mediation?tab=cases&overdue=true', count: overdue }));
    }
    const due = await unresolved.countFollowUpsDue(ctx.db, scope, today);
    if (due > 0) {
      items.push(todoItem('mediation.followUp', { link: '/mediation?tab=cases&status=follow_up', count: due }));
    }
  }
  return items;
}
