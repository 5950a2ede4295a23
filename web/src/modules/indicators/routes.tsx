import { BarChartOutlined } from '@ant-design/icons';
import { dictionaries } from '@rg/domain/i18n/dictionaries';
import { indicatorsDictionaries } from '@rg/domain/indicators/messages';
import { indicatorsMessages } from './i18n.zh-CN.ts';
import { indicatorsMessagesEnUS } from './i18n.en-US.ts';
import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { IndicatorsPage } from './pages/indicators-page.tsx';

export const indicatorsRoutes: ModuleRoutes = {
  menuIcons: { indicators: <BarChartOutlined /> },
  messages: [dictionaries(indicatorsMessages, indicatorsMessagesEnUS)],
  serverMessages: indicatorsDictionaries,
  console: [{ path: '/indicators', Page: IndicatorsPage }],
};
