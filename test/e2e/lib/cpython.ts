// The real CPython interpreters (pyenv) as the end-to-end tests' source of truth: a story runs a
// prefix of its fixture followed by a probe (e.g. `print(sys.getrefcount(x))`) and expects the number
// the extension shows to be the one the interpreter printed. Nothing expected is typed by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const PYENV: Record<string, string> = { '3.10': '3.10.13', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0' };

/** The interpreter binary of pyenv version `full`, or `python3` (through pyenv's shims) if not found. */
function interpreter(full: string): string {
  const bin = join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'versions', full, 'bin', 'python3');
  return existsSync(bin) ? bin : 'python3';
}

/**
 * Runs `source` with CPython `version` ("3.12") and returns its stdout; throws with stderr on failure,
 * and when the interpreter that ran is not that version (a wrong python3 on PATH must not pass).
 */
export function runCPython(version: string, source: string): string {
  const full = PYENV[version];
  if (!full) throw new Error(`no pyenv interpreter configured for Python ${version}`);
  const [major, minor] = version.split('.');
  const guard = `import sys as _s\nif _s.version_info[:2] != (${major}, ${minor}): raise SystemExit('wrong interpreter: ' + _s.version)\n`;
  const r = spawnSync(interpreter(full), ['-'], {
    input: guard + source,
    env: { ...process.env, PYENV_VERSION: full, PYTHONHASHSEED: '0' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.error) throw new Error(`cannot run CPython ${full}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`CPython ${full} failed (${r.status}): ${r.stderr.slice(-1000)}`);
  return r.stdout;
}

/**
 * What `sys.getrefcount(name)` and `sys.getsizeof(name)` print right after line `line` of `source`
 * ran (the lines after it are dropped), with CPython `version`.
 */
export function probeAfterLine(version: string, source: string, line: number, name: string): { getrefcount: number; getsizeof: number } {
  const prefix = source.split('\n').slice(0, line).join('\n');
  const out = runCPython(version, `${prefix}\nimport sys as _sys\nprint(_sys.getrefcount(${name}), _sys.getsizeof(${name}))\n`);
  const last = out.trim().split('\n').pop() ?? '';
  const [rc, size] = last.split(' ').map(Number);
  if (!Number.isFinite(rc) || !Number.isFinite(size)) throw new Error(`unexpected probe output: ${out}`);
  return { getrefcount: rc, getsizeof: size };
}
