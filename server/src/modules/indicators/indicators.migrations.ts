import type { Migration } from 'kysely';
import * as m030 from './migrations/030-indicators.ts';
import * as m031 from './migrations/031-assessment.ts';
import * as m202612080200 from './migrations/202612080200-indicators-free-text-columns.ts';

/** The `indicators` module's migrations: one file each in ./migrations, named as docs/adding-a-module.md says. */
export const indicatorsMigrations: Record<string, Migration> = {
  '030-indicators': m030,
  '031-assessment': m031,
  '202612080200-indicators-free-text-columns': m202612080200,
};
