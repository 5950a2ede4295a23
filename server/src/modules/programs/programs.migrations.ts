import type { Migration } from 'kysely';
import * as m020 from './migrations/020-programs.ts';
import * as m021 from './migrations/021-organizations.ts';
import * as m022 from './migrations/022-evaluation.ts';
import * as m023 from './migrations/023-cases.ts';
import * as m024 from './migrations/024-program-withdrawal.ts';
import * as m025 from './migrations/025-program-attachment-store.ts';
import * as m026 from './migrations/026-program-description.ts';
import * as m202612041930 from './migrations/202612041930-programs-submitters.ts';
import * as m202612080200 from './migrations/202612080200-programs-free-text-columns.ts';

/** The `programs` module's migrations: one file each in ./migrations, named as docs/adding-a-module.md says. */
export const programsMigrations: Record<string, Migration> = {
  '020-programs': m020,
  '021-organizations': m021,
  '022-evaluation': m022,
  '023-cases': m023,
  '024-program-withdrawal': m024,
  '025-program-attachment-store': m025,
  '026-program-description': m026,
  '202612041930-programs-submitters': m202612041930,
  '202612080200-programs-free-text-columns': m202612080200,
};
