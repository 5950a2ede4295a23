import type { ModuleManifest } from '../../core/module.ts';
import { regionsRoutes } from './regions.routes.ts';
import { seedRegionsDemo } from './regions.demo.ts';

/** 行政区划: the hierarchy, village attributes, villager groups (DOMAIN.md `regions`). */
export const regionsModule: ModuleManifest = {
  name: 'regions',
  menu: [{ key: 'regions', path: '/regions', labelKey: 'menu.regions', icon: 'region', order: 90, access: 'region.read' }],
  routes: regionsRoutes,
  seedDemo: seedRegionsDemo,
};
