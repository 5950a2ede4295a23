import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { MediationPage } from './pages/mediation-page.tsx';
import { MobileApplyPage } from './pages/mobile-apply-page.tsx';

export const mediationRoutes: ModuleRoutes = {
  console: [{ path: '/mediation', Page: MediationPage }],
  mobile: [{ path: '/m/mediation', Page: MobileApplyPage }],
};
