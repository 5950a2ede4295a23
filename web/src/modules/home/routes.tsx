import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { HomePage } from './pages/home-page.tsx';
import { MobileHomePage } from './pages/mobile-home-page.tsx';

export const homeRoutes: ModuleRoutes = {
  console: [{ path: '/', Page: HomePage }],
  mobile: [{ path: '/m', Page: MobileHomePage }],
};
