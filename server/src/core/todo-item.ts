import { messageOf } from '@rg/domain/i18n/messages.zh-CN';
import type { TodoItem } from '@rg/domain/home/todo.schema';

/**
 * A todo item of `kind` (e.g. `mediation.overdue`). Its id is the kind unless one kind lists several
 * items; its Chinese title and description come from the keys `todo.<kind>.title` and
 * `todo.<kind>.description`, sent beside them with their parameters (decision 72). The count is
 * always one of the parameters.
 */
export function todoItem(
  kind: string,
  item: { link: string; count: number; params?: Record<string, string | number>; id?: string; dueAt?: string },
): TodoItem {
  const params = { count: item.count, ...item.params };
  const titleKey = `todo.${kind}.title`;
  const descriptionKey = `todo.${kind}.description`;
  return {
    id: item.id ?? kind,
    kind,
    link: item.link,
    count: item.count,
    ...(item.dueAt ? { dueAt: item.dueAt } : {}),
    title: messageOf(titleKey, params),
    titleKey,
    description: messageOf(descriptionKey, params),
    descriptionKey,
    params,
  };
}
