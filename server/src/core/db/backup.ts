import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Connection } from './connect.ts';

/**
 * Online backup (SECURITY.md 28) while the server keeps writing: SQLite's `VACUUM INTO` writes a
 * consistent, compacted copy from one read transaction; PostgreSQL uses pg_dump's custom format,
 * which is one snapshot as well.
 */
export async function backupDatabase(
  connection: Pick<Connection, 'db' | 'dialect'>,
  databaseUrl: string | null,
  outFile: string,
): Promise<void> {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  if (fs.existsSync(outFile)) throw new Error(`${outFile} exists already`);
  if (connection.dialect === 'sqlite') {
    await sql`vacuum into ${outFile}`.execute(connection.db);
    return;
  }
  if (!databaseUrl) throw new Error('PostgreSQL backup needs DATABASE_URL');
  run('pg_dump', ['--format=custom', '--no-owner', `--file=${outFile}`, databaseUrl]);
}

/**
 * Restores a backup into an empty target: for SQLite a file copy (the server must be stopped), for
 * PostgreSQL pg_restore into the (empty) database at `databaseUrl`.
 */
export function restoreDatabase(backupFile: string, target: { sqliteFile?: string; databaseUrl?: string }): void {
  if (target.sqliteFile) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target.sqliteFile}${suffix}`, { force: true });
    fs.mkdirSync(path.dirname(target.sqliteFile), { recursive: true });
    fs.copyFileSync(backupFile, target.sqliteFile);
    return;
  }
  if (!target.databaseUrl) throw new Error('restore needs a target');
  run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.databaseUrl}`, backupFile]);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
}
