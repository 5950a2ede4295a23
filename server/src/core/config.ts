import path from 'node:path';

/** Settings read once from the environment (README "Configuration"). */
export interface Config {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqliteFile`. */
  databaseUrl: string | null;
  sqliteFile: string;
  dataDir: string;
  keyFile: string;
  /** Append-only file of signed audit chain heads (SECURITY.md 31), and how often the head is anchored. */
  auditAnchorFile: string;
  auditAnchorSeconds: number;
  port: number;
  host: string;
  /** Demo mode creates the demo accounts; a production start refuses to boot while they exist. */
  demo: boolean;
  /** SECURITY.md 24: durable by default; weaker only when asked for by name. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  allowWeakDurability: boolean;
  /** Serve cookies with `Secure` and send HSTS (behind TLS). */
  secureCookies: boolean;
  webDist: string;
  logLevel: string;
  /** Hours after which an unanswered online legal question is flagged to the town's justice office (issue 3: 48). */
  legalAnswerHours: number;
  /**
   * Timeouts against a stalled database (issue 15 finding 4), in milliseconds. PostgreSQL:
   * `statement_timeout`, `lock_timeout` (also SQLite's `busy_timeout`), `idle_in_transaction_session_timeout`,
   * the wait for a pooled connection, and the client's own wait for any answer (a silent server).
   */
  dbStatementTimeoutMs: number;
  dbLockTimeoutMs: number;
  dbIdleInTransactionTimeoutMs: number;
  dbAcquireTimeoutMs: number;
  dbQueryTimeoutMs: number;
  /** /api/ready: how long the write probe may take, and the free space the data disk must keep. */
  readyDeadlineMs: number;
  readyMinFreeBytes: number;
}

/** A positive whole number of milliseconds (or bytes) from the environment, else the default. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not ${raw}`);
  return value;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(repoRoot, env.DATA_DIR ?? 'data');
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, not ${synchronous}`);
  }
  return {
    databaseUrl: env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : null,
    sqliteFile: path.resolve(dataDir, env.SQLITE_FILE ?? 'governance.db'),
    dataDir,
    keyFile: path.resolve(dataDir, env.KEY_FILE ?? path.join('keys', 'master.key')),
    auditAnchorFile: path.resolve(dataDir, env.AUDIT_ANCHOR_FILE ?? 'audit-anchors.log'),
    auditAnchorSeconds: Number(env.AUDIT_ANCHOR_SECONDS ?? 60),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    demo: env.DEMO === '1' || env.DEMO === 'true',
    sqliteSynchronous: synchronous,
    allowWeakDurability: env.ALLOW_WEAK_DURABILITY === '1',
    secureCookies: env.SECURE_COOKIES === '1',
    /** WEB_DIST lets parallel e2e runs each serve their own build. */
    webDist: path.resolve(repoRoot, env.WEB_DIST ?? 'web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    legalAnswerHours: Number(env.LEGAL_ANSWER_HOURS ?? 48),
    ...databaseTimeouts(env),
    readyDeadlineMs: positive(env, 'READY_DEADLINE_MS', 2000),
    readyMinFreeBytes: positive(env, 'READY_MIN_FREE_MB', 64) * 1024 * 1024,
  };
}

function databaseTimeouts(
  env: NodeJS.ProcessEnv,
): Pick<Config, 'dbStatementTimeoutMs' | 'dbLockTimeoutMs' | 'dbIdleInTransactionTimeoutMs' | 'dbAcquireTimeoutMs' | 'dbQueryTimeoutMs'> {
  const statement = positive(env, 'DB_STATEMENT_TIMEOUT_MS', 4000);
  return {
    dbStatementTimeoutMs: statement,
    dbLockTimeoutMs: positive(env, 'DB_LOCK_TIMEOUT_MS', 3000),
    dbIdleInTransactionTimeoutMs: positive(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10000),
    dbAcquireTimeoutMs: positive(env, 'DB_ACQUIRE_TIMEOUT_MS', 3000),
    // Half a second past the statement timeout: a live server's own cancel (57014) arrives first, and a
    // server that answers nothing still gets a 503 within five seconds (the reliability suite's deadline).
    dbQueryTimeoutMs: positive(env, 'DB_QUERY_TIMEOUT_MS', statement + 500),
  };
}
