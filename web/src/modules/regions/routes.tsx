import { ScopeSwitcher } from './components/scope-switcher.tsx';
import { EnvironmentOutlined } from '@ant-design/icons';
import { dictionaries } from '@rg/domain/i18n/dictionaries';
import { regionsMessages } from './i18n.zh-CN.ts';
import { regionsMessagesEnUS } from './i18n.en-US.ts';
import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { RegionsPage } from './pages/regions-page.tsx';
import { REGIONS_PATH } from './region-paths.ts';

export const regionsRoutes: ModuleRoutes = {
  headerItems: [ScopeSwitcher],
  menuIcons: { region: <EnvironmentOutlined /> },
  messages: [dictionaries(regionsMessages, regionsMessagesEnUS)],
  console: [
    { path: REGIONS_PATH, Page: RegionsPage },
    { path: `${REGIONS_PATH}/:code`, Page: RegionsPage },
  ],
};
