/** 待办: one pending action on the console's home page; every module contributes its own kinds. */
export interface TodoItem {
  id: string;
  kind: string;
  title: string;
  description?: string;
  link?: string;
  count?: number;
  dueAt?: string;
}
