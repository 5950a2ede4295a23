#!/usr/bin/env node
// `npm run test:faults [-- --record] [-- <vitest args>]`: the reliability suite (issue 15, SECURITY.md
// 25, 28, 33) — real server processes killed under load, cut off from or stalled by PostgreSQL, on a
// full disk, restored over. Vitest prints its closing summary; the exit code is Vitest's. Each scenario
// leaves its figures in a folder; they are merged into test-results/reliability.json and, with
// --record (or FAULTS_RECORD=1), into bench/results/latest.json under `reliability`, the other keys
// left as they are. PostgreSQL comes from TEST_DATABASE_URL; without it (or without root for the
// tmpfs) those scenarios are skipped, and fail under CI=true.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const record = args.includes('--record') || process.env.FAULTS_RECORD === '1';
const passThrough = args.filter((a) => a !== '--record');
const figuresDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-faults-figures-'));

const started = Date.now();
const result = spawnSync('npx', ['vitest', 'run', '--project', 'faults', ...passThrough], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FAULTS_FIGURES_DIR: figuresDir },
});

const scenarios = {};
for (const file of fs.readdirSync(figuresDir).sort()) {
  if (file.endsWith('.json')) scenarios[file.slice(0, -'.json'.length)] = JSON.parse(fs.readFileSync(path.join(figuresDir, file), 'utf8'));
}
fs.rmSync(figuresDir, { recursive: true, force: true });
const reliability = {
  date: new Date().toISOString(),
  seconds: Math.round((Date.now() - started) / 100) / 10,
  passed: result.status === 0,
  postgres: process.env.TEST_DATABASE_URL ? 'run' : 'not run (TEST_DATABASE_URL is not set)',
  scenarios,
};
const out = path.join(root, 'test-results', 'reliability.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(reliability, null, 2)}\n`);
console.log(`reliability figures (${Object.keys(scenarios).length} scenarios): ${path.relative(root, out)}`);

if (record) {
  // The bench's file: rewritten whole through a temporary file (as bench/src/run.ts does), one key changed.
  const latest = path.join(root, 'bench', 'results', 'latest.json');
  const results = fs.existsSync(latest) ? JSON.parse(fs.readFileSync(latest, 'utf8')) : {};
  results.reliability = reliability;
  fs.writeFileSync(`${latest}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(`${latest}.tmp`, latest);
  console.log(`recorded under "reliability" in ${path.relative(root, latest)}`);
}
process.exit(result.status ?? 1);
