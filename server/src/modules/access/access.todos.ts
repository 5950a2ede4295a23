import { can, listScope } from '../../core/access/authorize.ts';
import type { Actor } from '../../core/access/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { TodoItem } from '../../core/module.ts';
import { todoItem } from '../../core/todo-item.ts';
import { countLockedUsers } from './users.repository.ts';

/** Accounts locked after failed logins in the actor's scope wait for an official to look at them. */
export async function accessTodos(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  if (!can(actor, 'user.manage')) return [];
  const now = ctx.clock.now().toISOString();
  const count = await countLockedUsers(ctx.db, listScope(actor), now);
  if (count === 0) return [];
  return [todoItem('access.locked', { link: '/users', count })];
}
