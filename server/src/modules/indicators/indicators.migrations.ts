import type { Migration } from 'kysely';
import * as m030 from './migrations/030-indicators.ts';
import * as m031 from './migrations/031-assessment.ts';

/**
 * Migrations of the `indicators` module, merged into core/db/migrate.ts. Names sort globally, so each
 * module owns a number range (docs/decisions.md): legal 003–009, mediation 010–019, programs
 * 020–029, indicators 030–039.
 */
export const indicatorsMigrations: Record<string, Migration> = {
  '030-indicators': m030,
  '031-assessment': m031,
};
