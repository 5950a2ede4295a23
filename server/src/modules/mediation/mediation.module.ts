import type { ModuleManifest } from '../../core/module.ts';

/** 人民调解与法律援助 (DOMAIN.md `mediation`, P1.4(4), P3.3(三)1). */
export const mediationModule: ModuleManifest = {
  name: 'mediation',
  routes: () => undefined,
};
