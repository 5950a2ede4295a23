import { dictionaries } from '@rg/domain/i18n/dictionaries';
import { legalDictionaries } from '@rg/domain/legal/messages';
import { legalRosterMessages } from './i18n.roster.zh-CN.ts';
import { legalRosterMessagesEnUS } from './i18n.roster.en-US.ts';
import { legalConsoleMessages } from './i18n.console.zh-CN.ts';
import { legalConsoleMessagesEnUS } from './i18n.console.en-US.ts';
import { legalMobileMessages } from './i18n.mobile.zh-CN.ts';
import { legalMobileMessagesEnUS } from './i18n.mobile.en-US.ts';
import { BookOutlined, CommentOutlined, QuestionCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { AdvisorLedgerPage } from './mobile/advisor-ledger-page.tsx';
import { AdvisorQuestionsPage } from './mobile/advisor-questions-page.tsx';
import { AskPage } from './mobile/ask-page.tsx';
import { ServiceFormPage } from './mobile/service-form-page.tsx';
import { LegalPage } from './pages/legal-page.tsx';
import { NoticePage } from './pages/notice-page.tsx';

export const legalRoutes: ModuleRoutes = {
  menuIcons: { legal: <SafetyCertificateOutlined /> },
  messages: [
    dictionaries(legalRosterMessages, legalRosterMessagesEnUS),
    dictionaries(legalConsoleMessages, legalConsoleMessagesEnUS),
    dictionaries(legalMobileMessages, legalMobileMessagesEnUS),
  ],
  serverMessages: legalDictionaries,
  console: [{ path: '/legal', Page: LegalPage }],
  // 公示牌 is printed on A4 without the console around it.
  standalone: [{ path: '/legal/notice/:villageCode', Page: NoticePage }],
  mobile: [
    { path: '/m/legal', Page: AdvisorLedgerPage },
    { path: '/m/legal/new', Page: ServiceFormPage },
    { path: '/m/legal/questions', Page: AdvisorQuestionsPage },
    { path: '/m/legal/ask', Page: AskPage },
    { path: '/m/legal/:id', Page: ServiceFormPage },
  ],
  mobileServices: [
    {
      key: 'legal-ledger',
      path: '/m/legal',
      labelKey: 'legal.m.tile.ledger',
      descriptionKey: 'legal.m.tile.ledgerHint',
      icon: <BookOutlined />,
      permission: 'legal.record',
    },
    {
      key: 'legal-questions',
      path: '/m/legal/questions',
      labelKey: 'legal.m.tile.questions',
      descriptionKey: 'legal.m.tile.questionsHint',
      icon: <CommentOutlined />,
      permission: 'legal.record',
    },
    {
      key: 'legal-ask',
      path: '/m/legal/ask',
      labelKey: 'legal.m.tile.ask',
      descriptionKey: 'legal.m.tile.askHint',
      icon: <QuestionCircleOutlined />,
      permission: 'legal.ask',
    },
  ],
};
