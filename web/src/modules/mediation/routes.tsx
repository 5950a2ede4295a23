import { dictionaries } from '@rg/domain/i18n/dictionaries';
import { mediationDictionaries } from '@rg/domain/mediation/messages';
import { mediationMessages } from './i18n.zh-CN.ts';
import { mediationMessagesEnUS } from './i18n.en-US.ts';
import { AuditOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { MediationPage } from './pages/mediation-page.tsx';
import { MobileApplyPage } from './pages/mobile-apply-page.tsx';
import { MediatorCaseFormPage } from './mobile/mediator-case-form-page.tsx';
import { MediatorCasePage } from './mobile/mediator-case-page.tsx';
import { MediatorCasesPage } from './mobile/mediator-cases-page.tsx';
import { ScreeningReportPage } from './mobile/screening-report-page.tsx';

export const mediationRoutes: ModuleRoutes = {
  menuIcons: { mediation: <SolutionOutlined /> },
  messages: [dictionaries(mediationMessages, mediationMessagesEnUS)],
  serverMessages: mediationDictionaries,
  console: [{ path: '/mediation', Page: MediationPage }],
  mobile: [
    { path: '/m/mediation', Page: MobileApplyPage },
    { path: '/m/mediation/cases', Page: MediatorCasesPage },
    { path: '/m/mediation/new', Page: MediatorCaseFormPage },
    { path: '/m/mediation/cases/:id', Page: MediatorCasePage },
    { path: '/m/mediation/screening', Page: ScreeningReportPage },
  ],
  mobileServices: [
    {
      key: 'mediation-work',
      path: '/m/mediation/cases',
      labelKey: 'mediation.m.tile',
      descriptionKey: 'mediation.m.tileHint',
      icon: <SolutionOutlined />,
      permission: 'mediation.handle',
    },
    {
      key: 'mediation-screen',
      path: '/m/mediation/screening',
      labelKey: 'mediation.m.screening',
      descriptionKey: 'mediation.m.screeningHint',
      icon: <AuditOutlined />,
      permission: 'mediation.screen',
    },
    {
      key: 'mediation-apply',
      path: '/m/mediation',
      labelKey: 'mediation.mobile.entry',
      descriptionKey: 'mediation.mobile.entryHint',
      icon: <TeamOutlined />,
      permission: 'mediation.apply',
    },
  ],
};
