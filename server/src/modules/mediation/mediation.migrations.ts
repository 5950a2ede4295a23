import type { Migration } from 'kysely';
import * as m010 from './migrations/010-mediation.ts';
import * as m011 from './migrations/011-mediation-open-index.ts';
import * as m012 from './migrations/012-mediation-write-indexes.ts';
import * as m013 from './migrations/013-mediation-attachments.ts';
import * as m014 from './migrations/014-mediation-party-history.ts';
import * as m015 from './migrations/015-mediation-stats-by-level.ts';
import * as m202612080200 from './migrations/202612080200-mediation-free-text-columns.ts';
import * as m202612080230 from './migrations/202612080230-mediation-aid-submitter.ts';

/** The `mediation` module's migrations: one file each in ./migrations, named as docs/adding-a-module.md says. */
export const mediationMigrations: Record<string, Migration> = {
  '010-mediation': m010,
  '011-mediation-open-index': m011,
  '012-mediation-write-indexes': m012,
  '013-mediation-attachments': m013,
  '014-mediation-party-history': m014,
  '015-mediation-stats-by-level': m015,
  '202612080200-mediation-free-text-columns': m202612080200,
  '202612080230-mediation-aid-submitter': m202612080230,
};
