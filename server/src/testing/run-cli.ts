import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import type { Config } from '../core/config.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** The key `createTestApp` uses, as an operator would set it. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Runs a command of `server/src/cli` as the operator would, on the data folder and database of
 * `config`; `masterKey: null` leaves MASTER_KEY unset (the key file, if any, is used).
 */
export function runCli(
  script: string,
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  options: { masterKey?: string | null; args?: string[] } = {},
): SpawnSyncReturns<string> {
  const { MASTER_KEY: _inherited, ...env } = process.env;
  const masterKey = options.masterKey === undefined ? TEST_MASTER_KEY : options.masterKey;
  return spawnSync(process.execPath, ['--import', 'tsx', `server/src/cli/${script}`, ...(options.args ?? [])], {
    cwd: root,
    env: { ...env, DATA_DIR: config.dataDir, DATABASE_URL: config.databaseUrl ?? '', ...(masterKey ? { MASTER_KEY: masterKey } : {}) },
    encoding: 'utf8',
  });
}
