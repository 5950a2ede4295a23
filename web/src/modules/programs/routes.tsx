import type { ModuleRoutes } from '../../app/router/module-routes.ts';
import { ApplicationPage } from './pages/application-page.tsx';
import { ProgramDetailPage } from './pages/program-detail-page.tsx';
import { ProgramsPage } from './pages/programs-page.tsx';

export const programsRoutes: ModuleRoutes = {
  console: [
    { path: '/programs', Page: ProgramsPage },
    { path: '/programs/applications/:id', Page: ApplicationPage },
    { path: '/programs/:id', Page: ProgramDetailPage },
  ],
};
