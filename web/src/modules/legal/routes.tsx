import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { LegalPage } from './pages/legal-page.tsx';

export const legalRoutes: ModuleRoutes = {
  console: [{ path: '/legal', Page: LegalPage }],
};
