// The `pymem` command as a user runs it (bin/pymem.js over the bundle `npm test` builds first): stdout
// is what CPython printed (the oracle's recordings), exit codes per README (0 ok, 1 exception or
// SyntaxError, 2 usage, 3 unsupported, 4 budget), `--json` is one JSON document whose events replay,
// `report` prints its sections, and bad input never shows a JavaScript stack trace.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TraceEvent } from '../../../src/engine/trace/events';
import { Timeline } from '../../../src/engine/trace/timeline';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'pymem.js');
const PROGRAMS = join(ROOT, 'test', 'oracle', 'programs');
const VERSIONS = ['3.10', '3.11', '3.12', '3.13'] as const;

/** what the real interpreter printed for a program (test/oracle/expected, recorded by the oracle script) */
function recorded(name: string, version: string): { stdout: string; exit: number; stderrLast: string } {
  const all = JSON.parse(readFileSync(join(ROOT, 'test', 'oracle', 'expected', `${name}.json`), 'utf8')) as Record<string, { stdout: string; exit: number; stderrLast: string }>;
  return all[version]!;
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? '';
}
const dir = mkdtempSync(join(tmpdir(), 'pymem-cli-'));

function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function pymem(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const JS_TRACE = /\n\s+at .+\(.*:\d+:\d+\)|TypeError: Cannot|ReferenceError/;

describe('cli/pymem', function () {
  this.timeout(120_000);

  it('run: prints what CPython printed for the program, per version, exit 0', () => {
    for (const version of VERSIONS) {
      const want = recorded('examples/refcounts', version);
      const r = pymem('run', join(ROOT, 'examples', 'refcounts.py'), '--python', version);
      assert.equal(r.stdout, want.stdout, version);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
    }
  });

  it('run: an uncaught exception is a traceback on stderr ending as CPython\'s, exit 1', () => {
    for (const version of VERSIONS) {
      const want = recorded('core/exc_uncaught_custom', version);
      const r = pymem('run', join(PROGRAMS, 'core', 'exc_uncaught_custom.py'), '--python', version);
      assert.equal(r.stdout, want.stdout, version);
      assert.match(r.stderr, /^Traceback \(most recent call last\):\n/);
      assert.equal(lastLine(r.stderr), want.stderrLast, version);
      assert.equal(r.status, want.exit);
    }
  });

  it('run: a syntax error is exit 1 with CPython\'s SyntaxError line', () => {
    const want = recorded('core/exc_syntax_error', '3.12');
    const r = pymem('run', join(PROGRAMS, 'core', 'exc_syntax_error.py'), '--python', '3.12');
    assert.equal(lastLine(r.stderr), want.stderrLast);
    assert.equal(r.status, want.exit);
  });

  it('usage errors are exit 2: no file, unknown option, unknown version, missing file', () => {
    for (const args of [['run'], ['run', 'x.py', '--frobnicate'], ['run', file('v.py', 'pass\n'), '--python', '2.7'], ['run', join(dir, 'missing.py')], ['dance']]) {
      const r = pymem(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^pymem: /, args.join(' '));
    }
  });

  it('an unsupported construct is exit 3 and names the line', () => {
    const r = pymem('run', file('match.py', 'print(1)\nmatch 1:\n    case 1:\n        pass\n'));
    assert.equal(r.stdout, '1\n');
    assert.match(r.stderr, /line 2/);
    assert.equal(r.status, 3);
  });

  it('the unsupported-construct message reads as a sentence (a note in parentheses does not make it plural)', () => {
    const cases: [string, string][] = [
      ['f = open("x.txt")\n', 'line 1: `open()` and file objects are not simulated yet'],
      ['import json\n', 'line 1: `import json` (simulated modules: gc, multiprocessing, sys, threading, time, tracemalloc, weakref) is not simulated yet'],
      ['x = input()\n', 'line 1: `input()` (the simulation has no standard input) is not simulated yet'],
      ['class M(type):\n    pass\nclass C(metaclass=M):\n    pass\n', 'line 3: class keyword arguments (`metaclass=`, `__init_subclass__` keywords) are not simulated yet'],
    ];
    for (const [src, msg] of cases) {
      const r = pymem('run', file('unsupported.py', src));
      assert.equal(r.status, 3);
      assert.equal(r.stderr, `pymem: ${msg}\n`);
    }
  });

  it('an exhausted budget is exit 4 (while True: pass under --max-steps)', () => {
    const r = pymem('run', file('loop.py', 'while True:\n    pass\n'), '--max-steps', '10000');
    assert.equal(r.status, 4, r.stderr);
  });

  it('--json writes one document whose events replay into the line summaries it carries', () => {
    const r = pymem('run', join(ROOT, 'examples', 'refcounts.py'), '--json', '--python', '3.11');
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { stdout: string; events: TraceEvent[]; lineSummaries: unknown[] };
    assert.equal(doc.stdout, recorded('examples/refcounts', '3.11').stdout);
    assert.ok(Array.isArray(doc.events) && doc.events.length > 10, 'events is an array of events');
    assert.ok(doc.events.some((e) => e.k === 'alloc') && doc.events.every((e) => typeof e.k === 'string'));
    const tl = new Timeline(doc.events);
    assert.deepEqual(doc.lineSummaries, [...tl.lineSummaries().values()].sort((x, y) => x.line - y.line));
  });

  it('--trace summarizes the recording on stderr', () => {
    const r = pymem('run', file('trace.py', 'x = [[] for _ in range(3)]\n'), '--trace');
    assert.equal(r.status, 0);
    assert.match(r.stderr, /^pymem: [\d,]+ instructions, [\d,]+ events recorded, \d+ ms\n$/);
  });

  it('report: the program\'s output as CPython printed it, the per-line table and the objects alive at the end', () => {
    const r = pymem('report', join(ROOT, 'examples', 'cycle.py'), '--python', '3.13');
    assert.equal(r.status, 0, r.stderr);
    const sections = [...r.stdout.matchAll(/^── (.+?) ─+$/gm)].map((m) => m[1]);
    assert.deepEqual(sections.slice(0, 3), ['Program output', 'Memory by line (like memory_profiler)', 'Objects alive at the end']);
    const output = r.stdout.split(/^── .+$/m)[1]!.replace(/^\n/, '').replace(/\n+$/, '\n');
    assert.equal(output, recorded('examples/cycle', '3.13').stdout);
    assert.match(r.stdout, /^ +32 +1 .*found = gc\.collect\(\)/m, 'the line table has a row per line that ran, with its hits');
    assert.doesNotMatch(r.stdout + r.stderr, JS_TRACE);
  });

  it('random bytes end cleanly, without a JavaScript stack trace', () => {
    let seed = 7;
    const bytes = Buffer.alloc(4000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const cmd of ['run', 'report']) {
      const r = pymem(cmd, file('noise.py', bytes));
      assert.ok(r.status === 1 || r.status === 3, `${cmd}: exit ${r.status}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout + r.stderr, JS_TRACE);
    }
  });
});
