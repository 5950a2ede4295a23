import { HomeOutlined } from '@ant-design/icons';
import { dictionaries } from '@rg/domain/i18n/dictionaries';
import { homeMessages } from './i18n.zh-CN.ts';
import { homeMessagesEnUS } from './i18n.en-US.ts';
import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { HomePage } from './pages/home-page.tsx';
import { MobileHomePage } from './pages/mobile-home-page.tsx';

export const homeRoutes: ModuleRoutes = {
  menuIcons: { home: <HomeOutlined /> },
  messages: [dictionaries(homeMessages, homeMessagesEnUS)],
  console: [{ path: '/', Page: HomePage }],
  mobile: [{ path: '/m', Page: MobileHomePage }],
};
