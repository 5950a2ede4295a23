/** 待办: one pending action on the console's home page; every module contributes its own kinds. */
export interface TodoItem {
  id: string;
  kind: string;
  /** Chinese, like every text the server writes. */
  title: string;
  description?: string;
  /** The keys `title` and `description` come from, with their parameters, for a console in another language (decision 72). */
  titleKey: string;
  descriptionKey?: string;
  params?: Record<string, string | number>;
  link?: string;
  count?: number;
  dueAt?: string;
}
