import type { ModuleRoutes } from '../../app/router/module-routes.ts';

export const mediationRoutes: ModuleRoutes = {};
