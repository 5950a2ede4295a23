/** The composition root of the pages: the shell's frames around every module's routes (modules/index.ts). */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { consoleRoutes, mobileRoutes, publicRoutes, standaloneRoutes } from './modules/index.ts';
import { RequireSession } from './app/auth/require-session.tsx';
import { AppLayout } from './app/layout/app-layout.tsx';
import type { PageRoute } from './app/router/module-routes.ts';
import { NotFoundPage } from './app/router/not-found-page.tsx';

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
