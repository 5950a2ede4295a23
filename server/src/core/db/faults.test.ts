import { describe, expect, it } from 'vitest';
import { databaseFault, GroupCommitStopped, isConnectionLost, isRetryableConflict } from './faults.ts';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

/** Issue 15 findings 2, 4, 5: which errors are faults of the database or its disk, and how they answer. */
describe('database faults', () => {
  it.each([
    [coded('53100'), { kind: 'full', check: 'disk', cause: '53100' }],
    [coded('SQLITE_FULL'), { kind: 'full', check: 'disk', cause: 'SQLITE_FULL' }],
    [coded('ENOSPC'), { kind: 'full', check: 'disk', cause: 'ENOSPC' }],
    [coded('57P01', 'terminating connection due to administrator command'), { kind: 'unavailable', check: 'database', cause: '57P01' }],
    [coded('08006'), { kind: 'unavailable', check: 'database', cause: '08006' }],
    [coded('ECONNREFUSED'), { kind: 'unavailable', check: 'database', cause: 'ECONNREFUSED' }],
    [coded('57014', 'canceling statement due to statement timeout'), { kind: 'unavailable', check: 'database', cause: '57014' }],
    [new Error('Connection terminated unexpectedly'), { kind: 'unavailable', check: 'database', cause: 'pg_connection_lost' }],
    [new Error('Query read timeout'), { kind: 'unavailable', check: 'database', cause: 'pg_timeout' }],
    [new Error('timeout exceeded when trying to connect'), { kind: 'unavailable', check: 'database', cause: 'pg_timeout' }],
    [coded('55P03'), { kind: 'busy', check: null, cause: '55P03' }],
    [coded('40P01'), { kind: 'busy', check: null, cause: '40P01' }],
    [coded('SQLITE_BUSY'), { kind: 'busy', check: null, cause: 'SQLITE_BUSY' }],
    [
      new GroupCommitStopped('fsync failed', { cause: coded('EIO') }),
      { kind: 'restart', check: 'groupCommit', cause: 'GROUP_COMMIT_STOPPED' },
    ],
    [
      new Error('SQLite rolled back the open group of transactions', { cause: coded('SQLITE_FULL') }),
      { kind: 'full', check: 'disk', cause: 'SQLITE_FULL' },
    ],
  ])('%s', (err, fault) => {
    expect(databaseFault(err)).toEqual(fault);
  });

  it('leaves the request’s own errors alone', () => {
    for (const err of [coded('23505'), coded('SQLITE_CONSTRAINT_UNIQUE'), new Error('Connection refused by policy'), new TypeError('x')]) {
      expect(databaseFault(err)).toBeNull();
    }
  });

  it('tells a dead connection and a retryable conflict apart', () => {
    expect(isConnectionLost(coded('57P01'))).toBe(true);
    expect(isConnectionLost(new Error('Query read timeout'))).toBe(true);
    expect(isConnectionLost(coded('55P03'))).toBe(false);
    expect(isRetryableConflict(coded('40001'))).toBe(true);
    expect(isRetryableConflict(coded('40P01'))).toBe(true);
    expect(isRetryableConflict(coded('55P03'))).toBe(false);
  });
});
