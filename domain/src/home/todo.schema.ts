import { z } from 'zod';

/** 待办: one pending action on the console's home page; every module contributes its own kinds. */
export const todoItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** Chinese, like every text the server writes. */
  title: z.string(),
  description: z.string().optional(),
  /** The keys `title` and `description` come from, with their parameters, for a console in another language (decision 72). */
  titleKey: z.string(),
  descriptionKey: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  link: z.string().optional(),
  count: z.number().optional(),
  dueAt: z.string().optional(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;

export const todoListDtoSchema = z.object({ items: z.array(todoItemSchema) });
