import { messageOf } from '@rg/domain/i18n/messages.zh-CN';
import type { Actor } from '../../core/access/actor.ts';
import { can, listScope } from '../../core/access/authorize.ts';
import type { AppContext } from '../../core/context.ts';
import type { TodoItem } from '../../core/module.ts';
import { uncoveredVillages } from './legal.repository.ts';

/** P1.4(2): every poor village must have a legal advisor; the ones still without one wait here. */
export async function legalTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  if (!can(actor, 'legal.manage')) return [];
  const { total } = await uncoveredVillages(ctx.db, listScope(actor), true, 0, 1);
  if (total === 0) return [];
  return [{
    id: 'legal.poorUncovered', kind: 'legal.poorUncovered', link: '/legal?tab=coverage', count: total,
    title: messageOf('todo.legal.poorUncovered.title'),
    description: messageOf('todo.legal.poorUncovered.description', { count: total }),
  }];
}
