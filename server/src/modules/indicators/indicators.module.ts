import type { ModuleManifest } from '../../core/module.ts';

/** 指标、目标与考核 (DOMAIN.md `indicators`; P1.5(3)). */
export const indicatorsModule: ModuleManifest = {
  name: 'indicators',
  routes: () => undefined,
};
