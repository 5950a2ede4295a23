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
  };
}
