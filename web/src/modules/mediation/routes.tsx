import { TeamOutlined } from '@ant-design/icons';
import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { MediationPage } from './pages/mediation-page.tsx';
import { MobileApplyPage } from './pages/mobile-apply-page.tsx';

export const mediationRoutes: ModuleRoutes = {
  console: [{ path: '/mediation', Page: MediationPage }],
  mobile: [{ path: '/m/mediation', Page: MobileApplyPage }],
  mobileServices: [
    { key: 'mediation-apply', path: '/m/mediation', labelKey: 'mediation.mobile.entry', descriptionKey: 'mediation.mobile.entryHint', icon: <TeamOutlined />, permission: 'mediation.apply' },
  ],
};
