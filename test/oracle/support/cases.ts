// Loads the oracle's data from disk: programs (test/oracle/programs/<category>/<name>.py, and the
// user-facing examples/<name>.py as category "examples"), their
// recorded CPython outputs (test/oracle/expected/<category>/<name>.json, written only by
// scripts/oracle-record.mjs) and the known-gaps list. Validates shapes so a broken file fails loudly.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PYTHON_VERSIONS, type PythonVersion } from '../../../src/engine/api';
import type { RecordedRun } from './compare';

export const ORACLE_DIR = resolve(__dirname, '..');
export const PROGRAMS_DIR = join(ORACLE_DIR, 'programs');
export const EXPECTED_DIR = join(ORACLE_DIR, 'expected');
export const KNOWN_GAPS_FILE = join(ORACLE_DIR, 'known-gaps.json');
export const EXAMPLES_DIR = resolve(ORACLE_DIR, '..', '..', 'examples');
export const EXAMPLES_CATEGORY = 'examples';

export type Recording = Record<PythonVersion, RecordedRun>;

export interface OracleProgram {
  category: string;
  name: string;
  /** "category/name" */
  key: string;
  file: string;
  source: string;
}

export interface OracleCase extends OracleProgram {
  expected: Recording;
}

/** "core/refcount_args@3.11": the key used in known-gaps.json. */
export function caseId(key: string, version: PythonVersion): string {
  return `${key}@${version}`;
}

/** "core/refcount_args @3.11": the mocha test title. */
export function caseTitle(key: string, version: PythonVersion): string {
  return `${key} @${version}`;
}

/** ORACLE_FILTER is a substring of either the case id or the test title ('' matches all). */
export function matchesFilter(filter: string, key: string, version: PythonVersion): boolean {
  return filter === '' || caseId(key, version).includes(filter) || caseTitle(key, version).includes(filter);
}

function pyFiles(dir: string, category: string): OracleProgram[] {
  return readdirSync(dir)
    .sort()
    .filter((f) => f.endsWith('.py'))
    .map((f) => {
      const name = f.slice(0, -3);
      const file = join(dir, f);
      return { category, name, key: `${category}/${name}`, file, source: readFileSync(file, 'utf8') };
    });
}

/** The oracle's own programs, by category folder. */
export function listPrograms(dir = PROGRAMS_DIR): OracleProgram[] {
  if (!existsSync(dir)) return [];
  const out: OracleProgram[] = [];
  for (const category of readdirSync(dir).sort()) {
    const catDir = join(dir, category);
    if (statSync(catDir).isDirectory()) out.push(...pyFiles(catDir, category));
  }
  return out;
}

/** examples/*.py, the programs a new user runs first (category "examples"). */
export function listExamples(dir = EXAMPLES_DIR): OracleProgram[] {
  return existsSync(dir) ? pyFiles(dir, EXAMPLES_CATEGORY) : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses one expected/*.json text; throws with a clear message when its shape is wrong. */
export function parseRecording(text: string, where: string): Recording {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: not JSON (${(e as Error).message})`);
  }
  if (!isRecord(data)) throw new Error(`${where}: expected an object keyed by version`);
  const extra = Object.keys(data).filter((k) => !(PYTHON_VERSIONS as readonly string[]).includes(k));
  if (extra.length) throw new Error(`${where}: unknown version keys ${extra.join(', ')}`);
  const out: Partial<Recording> = {};
  for (const v of PYTHON_VERSIONS) {
    const run = data[v];
    if (!isRecord(run)) throw new Error(`${where}: missing recording for ${v}`);
    if (typeof run.stdout !== 'string' || typeof run.exit !== 'number' || typeof run.stderrLast !== 'string') {
      throw new Error(`${where}: ${v} must have stdout (string), exit (number), stderrLast (string)`);
    }
    out[v] = { stdout: run.stdout, exit: run.exit, stderrLast: run.stderrLast };
  }
  return out as Recording;
}

export function expectedFile(program: Pick<OracleProgram, 'category' | 'name'>, dir = EXPECTED_DIR): string {
  return join(dir, program.category, `${program.name}.json`);
}

/** Programs with a recording; programs without one are returned in `unrecorded`. */
export function loadCases(
  programsDir = PROGRAMS_DIR,
  expectedDir = EXPECTED_DIR,
  examplesDir = EXAMPLES_DIR,
): { cases: OracleCase[]; unrecorded: string[] } {
  const cases: OracleCase[] = [];
  const unrecorded: string[] = [];
  for (const p of [...listPrograms(programsDir), ...listExamples(examplesDir)]) {
    const file = expectedFile(p, expectedDir);
    if (!existsSync(file)) {
      unrecorded.push(p.key);
      continue;
    }
    cases.push({ ...p, expected: parseRecording(readFileSync(file, 'utf8'), file) });
  }
  return { cases, unrecorded };
}

const GAP_KEY = /^[a-z0-9_-]+\/[A-Za-z0-9_-]+@3\.1[0-3]$/;

/** Parses known-gaps.json: { "category/name@3.x": "reason", ... }. */
export function parseKnownGaps(text: string, where: string): Map<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: not JSON (${(e as Error).message})`);
  }
  if (!isRecord(data)) throw new Error(`${where}: expected an object mapping "category/name@version" to a reason`);
  const gaps = new Map<string, string>();
  for (const [k, v] of Object.entries(data)) {
    if (!GAP_KEY.test(k)) throw new Error(`${where}: bad key "${k}" (want "category/name@3.10".."@3.13")`);
    if (typeof v !== 'string' || v.trim() === '') throw new Error(`${where}: "${k}" needs a non-empty reason`);
    gaps.set(k, v);
  }
  return gaps;
}

export function loadKnownGaps(file = KNOWN_GAPS_FILE): Map<string, string> {
  if (!existsSync(file)) return new Map();
  return parseKnownGaps(readFileSync(file, 'utf8'), file);
}

/** Writes known-gaps.json with sorted keys (used by ORACLE_UPDATE_GAPS=1). */
export function writeKnownGaps(gaps: Map<string, string>, file = KNOWN_GAPS_FILE): void {
  const obj: Record<string, string> = {};
  for (const k of [...gaps.keys()].sort()) obj[k] = gaps.get(k)!;
  writeFileSync(file, JSON.stringify(obj, null, 2) + '\n');
}
