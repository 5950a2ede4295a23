import fs from 'node:fs';
import path from 'node:path';

/**
 * The reliability suite's figures (requests sent, acknowledged, found, duplicates, 503/507 counts,
 * times): each scenario writes its own file into FAULTS_FIGURES_DIR, which scripts/test-faults.mjs
 * merges into one report (and, with --record, into bench/results/latest.json under `reliability`).
 * Called from `finally`, so a failing scenario still leaves what it saw.
 */
export function recordFigures(scenario: string, figures: object): void {
  const dir = process.env.FAULTS_FIGURES_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${scenario}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

export function elapsedMs(since: number): number {
  return Math.round(performance.now() - since);
}
