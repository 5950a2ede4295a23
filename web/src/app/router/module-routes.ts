import type { ComponentType } from 'react';

export interface PageRoute {
  /** Absolute path; menu entries from the server point at these. */
  path: string;
  Page: ComponentType;
}

/** What a module contributes to the web app. Register it once in `modules/index.ts`. */
export interface ModuleRoutes {
  /** Console pages inside the desktop layout (signed in). */
  console?: PageRoute[];
  /** Signed-in pages without the desktop layout (e.g. the forced password change). */
  standalone?: PageRoute[];
  /** Mobile portal pages under /m (signed in). */
  mobile?: PageRoute[];
  /** Pages anyone can open (sign-in pages). */
  public?: PageRoute[];
}
