#!/usr/bin/env node
// `npm run bench`: the same programs run by real CPython and by the engine, whole-process wall time side
// by side, with no step, time or event budget. Two engine columns: `pymem run --trace` (the simulation
// with full event recording: the ratio the target applies to) and `pymem report` (recording plus the
// timeline and the report text: what the extension's views cost on top). Ratios are to CPython 3.11.
// Usage: node scripts/bench.mjs [--runs N] [filter]
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsIdx = args.indexOf('--runs');
const runs = runsIdx >= 0 ? Number(args[runsIdx + 1]) : 3;
const filter = args.filter((a, i) => !a.startsWith('--') && (runsIdx < 0 || i !== runsIdx + 1))[0] ?? '';
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}
const programs = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.py') && f.includes(filter)).sort();

function time(cmd, argv, env) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${(r.stderr || '').slice(-400)}`);
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

console.log(`bench: ${runs} runs each, median wall time; ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}`);
console.log(`${'program'.padEnd(14)} ${'CPython 3.11'.padStart(13)} ${'run --trace'.padStart(12)} ${'ratio'.padStart(7)} ${'report'.padStart(10)} ${'ratio'.padStart(7)}`);
let worst = 0;
const noBudget = ['--python', '3.11', '--max-steps', '0', '--max-time-ms', '0', '--max-events', '0'];
for (const p of programs) {
  const file = join(root, 'bench', p);
  const py = time('python3', [file], { PYENV_VERSION: '3.11.7' });
  const sim = time(process.execPath, [cli, 'run', file, '--trace', ...noBudget]);
  const rep = time(process.execPath, [cli, 'report', file, ...noBudget]);
  const ratio = sim / py;
  worst = Math.max(worst, ratio);
  const ms = (v) => (v.toFixed(0) + ' ms');
  console.log(`${p.padEnd(14)} ${ms(py).padStart(13)} ${ms(sim).padStart(12)} ${(ratio.toFixed(1) + 'x').padStart(7)} ${ms(rep).padStart(10)} ${((rep / py).toFixed(1) + 'x').padStart(7)}`);
}
console.log(`worst ratio with full event recording: ${worst.toFixed(1)}x (target: at most 10x)`);
