import fs from 'node:fs';
import type { AppContext } from '../context.ts';
import { databaseFault, type DatabaseFault, type ReadinessCheck } from '../db/faults.ts';
import { sqliteHeadroomBytes, writeProbe } from '../db/probe.ts';

/** Pino's shape, so the request log or a plain stderr writer can carry the fault lines. */
export interface FaultLog {
  error(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface ReadinessReport {
  ready: boolean;
  /** Each check with the code of its failure, or null when it passes; codes only, never data. */
  checks: Record<ReadinessCheck, string | null>;
}

const CHECKS: readonly ReadinessCheck[] = ['database', 'disk', 'groupCommit'];

/** While a check fails, it is rechecked this often, so its recovery is logged without a request asking. */
const RECHECK_MS = 5000;

/**
 * A passing write probe stands this long: /api/ready is public, and without it every call would be a
 * committed write (an fsync on SQLite) that anyone could repeat. A failing probe is always run again.
 */
const PROBE_REUSE_MS = 1000;

/**
 * Readiness (issue 15 "health that tells the truth"; `/api/health` stays liveness): the database takes a
 * write within a deadline, the data disk has room, SQLite's group commit is alive. It also keeps which
 * checks fail, from its own probes and from the faults requests meet, and logs each check once when it
 * starts failing (with its cause) and once when it passes again: not once per request (finding 5). The
 * work is done only here and on /api/ready, never on the write path.
 */
export class Readiness {
  private readonly failing = new Map<ReadinessCheck, string>();
  private inFlight: Promise<ReadinessReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** When the write probe last passed (monotonic ms), or null. */
  private probePassedAt: number | null = null;

  constructor(
    private readonly ctx: Pick<AppContext, 'db' | 'dialect' | 'group' | 'config' | 'clock'>,
    private readonly log: FaultLog,
  ) {}

  /** A request met this fault (from the error handler). */
  met(fault: DatabaseFault): void {
    if (fault.check) this.note(fault.check, fault.cause);
  }

  /** Runs the checks (concurrent callers share one run) and notes what changed. */
  check(): Promise<ReadinessReport> {
    this.inFlight ??= this.run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async run(): Promise<ReadinessReport> {
    const checks: Record<ReadinessCheck, string | null> = { database: null, disk: null, groupCommit: null };
    if (this.ctx.group && !this.ctx.group.alive()) checks.groupCommit = 'GROUP_COMMIT_STOPPED';
    const probe = await this.withinDeadline(this.probe());
    if (probe) checks[probe.check ?? 'database'] ??= probe.cause;
    if (this.ctx.dialect === 'sqlite') checks.disk ??= await this.sqliteSpace();
    for (const check of CHECKS) this.note(check, checks[check]);
    return { ready: CHECKS.every((c) => checks[c] === null), checks };
  }

  /** The write probe; its failure as a fault (a full disk names the disk, a stopped driver the group commit). */
  private async probe(): Promise<DatabaseFault | null> {
    if (this.probePassedAt !== null && performance.now() - this.probePassedAt < PROBE_REUSE_MS) return null;
    this.probePassedAt = null;
    try {
      await writeProbe(this.ctx.db, this.ctx.clock.now().toISOString());
      this.probePassedAt = performance.now();
      return null;
    } catch (err) {
      return databaseFault(err) ?? { kind: 'unavailable', check: 'database', cause: 'probe_failed' };
    }
  }

  private async withinDeadline(probe: Promise<DatabaseFault | null>): Promise<DatabaseFault | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<DatabaseFault>((resolve) => {
      timer = setTimeout(
        () => resolve({ kind: 'unavailable', check: 'database', cause: 'probe_timeout' }),
        this.ctx.config.readyDeadlineMs,
      );
    });
    try {
      return await Promise.race([probe, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** SQLite: the data disk's free space (statfs) and the file's own size limit (max_page_count). */
  private async sqliteSpace(): Promise<string | null> {
    const minFree = this.ctx.config.readyMinFreeBytes;
    const stats = await fs.promises.statfs(this.ctx.config.dataDir);
    if (stats.bavail * stats.bsize < minFree) return 'low_disk_space';
    const headroom = await sqliteHeadroomBytes(this.ctx.db).catch(() => 0);
    return headroom < minFree ? 'SQLITE_FULL' : null;
  }

  private note(check: ReadinessCheck, cause: string | null): void {
    const was = this.failing.get(check);
    if (cause !== null && was === undefined) {
      this.failing.set(check, cause);
      this.log.error({ check, cause }, `readiness: ${check} failing`);
    } else if (cause === null && was !== undefined) {
      this.failing.delete(check);
      this.log.info({ check, cause: was }, `readiness: ${check} recovered`);
    }
    this.scheduleRecheck();
  }

  private scheduleRecheck(): void {
    if (this.failing.size === 0) {
      this.stop();
      return;
    }
    if (this.timer) return;
    this.timer = setInterval(() => void this.check().catch(() => undefined), RECHECK_MS);
    this.timer.unref();
  }
}

/** The fault log when the request log is off (the default): one JSON line on stderr per transition. */
export const stderrFaultLog: FaultLog = {
  error: (fields, message) => process.stderr.write(`${JSON.stringify({ level: 'error', time: Date.now(), ...fields, msg: message })}\n`),
  info: (fields, message) => process.stderr.write(`${JSON.stringify({ level: 'info', time: Date.now(), ...fields, msg: message })}\n`),
};
