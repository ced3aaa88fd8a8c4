// Runs the tree-dump fixtures in test/unit/parse/cases/*.txt: `# name`, source, `==>`, expected.
// The expected side is recorded from real CPython by record-cases.py (never typed by hand): either
// CPython's ast converted to our dump format, or the SyntaxError CPython raises (per version when
// 3.10 and 3.12 differ).
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PythonVersion } from '../../../src/engine/api';
import type { Node } from '../../../src/engine/parse/ast';
import { dumpAst, parse, LineIndex } from '../../../src/engine/parse/index';

const DIR = join(__dirname, 'cases');

interface Case {
  name: string;
  source: string;
  expected: string[];
}

export function readCases(text: string): Case[] {
  const lines = text.split('\n');
  const cases: Case[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i].trim()) {
      i++;
      continue;
    }
    if (!lines[i].startsWith('# ')) throw new Error(`line ${i + 1}: expected "# name"`);
    const name = lines[i++].slice(2).trim();
    const src: string[] = [];
    while (i < lines.length && lines[i] !== '==>') src.push(lines[i++]);
    i++;
    const expected: string[] = [];
    while (i < lines.length && lines[i].trim()) expected.push(lines[i++]);
    cases.push({ name, source: src.join('\n') + '\n', expected });
  }
  return cases;
}

/** nodes CPython gives no position (ast.arguments, comprehension, withitem) */
const NO_POSITION = new Set(['arguments', 'comprehension', 'withitem', 'Module']);

export function describeResult(source: string, version: PythonVersion, positions = false): string[] {
  const r = parse(source, { version });
  const lines = new LineIndex(source);
  const position = (n: Node): string | null => {
    if (NO_POSITION.has(n.kind)) return null;
    const g = lines.range(n);
    return `${g.startLine}:${g.startCol}-${g.endLine}:${g.endCol}`;
  };
  if (r.ok) return r.module.body.length ? dumpAst(r.module.body, positions ? { position } : {}).split('\n') : ['(empty)'];
  const line = lines.lineAt(r.error.span.start);
  return [`${r.error.errorType}: ${r.error.message} @ line ${line}`];
}

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
  describe(`parse cases: ${file}`, () => {
    for (const c of readCases(readFileSync(join(DIR, file), 'utf8'))) {
      it(c.name, () => {
        const perVersion = c.expected.filter((l) => /^\[3\.\d+\] /.test(l));
        if (perVersion.length) {
          for (const v of new Set(perVersion.map((l) => l.slice(1, 5) as PythonVersion))) {
            const lines = perVersion.filter((l) => l.startsWith(`[${v}] `)).map((l) => l.slice(7));
            assert.deepEqual(describeResult(c.source, v, file.startsWith('spans')), lines, `as ${v}`);
          }
        } else {
          assert.deepEqual(describeResult(c.source, '3.12', file.startsWith('spans')), c.expected);
          // an error every version raises alike, or a tree every version accepts
          for (const v of ['3.10', '3.11', '3.13'] as const) {
            if (c.expected[0]?.startsWith('(')) assert.ok(parse(c.source, { version: v }).ok, `as ${v}`);
            else assert.deepEqual(describeResult(c.source, v), c.expected, `as ${v}`);
          }
        }
      });
    }
  });
}
