import type { Migration } from 'kysely';

/**
 * Migrations of the `programs` module, merged into core/db/migrate.ts. Names sort globally, so each
 * module owns a number range (docs/decisions.md): legal 003–009, mediation 010–019, programs
 * 020–029, indicators 030–039.
 */
export const programsMigrations: Record<string, Migration> = {};
