import { createBrowserRouter, type RouteObject } from 'react-router';
import { consoleRoutes, mobileRoutes, publicRoutes, standaloneRoutes } from '../../modules/index.ts';
import { RequireSession } from '../auth/require-session.tsx';
import { AppLayout } from '../layout/app-layout.tsx';
import type { PageRoute } from './module-routes.ts';
import { NotFoundPage } from './not-found-page.tsx';

function toRoute({ path, Page }: PageRoute): RouteObject {
  return { path, element: <Page /> };
}

const routes: RouteObject[] = [
  ...publicRoutes.map(toRoute),
  {
    element: <RequireSession loginPath="/m/login" />,
    children: mobileRoutes.map(toRoute),
  },
  {
    element: <RequireSession loginPath="/login" />,
    children: [
      ...standaloneRoutes.map(toRoute),
      { element: <AppLayout />, children: [...consoleRoutes.map(toRoute), { path: '*', element: <NotFoundPage /> }] },
    ],
  },
];

export const router = createBrowserRouter(routes);
