/** What `/api/ready` checks (core/health/readiness.ts); a fault names the one it breaks. */
export type ReadinessCheck = 'database' | 'disk' | 'groupCommit';

/**
 * A database or storage failure that is not the request's fault (issue 15 findings 2, 4, 5):
 * - `unavailable`: the connection died or the database did not answer in time (503, retry later);
 * - `busy`: a lock or a conflicting transaction outlasted its timeout or retries (503, retry later);
 * - `full`: the disk or the database's size limit is reached (507, until space is freed);
 * - `restart`: SQLite's group commit stopped after a failed fsync (503, until an operator restarts).
 */
export interface DatabaseFault {
  kind: 'unavailable' | 'busy' | 'full' | 'restart';
  /** The readiness check this fault fails while it lasts; null for contention between requests. */
  check: ReadinessCheck | null;
  /** The error's code, for the log: never its message, which may quote data (SECURITY.md 17). */
  cause: string;
}

/**
 * The group-commit driver's failure after an fsync of the WAL failed (decision 73): it refuses every
 * transaction from then on, on purpose, until a restart recovers from the WAL on disk.
 */
export class GroupCommitStopped extends Error {
  readonly code = 'GROUP_COMMIT_STOPPED';
}

interface CodedError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/**
 * pg's own messages for a connection that ended or never answered; pg gives these no code. They are
 * fixed texts of the driver, not data.
 */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Client has encountered a connection error',
];

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs after which the session is gone: class 08, administrator/crash shutdown, session timeouts. */
const PG_SESSION_ENDED = new Set(['57P01', '57P02', '57P03', '57P05', '25P03']);

/** The error and the causes it wraps, outermost first. */
function* chain(err: unknown): Generator<CodedError> {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const coded = current as CodedError;
    yield coded;
    current = coded.cause;
  }
}

const codeOf = (err: CodedError): string => (typeof err.code === 'string' ? err.code : '');

function lostConnectionCause(err: CodedError): string | null {
  const code = codeOf(err);
  if (code.startsWith('08') || PG_SESSION_ENDED.has(code) || NETWORK_CODES.has(code)) return code;
  const message = typeof err.message === 'string' ? err.message : '';
  if (!code && PG_CONNECTION_MESSAGES.some((m) => message.includes(m))) {
    return message.includes('timeout') ? 'pg_timeout' : 'pg_connection_lost';
  }
  return null;
}

/** The connection that ran this query is dead or in an unknown state: never reuse it (finding 2). */
export function isConnectionLost(err: unknown): boolean {
  for (const e of chain(err)) if (lostConnectionCause(e)) return true;
  return false;
}

/** PostgreSQL's serialization failure and deadlock: the whole transaction may run again. */
export function isRetryableConflict(err: unknown): boolean {
  for (const e of chain(err)) if (codeOf(e) === '40001' || codeOf(e) === '40P01') return true;
  return false;
}

function faultOf(err: CodedError): DatabaseFault | null {
  if (err instanceof GroupCommitStopped) return { kind: 'restart', check: 'groupCommit', cause: err.code };
  const code = codeOf(err);
  if (code === '53100' || code === 'SQLITE_FULL' || code === 'ENOSPC') return { kind: 'full', check: 'disk', cause: code };
  if (code === '55P03' || code === '40001' || code === '40P01' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { kind: 'busy', check: null, cause: code };
  }
  // 57014: statement_timeout (or a cancel); the database is too slow to be useful.
  if (code === '57014' || code.startsWith('SQLITE_IOERR')) return { kind: 'unavailable', check: 'database', cause: code };
  const lost = lostConnectionCause(err);
  return lost ? { kind: 'unavailable', check: 'database', cause: lost } : null;
}

/** The fault behind an error, looking through wrapped causes; null for every other error. */
export function databaseFault(err: unknown): DatabaseFault | null {
  for (const e of chain(err)) {
    const fault = faultOf(e);
    if (fault) return fault;
  }
  return null;
}
