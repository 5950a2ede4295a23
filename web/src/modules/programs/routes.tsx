import { FlagOutlined } from '@ant-design/icons';
import { dictionaries } from '@rg/domain/i18n/dictionaries';
import { programsDictionaries } from '@rg/domain/programs/messages';
import { programsMessages } from './i18n.zh-CN.ts';
import { programsMessagesEnUS } from './i18n.en-US.ts';
import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { ApplicationPage } from './pages/application-page.tsx';
import { ProgramDetailPage } from './pages/program-detail-page.tsx';
import { ProgramsPage } from './pages/programs-page.tsx';
import { GroupPage } from './pages/group-page.tsx';
import { DesignationPage } from './pages/designation-page.tsx';

export const programsRoutes: ModuleRoutes = {
  menuIcons: { programs: <FlagOutlined /> },
  messages: [dictionaries(programsMessages, programsMessagesEnUS)],
  serverMessages: programsDictionaries,
  console: [
    { path: '/programs', Page: ProgramsPage },
    { path: '/programs/applications/:id', Page: ApplicationPage },
    { path: '/programs/groups/:id', Page: GroupPage },
    { path: '/programs/designations/:id', Page: DesignationPage },
    { path: '/programs/:id', Page: ProgramDetailPage },
  ],
};
