import type { ComponentType } from 'react';

/** Parts modules add to the start of the console's header (e.g. the regions module's 切换辖区). */
const ITEMS: ComponentType[] = [];

/** Adds a module's header parts (`ModuleRoutes.headerItems`); called once per module by modules/index.ts. */
export function registerHeaderItems(items: readonly ComponentType[]): void {
  ITEMS.push(...items);
}

export function headerItems(): readonly ComponentType[] {
  return ITEMS;
}
