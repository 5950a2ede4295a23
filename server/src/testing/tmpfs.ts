import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small tmpfs to fill up (issue 15 finding 5). Mounting needs root; `tmpfsUnavailable()` names why it
 * cannot run here, so the scenario skips outside CI and fails under CI=true.
 */
export function tmpfsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'a tmpfs (Linux only)';
  if (process.getuid?.() !== 0) return 'a tmpfs (mounting needs root)';
  // Root in a container may still lack the right to mount: try a tiny one.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-tmpfs-probe-'));
  try {
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1M', 'tmpfs', dir], { encoding: 'utf8' });
    if (mount.status !== 0) return `a tmpfs (mount refused: ${mount.stderr.trim() || mount.error?.message})`;
    spawnSync('umount', [dir]);
    return null;
  } finally {
    fs.rmdirSync(dir);
  }
}

export interface Tmpfs {
  dir: string;
  /** Writes a filler file until the disk is full; returns the bytes written. */
  fill(): number;
  /** Removes the filler. */
  free(): void;
  unmount(): void;
}

/** Mounts left if the test process ends without its afterAll. */
const mounted = new Set<string>();
process.once('exit', () => {
  for (const dir of mounted) spawnSync('umount', ['-l', dir]);
});

export function mountTmpfs(sizeMb: number): Tmpfs {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-tmpfs-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}M,mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    fs.rmdirSync(dir);
    throw new Error(`mount tmpfs failed: ${mount.stderr.trim() || mount.error?.message}`);
  }
  mounted.add(dir);
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    fill: () => {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(1024 * 1024, 1);
      let written = 0;
      try {
        // Whole megabytes, then single kilobytes and bytes, so no page is left for SQLite to use.
        for (const size of [chunk.length, 4096, 1]) {
          for (;;) {
            try {
              written += fs.writeSync(fd, chunk, 0, size);
            } catch {
              break;
            }
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      return written;
    },
    free: () => fs.rmSync(filler, { force: true }),
    unmount: () => {
      // Lazy: a server killed a moment ago may still hold a file open.
      spawnSync('umount', ['-l', dir]);
      mounted.delete(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
