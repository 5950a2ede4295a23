import { AppstoreOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

/** Icon names the server's menu entries use (module manifests), as each module registers them. */
const ICONS = new Map<string, ReactNode>();

/** Adds a module's menu icons (`ModuleRoutes.menuIcons`); called once per module by modules/index.ts. */
export function registerMenuIcons(icons: Readonly<Record<string, ReactNode>>): void {
  for (const [name, icon] of Object.entries(icons)) ICONS.set(name, icon);
}

export function menuIcon(name: string): ReactNode {
  return ICONS.get(name) ?? <AppstoreOutlined />;
}
