import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import type { Keys } from '../crypto/keys.ts';
import type { ChainHead } from '../audit/audit-anchors.ts';
import { privateFile, privateFolder } from '../private-files.ts';
import type { Connection } from './connect.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { RestoreRefusedError, writeBackupManifest, type BackupManifest } from './backup-manifest.ts';

/**
 * Online backup (SECURITY.md 28) while the server keeps writing: SQLite's `VACUUM INTO` writes a
 * consistent, compacted copy from one read transaction; PostgreSQL uses pg_dump's custom format on a
 * snapshot exported from a transaction that also reads the audit head. The manifest beside it names
 * the master key's fingerprint and the audit head the backup holds (issue 15 finding 7). The backup is
 * created 0600 in a 0700 folder: it holds personal data.
 */
export async function backupDatabase(
  connection: Pick<Connection, 'db' | 'dialect'>,
  databaseUrl: string | null,
  outFile: string,
  keys: Keys,
): Promise<BackupManifest> {
  privateFolder(path.dirname(outFile));
  if (fs.existsSync(outFile)) throw new Error(`${outFile} exists already`);
  // VACUUM INTO accepts an empty file and pg_dump truncates it: both keep the mode given here.
  privateFile(outFile);
  let head: ChainHead;
  if (connection.dialect === 'sqlite') {
    await sql`vacuum into ${outFile}`.execute(connection.db);
    // The head of the copy itself, not of the live database that has moved on meanwhile.
    const copy = new SQLite(outFile, { readonly: true });
    try {
      const row = copy.prepare('select seq, hash from audit_head where id = 1').get() as { seq: number; hash: string };
      head = { seq: Number(row.seq), hash: row.hash };
    } finally {
      copy.close();
    }
  } else {
    if (!databaseUrl) throw new Error('PostgreSQL backup needs DATABASE_URL');
    head = await connection.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const snapshot = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(tx);
        const row = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
        run('pg_dump', ['--format=custom', '--no-owner', `--snapshot=${snapshot.rows[0]?.id ?? ''}`, `--file=${outFile}`, databaseUrl]);
        return { seq: Number(row.seq), hash: row.hash };
      });
  }
  return writeBackupManifest(outFile, keys, connection.dialect, head, new Date());
}

/**
 * Restores a backup (its manifest and key checked first, see `checkBackupKey`). SQLite: the restore
 * holds the data folder's lock, so it refuses while a server runs on it (issue 15 finding 6: the
 * server went on acknowledging writes into deleted files) and no server starts halfway through.
 * PostgreSQL: pg_restore into an empty database nobody else is connected to.
 */
export async function restoreDatabase(backupFile: string, target: { sqliteFile?: string; databaseUrl?: string }): Promise<void> {
  if (target.sqliteFile) {
    const file = target.sqliteFile;
    const lock = lockDataDir(path.dirname(file));
    try {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      privateFile(file);
      fs.copyFileSync(backupFile, file);
      fs.chmodSync(file, 0o600);
    } finally {
      lock.release();
    }
    return;
  }
  if (!target.databaseUrl) throw new Error('restore needs a target');
  await checkPostgresTarget(target.databaseUrl);
  run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.databaseUrl}`, backupFile]);
}

async function checkPostgresTarget(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const others = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const sessions = others.rows[0]?.n ?? 0;
    if (sessions > 0) {
      throw new RestoreRefusedError(
        `${sessions} other session(s) are connected to the target database (a running server?); stop them before restoring`,
      );
    }
    const tables = await client.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    if ((tables.rows[0]?.n ?? 0) > 0) throw new RestoreRefusedError('the target database is not empty; restore into a new, empty database');
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
}
