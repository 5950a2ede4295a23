import fs from 'node:fs';
import path from 'node:path';
import type { Dialect, QueryCompiler } from 'kysely';

/*
 * SQL snapshots (issue 14, Deliver 6): each repository's SQL for both dialects is committed under
 * `<module>/queries/<file>.<dialect>.sql`, so a reviewer sees the SQL a change makes. The medium test
 * suite already runs every repository on SQLite and PostgreSQL, so instead of a second harness that
 * calls each function with dummy values, the suite records what it compiles: with SQL_SNAPSHOT_DIR
 * set, `connect` wraps the dialect's query compiler, and every compiled query is attributed to the
 * functions of the `*.repository.ts` file that is on the stack (the compile runs synchronously inside
 * `execute()`, so the issuing function is there). Each process appends the distinct texts it saw to
 * `<SQL_SNAPSHOT_DIR>/<pid>.jsonl`; scripts/sql-snapshots.mjs merges them into the files.
 */

/** One distinct text as a process saw it; a line of `<pid>.jsonl`. */
export interface RecordedQuery {
  dialect: 'sqlite' | 'postgres';
  /** The repository file, from the repository root: `server/src/modules/legal/legal.repository.ts`. */
  file: string;
  /** Named functions of that file on the stack, innermost first (the merge picks the innermost exported one). */
  callers: string[];
  sql: string;
}

/** The dialect unchanged, or — given a folder (SQL_SNAPSHOT_DIR) — one whose compiler records each query there. */
export function withSqlSnapshots(dialect: Dialect, name: RecordedQuery['dialect'], dir: string | undefined): Dialect {
  if (!dir) return dialect;
  const record = recorder(name, dir);
  return {
    createDriver: () => dialect.createDriver(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: (): QueryCompiler => {
      const compiler = dialect.createQueryCompiler();
      return {
        compileQuery(node, queryId) {
          const compiled = compiler.compileQuery(node, queryId);
          record(compiled.sql);
          return compiled;
        },
      };
    },
  };
}

const REPOSITORY_FILE = /(server\/src\/.+\.repository\.ts)$/;
/** Kysely plus a service and a route sit between the compiler and the repository's caller. */
const STACK_DEPTH = 40;

function recorder(dialect: RecordedQuery['dialect'], dir: string): (sql: string) => void {
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${process.pid}.jsonl`);
  // Most compiles repeat a text already seen: the raw key skips normalising it again.
  const seenRaw = new Set<string>();
  const written = new Set<string>();
  return (sql) => {
    const origin = repositoryOrigin();
    if (!origin) return;
    const raw = `${origin.file}\n${origin.callers.join(',')}\n${sql}`;
    if (seenRaw.has(raw)) return;
    seenRaw.add(raw);
    const entry: RecordedQuery = { dialect, ...origin, sql: formatSql(normalizeSql(sql, dialect)) };
    const key = `${entry.file}\n${entry.callers.join(',')}\n${entry.sql}`;
    if (written.has(key)) return;
    written.add(key);
    fs.appendFileSync(out, `${JSON.stringify(entry)}\n`);
  };
}

/** The innermost repository file on the stack and the named functions of it there; null for SQL issued elsewhere. */
function repositoryOrigin(): Pick<RecordedQuery, 'file' | 'callers'> | null {
  let file: string | null = null;
  const callers: string[] = [];
  for (const site of callSites()) {
    const match = REPOSITORY_FILE.exec(site.getFileName()?.replace(/^file:\/\//, '') ?? '');
    if (!match?.[1]) continue;
    file ??= match[1];
    const name = site.getFunctionName();
    if (match[1] === file && name && !callers.includes(name)) callers.push(name);
  }
  return file ? { file, callers } : null;
}

/** The structured stack (V8's call sites, async frames included), without formatting or source-mapping it. */
function callSites(): NodeJS.CallSite[] {
  const { prepareStackTrace, stackTraceLimit } = Error;
  let sites: NodeJS.CallSite[] = [];
  Error.stackTraceLimit = STACK_DEPTH;
  Error.prepareStackTrace = (_error, callSites) => {
    sites = callSites;
    return '';
  };
  try {
    // Reading `stack` is what calls prepareStackTrace.
    void new Error().stack;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
  return sites;
}

const PG_PLACEHOLDER = /\$\d+/g;
const MARK = '\u0001';

/**
 * Text that depends on the data is written one way: PostgreSQL's `$n` are renumbered after the
 * lists below shrink, an `in (…)` list of any length is `in (?...)`, and a multi-row `values` keeps
 * one row. Values themselves are parameters, never in the text.
 */
export function normalizeSql(sql: string, dialect: RecordedQuery['dialect']): string {
  const text = dialect === 'postgres' ? sql.replace(PG_PLACEHOLDER, MARK) : sql.replaceAll('?', MARK);
  const p = MARK;
  const item = `(?:${p}|default)`;
  const row = `\\(${item}(?:, ${item})*\\)`;
  const shrunk = text
    .replace(new RegExp(`\\bin \\(${p}(?:, ${p})*\\)`, 'g'), `in (${p}...)`)
    .replace(new RegExp(`(${row})(?:, \\1)+`, 'g'), '$1');
  let n = 0;
  return shrunk.replaceAll(MARK, () => (dialect === 'postgres' ? `$${++n}` : '?'));
}

/** Clauses that start a line, longest first so `do update set` wins over `update` and `set`. */
const CLAUSES = [
  'on conflict',
  'do update set',
  'do nothing',
  'insert into',
  'delete from',
  'inner join',
  'left join',
  'right join',
  'full join',
  'cross join',
  'group by',
  'order by',
  'union all',
  'for update',
  'select',
  'from',
  'where',
  'having',
  'limit',
  'offset',
  'returning',
  'values',
  'update',
  'set',
  'union',
  'except',
  'intersect',
  'with',
].map((clause) => clause.split(' '));

interface Token {
  text: string;
  spaced: boolean;
}

/**
 * Kysely compiles to one line; a snapshot is read as a diff, so each clause starts a line, each item
 * of a clause's list (columns, sort keys, assignments) continues on its own, and a subquery is
 * indented under the parenthesis that opens it. Other parentheses (calls, in-lists, a row of values)
 * and quoted text stay as they are.
 */
export function formatSql(sql: string): string {
  const tokens = tokenize(sql);
  const lines: string[] = [];
  let line = '';
  // One entry per open parenthesis: for a subquery, the indent of the line that opened it; else null.
  const parens: (number | null)[] = [];
  const clauseIndent = () => {
    const opener = parens.findLast((indent): indent is number => indent !== null);
    return opener === undefined ? 0 : opener + 2;
  };
  const breakLine = (indent: number) => {
    if (line.trim()) lines.push(line);
    line = ' '.repeat(indent);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const atClauseLevel = parens.length === 0 || parens.at(-1) !== null;
    const clause = atClauseLevel ? clauseAt(tokens, i) : 0;
    const closed = token.text === ')' ? parens.pop() : null;
    if (closed !== undefined && closed !== null) breakLine(closed);
    else if (clause > 0 && line.trim()) breakLine(clauseIndent());
    else if (token.spaced && line.trim()) line += ' ';
    line += token.text;
    // A clause's further words follow its first one on the line.
    for (let k = 1; k < clause; k++) line += ` ${tokens[++i]?.text ?? ''}`;
    if (token.text === '(') {
      const subquery = ['select', 'with'].includes(tokens[i + 1]?.text.toLowerCase() ?? '');
      const indent = line.length - line.trimStart().length;
      parens.push(subquery ? indent : null);
      if (subquery) breakLine(indent + 2);
    } else if (atClauseLevel && token.text.endsWith(',')) breakLine(clauseIndent() + 2);
  }
  breakLine(0);
  return lines.join('\n');
}

/** How many tokens the clause starting at `i` has, or 0. */
function clauseAt(tokens: Token[], i: number): number {
  const found = CLAUSES.find((words) => words.every((word, k) => tokens[i + k]?.text.toLowerCase() === word));
  return found?.length ?? 0;
}

/** Words, parentheses and quoted text ('…', "…", `…`, with doubled quotes inside), each with whether a space preceded it. */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let spaced = false;
  let i = 0;
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (/\s/.test(c)) {
      spaced = true;
      i++;
      continue;
    }
    let end = i + 1;
    if (c === "'" || c === '"' || c === '`') {
      while (end < sql.length && !(sql.charAt(end) === c && sql.charAt(end + 1) !== c)) end += sql.charAt(end) === c ? 2 : 1;
      end++;
    } else if (c !== '(' && c !== ')') {
      while (end < sql.length && !/[\s()'"`]/.test(sql.charAt(end))) end++;
    }
    tokens.push({ text: sql.slice(i, end), spaced });
    spaced = false;
    i = end;
  }
  return tokens;
}
