import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { privateFile, privateFolder } from '../private-files.ts';

/**
 * Who holds a SQLite data folder (issue 15 finding 6): the server while it runs, a restore while it
 * replaces the database. The holder keeps an exclusive SQLite transaction open on `server.lock` in
 * the folder, i.e. an OS file lock (fcntl) that SQLite also honours between connections of one
 * process. The operating system drops the lock when the holder exits in any way, kill -9 included,
 * so a stale lock never blocks a restart or a restore; a pid file alone could not tell a crashed
 * server from a running one. `server.pid` only tells the operator which process holds the folder.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirBusyError extends Error {}

export function lockDataDir(dataDir: string): DataDirLock {
  privateFolder(dataDir);
  const file = path.join(dataDir, 'server.lock');
  const pidFile = path.join(dataDir, 'server.pid');
  privateFile(file);
  const handle = new SQLite(file, { timeout: 0 });
  try {
    handle.pragma('locking_mode = EXCLUSIVE');
    handle.exec('begin exclusive');
  } catch (err) {
    handle.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      const pid = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').trim() : 'unknown';
      throw new DataDirBusyError(`the data folder ${dataDir} is in use by a running server or restore (pid ${pid}); stop it first`);
    }
    throw err;
  }
  privateFile(pidFile);
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  return {
    release() {
      fs.rmSync(pidFile, { force: true });
      handle.close();
    },
  };
}
