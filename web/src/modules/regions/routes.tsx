import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { RegionsPage } from './pages/regions-page.tsx';
import { REGIONS_PATH } from './region-paths.ts';

export const regionsRoutes: ModuleRoutes = {
  console: [
    { path: REGIONS_PATH, Page: RegionsPage },
    { path: `${REGIONS_PATH}/:code`, Page: RegionsPage },
  ],
};
