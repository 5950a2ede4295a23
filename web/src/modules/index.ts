import type { ComponentType } from 'react';
import { registerModuleMessages } from '../app/i18n/translate.ts';
import { registerHeaderItems } from '../app/layout/header-items.ts';
import { registerMenuIcons } from '../app/layout/menu-icons.tsx';
import type { MobileService, ModuleRoutes, PageRoute } from '../app/router/module-routes.ts';
import { accessRoutes } from './access/routes.tsx';
import { homeRoutes } from './home/routes.tsx';
import { legalRoutes } from './legal/routes.tsx';
import { regionsRoutes } from './regions/routes.tsx';
import { mediationRoutes } from './mediation/routes.tsx';
import { programsRoutes } from './programs/routes.tsx';
import { indicatorsRoutes } from './indicators/routes.tsx';

/**
 * Every module of the web app. A new module writes its `routes.tsx` and adds one line here; the
 * server's menu entries (`session.menu[].path`) then lead to its pages.
 */
export const MODULES: readonly ModuleRoutes[] = [
  homeRoutes,
  accessRoutes,
  regionsRoutes,
  programsRoutes,
  legalRoutes,
  mediationRoutes,
  indicatorsRoutes,
];

for (const module of MODULES) {
  registerModuleMessages(module.messages ?? [], module.serverMessages);
  registerMenuIcons(module.menuIcons ?? {});
  registerHeaderItems(module.headerItems ?? []);
}

function collect(kind: 'console' | 'standalone' | 'mobile' | 'public'): PageRoute[] {
  return MODULES.flatMap((module) => module[kind] ?? []);
}

/** Every module's tiles for the phone home page, in module order. */
export const mobileServices: readonly MobileService[] = MODULES.flatMap((module) => module.mobileServices ?? []);

export const consoleRoutes = collect('console');
export const standaloneRoutes = collect('standalone');
export const mobileRoutes = collect('mobile');
export const publicRoutes = collect('public');

/** The page a menu path opens, if some module provides it. */
export const pageByMenuPath: ReadonlyMap<string, ComponentType> = new Map(consoleRoutes.map((route) => [route.path, route.Page]));
