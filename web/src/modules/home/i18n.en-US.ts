import type { homeMessages } from './i18n.zh-CN.ts';

/** English twin of i18n.zh-CN.ts (exactly its keys). */
export const homeMessagesEnUS: Record<keyof typeof homeMessages, string> = {
  'menu.home': 'Home',
  'home.welcome': 'Welcome, {name}',
  'home.scope': 'Current scope: {name}',
  'home.roles': 'Roles: {roles}',
  'home.todos': 'To do',
  'home.noTodos': 'Nothing to do',
  'home.due': 'Due {date}',
  'home.open': 'Open',
};
