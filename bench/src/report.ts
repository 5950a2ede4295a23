export interface Target {
  name: string;
  value: number;
  unit: string;
  target: string;
  met: boolean;
}

export function below(name: string, value: number, limit: number, unit: string): Target {
  return { name, value, unit, target: `< ${limit} ${unit}`.trim(), met: value < limit };
}

export function atLeast(name: string, value: number, limit: number, unit: string): Target {
  return { name, value, unit, target: `>= ${limit} ${unit}`.trim(), met: value >= limit };
}

export interface Row {
  name: string;
  platform: string;
  bare: string;
  ratio: string;
  target: string;
  met: string;
}

/** A plain fixed-width table (CJK-free, so widths line up). */
export function table(rows: readonly Row[]): string {
  const header: Row = { name: 'benchmark', platform: 'platform', bare: 'bare baseline', ratio: 'ratio', target: 'target', met: 'met' };
  const all = [header, ...rows];
  const keys: (keyof Row)[] = ['name', 'platform', 'bare', 'ratio', 'target', 'met'];
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: Row) =>
    keys
      .map((k, i) => r[k].padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
