import type { TodoItem } from '@rg/domain/home/todo.schema';
import { api } from '../../app/api/api-client.ts';

export type { TodoItem };

export const homeKeys = { todos: ['todos'] as const };

export const homeApi = {
  todos: () => api.get<{ items: TodoItem[] }>('/api/todos'),
};
