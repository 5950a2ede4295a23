import type { ModuleManifest } from '../../core/module.ts';

/** 试点示范项目与组织 (DOMAIN.md `programs`, `organizations`; P2.3–P2.4, P3.2, P3.4–P3.5, P1.2, P1.5). */
export const programsModule: ModuleManifest = {
  name: 'programs',
  routes: () => undefined,
};
