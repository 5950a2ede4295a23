import { messageOf } from '@rg/domain/i18n/messages.zh-CN';
import type { TodoItem } from '@rg/domain/home/todo.schema';

export type TodoTexts = Pick<TodoItem, 'title' | 'titleKey' | 'description' | 'descriptionKey' | 'params'>;

/** A todo item's Chinese title and description, with the keys and parameters they come from (decision 72). */
export function todoTexts(titleKey: string, descriptionKey: string, params: Record<string, string | number> = {}): TodoTexts {
  return { title: messageOf(titleKey, params), titleKey, description: messageOf(descriptionKey, params), descriptionKey, params };
}
