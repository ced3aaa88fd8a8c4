// Records what real CPython prints for every oracle program (test/oracle/programs/<category>/<name>.py,
// plus the user-facing examples/<name>.py as category "examples") into
// test/oracle/expected/<category>/<name>.json, one entry per Python version. These files are the
// only source of expected outputs for test/oracle/oracle.test.ts: nothing there is typed by hand.
//
// Usage: npm run oracle:record [-- [filter] [--check] [--prune]]
//   filter   substring of "category/name"; only matching programs are run
//   --check  run and compare against the recorded files, write nothing (exit 1 on any difference)
//   --prune  delete expected files whose program no longer exists
//
// Each program runs as a user would run it: `python3 <name>.py` with cwd = the program's folder (so a
// traceback says File "<name>.py"), under pyenv (PYENV_VERSION). It runs three times: with the default
// random hash seed, with PYTHONHASHSEED=0 and with PYTHONHASHSEED=1; the recorder refuses to record a
// program whose runs differ (its output would not depend only on the program).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROGRAMS = join(ROOT, 'test', 'oracle', 'programs');
const EXAMPLES = join(ROOT, 'examples');
const EXPECTED = join(ROOT, 'test', 'oracle', 'expected');
/** Profile version -> pyenv version installed on the machine. */
const VERSIONS = [
  ['3.10', '3.10.13'],
  ['3.11', '3.11.7'],
  ['3.12', '3.12.1'],
  ['3.13', '3.13.0'],
];
const TIMEOUT_MS = 20_000;
/** undefined = leave the seed random, as a user's run does */
const SEEDS = [undefined, '0', '1'];

function parseArgs(argv) {
  const opts = { filter: '', check: false, prune: false };
  for (const a of argv) {
    if (a === '--check') opts.check = true;
    else if (a === '--prune') opts.prune = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run oracle:record [-- [filter] [--check] [--prune]]');
      process.exit(0);
    } else if (a.startsWith('--')) {
      console.error(`oracle-record: unknown option ${a}`);
      process.exit(2);
    } else opts.filter = a;
  }
  return opts;
}

function pyFiles(dir, category) {
  return readdirSync(dir)
    .sort()
    .filter((f) => f.endsWith('.py'))
    .map((f) => ({ category, name: f.slice(0, -3), file: join(dir, f) }));
}

/** All programs as { category, name, file }, sorted; examples/ last, as category "examples". */
function listPrograms() {
  const out = [];
  if (existsSync(PROGRAMS)) {
    for (const category of readdirSync(PROGRAMS).sort()) {
      const dir = join(PROGRAMS, category);
      if (statSync(dir).isDirectory()) out.push(...pyFiles(dir, category));
    }
  }
  if (existsSync(EXAMPLES)) out.push(...pyFiles(EXAMPLES, 'examples'));
  return out;
}

/** The environment of a clean user shell: no PYTHON* variables that change the interpreter. */
function baseEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('PYTHON') && k !== 'PYENV_VERSION' && v !== undefined) env[k] = v;
  }
  env.LC_ALL = 'C.UTF-8';
  env.LANG = 'C.UTF-8';
  return env;
}

function lastNonEmptyLine(text) {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  return lines.length ? lines[lines.length - 1] : '';
}

function runOnce(prog, pyenvVersion, seed) {
  const env = { ...baseEnv(), PYENV_VERSION: pyenvVersion };
  if (seed !== undefined) env.PYTHONHASHSEED = seed;
  const r = spawnSync('python3', [`${prog.name}.py`], {
    cwd: dirname(prog.file),
    env,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error) return { error: `${r.error.code ?? ''} ${r.error.message}`.trim() };
  if (r.status === null) return { error: `killed by ${r.signal}` };
  return { stdout: r.stdout, exit: r.status, stderrLast: lastNonEmptyLine(r.stderr), stderr: r.stderr };
}

/** Runs a program under one version with every seed; returns the entry or a reason to refuse it. */
function record(prog, pyenvVersion) {
  let first;
  for (const seed of SEEDS) {
    const r = runOnce(prog, pyenvVersion, seed);
    if (r.error) return { problem: `run failed (${r.error})` };
    if (r.exit !== 0 && r.exit !== 1) return { problem: `exit code ${r.exit}: ${r.stderrLast}` };
    if (r.exit === 0 && r.stderr.trim() !== '') return { problem: `exit 0 but stderr: ${r.stderrLast}` };
    const entry = { stdout: r.stdout, exit: r.exit, stderrLast: r.stderrLast };
    if (!first) first = entry;
    else if (JSON.stringify(first) !== JSON.stringify(entry)) {
      const seedText = seed === undefined ? 'random' : seed;
      return { problem: `not deterministic (differs with PYTHONHASHSEED=${seedText})` };
    }
  }
  return { entry: first };
}

/** Refuses to record with an interpreter that is not the exact version a profile is checked against. */
function checkInterpreters() {
  for (const [, full] of VERSIONS) {
    const r = spawnSync('python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
      env: { ...baseEnv(), PYENV_VERSION: full },
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
    });
    const got = (r.stdout ?? '').trim();
    if (r.status !== 0 || got !== full) {
      console.error(`oracle-record: PYENV_VERSION=${full} python3 is ${got || 'not runnable'}; install it with pyenv (\`pyenv install ${full}\`)`);
      process.exit(2);
    }
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  checkInterpreters();
  const programs = listPrograms().filter((p) => `${p.category}/${p.name}`.includes(opts.filter));
  if (programs.length === 0) {
    console.error(`oracle-record: no program matches "${opts.filter}" under ${relative(ROOT, PROGRAMS)}`);
    process.exit(2);
  }
  const problems = [];
  const differs = [];
  let written = 0;
  let unchanged = 0;
  let mismatched = 0;
  let failing = 0;
  const started = Date.now();
  for (const prog of programs) {
    const key = `${prog.category}/${prog.name}`;
    const result = {};
    let ok = true;
    for (const [short, full] of VERSIONS) {
      const r = record(prog, full);
      if (r.problem) {
        problems.push(`${key}@${short}: ${r.problem}`);
        ok = false;
        break;
      }
      result[short] = r.entry;
      if (r.entry.exit !== 0) failing++;
    }
    if (!ok) {
      process.stdout.write('x');
      continue;
    }
    const target = join(EXPECTED, prog.category, `${prog.name}.json`);
    const text = JSON.stringify(result, null, 2) + '\n';
    const old = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (old === text) {
      unchanged++;
    } else if (opts.check) {
      mismatched++;
      differs.push(`${key}: recorded file ${old === undefined ? 'missing' : 'out of date'}`);
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      written++;
    }
    process.stdout.write('.');
  }
  process.stdout.write('\n');

  const stale = [];
  if (existsSync(EXPECTED) && !opts.filter) {
    const names = new Set(listPrograms().map((p) => `${p.category}/${p.name}`));
    for (const category of readdirSync(EXPECTED)) {
      for (const f of readdirSync(join(EXPECTED, category))) {
        if (f.endsWith('.json') && !names.has(`${category}/${f.slice(0, -5)}`)) stale.push(join(EXPECTED, category, f));
      }
    }
  }
  for (const s of stale) {
    if (opts.prune && !opts.check) rmSync(s);
    console.log(`${opts.prune && !opts.check ? 'removed' : 'stale (use --prune)'}: ${relative(ROOT, s)}`);
  }

  for (const d of differs) console.log(`DIFFERS ${d}`);
  for (const p of problems) console.log(`REFUSED ${p}`);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `oracle-record: ${programs.length} programs x ${VERSIONS.length} versions in ${secs}s; ` +
      (opts.check ? `${unchanged} up to date, ${mismatched} differ` : `${written} written, ${unchanged} unchanged`) +
      `, ${failing} runs exit 1 (uncaught exception), ${problems.length} refused`,
  );
  process.exit(problems.length || differs.length ? 1 : 0);
}

main();
