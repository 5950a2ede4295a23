import type { ModuleManifest } from '../../core/module.ts';
import { legalRoutes } from './legal.routes.ts';
import { legalTodos } from './legal.todos.ts';
import { seedLegalDemo } from './legal.demo.ts';

/** 一村（社区）一法律顾问 (DOMAIN.md `legal`, P1.4): roster, assignments and coverage so far. */
export const legalModule: ModuleManifest = {
  name: 'legal',
  rolePermissions: {
    official: ['legal.read', 'legal.manage', 'legal.export'],
    leader: ['legal.read', 'legal.export'],
    inspector: ['legal.read'],
  },
  menu: [{ key: 'legal', path: '/legal', labelKey: 'menu.legal', icon: 'legal', order: 20, access: 'legal.read' }],
  routes: legalRoutes,
  todos: legalTodos,
  seedDemo: seedLegalDemo,
};
