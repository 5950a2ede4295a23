import type { ModuleManifest } from '../core/module.ts';
import { accessModule } from './access/access.module.ts';
import { regionsModule } from './regions/regions.module.ts';
import { legalModule } from './legal/legal.module.ts';
import { mediationModule } from './mediation/mediation.module.ts';
import { programsModule } from './programs/programs.module.ts';
import { indicatorsModule } from './indicators/indicators.module.ts';

/** Every module of the platform, in menu order. A new module is added here and nowhere else. */
export const MODULES: readonly ModuleManifest[] = [
  accessModule,
  regionsModule,
  programsModule,
  legalModule,
  mediationModule,
  indicatorsModule,
];
