import type { Migration } from 'kysely';
import * as m003 from './migrations/003-legal.ts';
import * as m004 from './migrations/004-legal-ledger.ts';
import * as m005 from './migrations/005-legal-counts-month.ts';
import * as m006 from './migrations/006-legal-pilot-villages.ts';
import * as m007 from './migrations/007-legal-village-months.ts';
import * as m008 from './migrations/008-legal-compliance-reads.ts';
import * as m202612080200 from './migrations/202612080200-legal-free-text-columns.ts';

/** The `legal` module's migrations: one file each in ./migrations, named as docs/adding-a-module.md says. */
export const legalMigrations: Record<string, Migration> = {
  '003-legal': m003,
  '004-legal-ledger': m004,
  '005-legal-counts-month': m005,
  '006-legal-pilot-villages': m006,
  '007-legal-village-months': m007,
  '008-legal-compliance-reads': m008,
  '202612080200-legal-free-text-columns': m202612080200,
};
