import type { ModuleRoutes } from '../../app/router/module-routes.ts';

export const indicatorsRoutes: ModuleRoutes = {};
