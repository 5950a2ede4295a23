import crypto from 'node:crypto';
import fs from 'node:fs';
import { privateFile } from '../private-files.ts';
import type { AppContext } from '../context.ts';

/**
 * Audit anchors (SECURITY.md 31, issue 15 finding 14): the chain head (seq, hash), signed with a key
 * derived from the master key, appended now and then to a file outside the database. Whoever can
 * rewrite the database can cut the newest entries and move the head back; the anchors written
 * before still name the entry the log had reached. One JSON line an anchor.
 */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface Anchor extends ChainHead {
  at: string;
  sig: string;
}

function signature(key: Buffer, at: string, head: ChainHead): string {
  return crypto.createHmac('sha256', key).update(`${at}\n${head.seq}\n${head.hash}`).digest('hex');
}

/** Appends one signed anchor with O_APPEND (no earlier line is rewritten) and syncs it to disk. */
export async function appendAnchor(file: string, key: Buffer, head: ChainHead, at: Date): Promise<Anchor> {
  const iso = at.toISOString();
  const anchor: Anchor = { at: iso, seq: head.seq, hash: head.hash, sig: signature(key, iso, head) };
  privateFile(file);
  const handle = await fs.promises.open(file, 'a', 0o600);
  try {
    await handle.appendFile(`${JSON.stringify(anchor)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return anchor;
}

export type AnchorReading = { ok: true; anchors: Anchor[] } | { ok: false; line: number; message: string };

/**
 * Reads and checks every anchor. A line that does not parse or whose signature does not verify is
 * forged or altered; only an unterminated last line is passed over (a crash while it was written).
 */
export function readAnchors(file: string, key: Buffer): AnchorReading {
  if (!fs.existsSync(file)) return { ok: true, anchors: [] };
  const text = fs.readFileSync(file, 'utf8');
  // What follows the last newline is either nothing or a line cut short by a crash.
  const complete = text.split('\n').slice(0, -1);
  const anchors: Anchor[] = [];
  for (const [i, line] of complete.entries()) {
    const anchor = parseAnchor(line);
    if (!anchor || anchor.sig !== signature(key, anchor.at, anchor)) {
      return { ok: false, line: i + 1, message: `the anchor on line ${i + 1} of ${file} has a bad signature (forged or altered)` };
    }
    anchors.push(anchor);
  }
  return { ok: true, anchors };
}

function parseAnchor(line: string): Anchor | null {
  try {
    const value = JSON.parse(line) as Partial<Anchor>;
    if (typeof value.at !== 'string' || typeof value.seq !== 'number' || typeof value.hash !== 'string' || typeof value.sig !== 'string') {
      return null;
    }
    return { at: value.at, seq: value.seq, hash: value.hash, sig: value.sig };
  } catch {
    return null;
  }
}

/**
 * Anchors the head every `seconds` when it moved, and once more at shutdown. It reads the committed
 * head off the request path (one query a period), so appends pay nothing for it.
 */
export class AnchorWriter {
  private last: ChainHead | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly key: Buffer,
    private readonly readHead: () => Promise<ChainHead>,
    private readonly now: () => Date,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(seconds: number): void {
    this.timer = setInterval(() => {
      this.running = this.running
        .then(async () => {
          await this.anchorIfMoved();
        })
        .catch(this.onError);
    }, seconds * 1000);
    this.timer.unref();
  }

  /** Writes an anchor if the head moved since the last one; answers whether it wrote. */
  async anchorIfMoved(): Promise<boolean> {
    const head = await this.readHead();
    if (head.seq === 0 || (this.last && this.last.seq === head.seq && this.last.hash === head.hash)) return false;
    await appendAnchor(this.file, this.key, head, this.now());
    this.last = { seq: head.seq, hash: head.hash };
    return true;
  }

  /** Stops the timer and anchors the final head (call before the database is closed). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.anchorIfMoved();
  }
}

/** The server's writer: the committed head (on SQLite, durable too) from the hot-read handle. */
export function startAuditAnchors(
  ctx: Pick<AppContext, 'db' | 'reads' | 'config' | 'keys' | 'clock'>,
  onError: (err: unknown) => void,
): AnchorWriter {
  const query = ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).compile();
  const readHead = async (): Promise<ChainHead> => {
    const [row] = await ctx.reads.rows(query);
    if (!row) throw new Error('audit_head is missing');
    return { seq: Number(row.seq), hash: row.hash };
  };
  const writer = new AnchorWriter(ctx.config.auditAnchorFile, ctx.keys.anchor, readHead, () => ctx.clock.now(), onError);
  writer.start(ctx.config.auditAnchorSeconds);
  return writer;
}
