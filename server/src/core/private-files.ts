import fs from 'node:fs';

/**
 * The data folder holds personal data, the master key and the audit anchors: files the server
 * creates there are readable by its own user only (0600, folders 0700; issue 15 finding 15), whatever
 * the umask says. SQLite gives its -wal and -shm files the mode of the database file.
 */
export function privateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates `file` empty with mode 0600 unless it exists; an existing file is narrowed to 0600. */
export function privateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  narrowToOwner(file);
}

/** Takes group and other access away from an existing file (a database from before this rule). */
export function narrowToOwner(file: string): void {
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & 0o700);
}
