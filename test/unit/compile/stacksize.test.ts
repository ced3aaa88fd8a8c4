// CPython's co_stacksize as compile/stacksize.ts derives it from our AST, against the values the real
// interpreters report for every function of fixtures/stacksize-corpus.py (recorded by
// record-stacksize.py), plus the generator frame size built from it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Compiler } from '../../../src/engine/compile/compiler';
import type { CodeObject } from '../../../src/engine/compile/code';
import { nlocalsplus } from '../../../src/engine/compile/stacksize';
import { parse } from '../../../src/engine/parse';
import { LineIndex } from '../../../src/engine/parse/lines';
import { getProfile } from '../../../src/engine/profiles';
import type { PythonVersion } from '../../../src/engine/api';

const dir = join(__dirname, 'fixtures');
const corpus = readFileSync(join(dir, 'stacksize-corpus.py'), 'utf8');
const recorded = JSON.parse(readFileSync(join(dir, 'stacksize-cpython.json'), 'utf8')) as Record<string, Record<string, number>>;

function codes(src: string, version: PythonVersion): Map<string, CodeObject> {
  const p = parse(src);
  if (!p.ok) throw new Error(p.error.message);
  const li = new LineIndex(src);
  const out = new Map<string, CodeObject>();
  const walk = (c: CodeObject): void => {
    for (const k of c.consts) {
      if (k.t !== 'code') continue;
      out.set(`${k.code.firstLine} ${k.code.name}`, k.code);
      walk(k.code);
    }
  };
  walk(Compiler.compileModule(p.module, getProfile(version), (o) => li.position(o).line));
  return out;
}

describe('CPython co_stacksize (compile/stacksize)', () => {
  for (const version of ['3.11', '3.12', '3.13'] as const) {
    it(`matches ${version} for every function of the corpus`, () => {
      const ours = codes(corpus, version);
      const expected = recorded[version];
      assert.ok(Object.keys(expected).length > 60);
      const got: Record<string, number | undefined> = {};
      for (const key of Object.keys(expected)) got[key] = ours.get(key)?.cpyStackSize;
      assert.deepEqual(got, expected);
    });
  }

  it('is not computed for 3.10 (its generators do not embed their frame)', () => {
    assert.equal(codes('def g():\n    yield 1\n', '3.10').get('1 g')!.cpyStackSize, undefined);
  });

  it('counts the variables of comprehensions 3.12 inlines as frame slots', () => {
    const src = 'def g(n):\n    yield {i: [j for j in range(i)] for i in range(n)}\n';
    assert.equal(nlocalsplus(codes(src, '3.11').get('1 g')!), 1);
    assert.equal(nlocalsplus(codes(src, '3.12').get('1 g')!), 3);
    assert.equal(codes(src, '3.12').get('1 g')!.cpyStackSize, 9); // measured on 3.12.1
  });
});
