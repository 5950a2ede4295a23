import { api } from '../../app/api/api-client.ts';

/** One thing waiting for the signed-in user (待办). */
export interface TodoItem {
  id: string;
  kind: string;
  title: string;
  description?: string;
  link?: string;
  count?: number;
  dueAt?: string;
}

export const homeKeys = { todos: ['todos'] as const };

export const homeApi = {
  todos: () => api.get<{ items: TodoItem[] }>('/api/todos'),
};
