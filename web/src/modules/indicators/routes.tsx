import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { IndicatorsPage } from './pages/indicators-page.tsx';

export const indicatorsRoutes: ModuleRoutes = {
  console: [{ path: '/indicators', Page: IndicatorsPage }],
};
