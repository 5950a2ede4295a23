import type { ModuleManifest } from '../../core/module.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { accessTodos } from './access.todos.ts';

/** 用户、会话与审计 (DOMAIN.md `access`). */
export const accessModule: ModuleManifest = {
  name: 'access',
  menu: [
    { key: 'home', path: '/', labelKey: 'menu.home', icon: 'home', order: 0, access: 'authenticated' },
    { key: 'users', path: '/users', labelKey: 'menu.users', icon: 'user', order: 80, access: 'user.read' },
    { key: 'audit', path: '/audit', labelKey: 'menu.audit', icon: 'audit', order: 100, access: 'audit.records' },
  ],
  routes(app, ctx) {
    authRoutes(app, ctx);
    usersRoutes(app, ctx);
    auditRoutes(app, ctx);
  },
  todos: accessTodos,
};
