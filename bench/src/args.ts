/** Command-line options of `npm run bench` (extra args are forwarded by the root script). */
export interface BenchOptions {
  /** Smoke run: import only the two demo counties, short load phases. */
  quick: boolean;
  /** County codes to import; empty = national. */
  only: string[];
  /** Seconds of measured load per HTTP phase. */
  duration: number;
  /** Seconds of unmeasured load before each measured phase (JIT, caches). */
  warmup: number;
  connections: number;
  /** Alternating platform/bare rounds per HTTP benchmark (best round of each side counts). */
  rounds: number;
  /** Where the results JSON goes. */
  out: string | null;
  /** Skip the PostgreSQL import even when a URL is set. */
  skipPostgres: boolean;
  /** `national`: also the indicators benchmark over the national list with 10M records (issue 6). */
  scale: 'default' | 'national';
}

const QUICK_COUNTIES = ['610423', '340321'];

function numberArg(name: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`--${name} must be a number from ${min} to ${max}, not ${raw ?? '(missing)'}`);
  return value;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    quick,
    only: quick ? [...QUICK_COUNTIES] : [],
    duration: quick ? 3 : 10,
    warmup: quick ? 1 : 2,
    connections: 10,
    rounds: quick ? 1 : 2,
    out: null,
    skipPostgres: false,
    scale: 'default',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--quick':
        break;
      case '--only': {
        const codes = (value() ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        if (codes.length === 0 || codes.some((c) => !/^\d{6}$/.test(c))) throw new Error('--only takes county codes such as 610423,340321');
        options.only = codes;
        break;
      }
      case '--duration':
        options.duration = numberArg('duration', value(), 1, 600);
        break;
      case '--warmup':
        options.warmup = numberArg('warmup', value(), 0, 60);
        break;
      case '--connections':
        options.connections = numberArg('connections', value(), 1, 1000);
        break;
      case '--rounds':
        options.rounds = numberArg('rounds', value(), 1, 10);
        break;
      case '--out':
        options.out = value() ?? null;
        break;
      case '--no-postgres':
        options.skipPostgres = true;
        break;
      case '--scale': {
        const scale = value();
        if (scale !== 'national' && scale !== 'default') throw new Error('--scale takes national or default');
        options.scale = scale;
        break;
      }
      case '--help':
        console.log(
          'npm run bench -- [--quick] [--only 610423,340321] [--duration 10] [--warmup 2] [--connections 10] [--rounds 2] [--out file.json] [--no-postgres] [--scale national]',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg} (try --help)`);
    }
  }
  return options;
}
