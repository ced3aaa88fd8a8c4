// What a hover says for a position: lookup through the real Timeline over a synthetic event stream,
// and the Markdown built from it. CPython numbers come from fixtures/cpython-facts.json, recorded
// from the real interpreters by record-cpython-facts.mjs.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ObjectInfo, PythonVersion } from '../../../src/engine/api';
import { simulate } from '../../../src/engine/index';
import { Timeline } from '../../../src/engine/trace/timeline';
import { hoverMarkdown, refcountText } from '../../../src/host/present/hover';
import { fmt } from '../../../src/host/present/l10n';
import { lookup } from '../../../src/host/present/lookup';
import { nameAt, offsetAt, scan } from '../../../src/host/present/source';
import { LIST, OBJ, SAMPLE_SOURCE, TMP1, sampleEvents } from './fixtures/sample';

type Facts = Record<PythonVersion, { getrefcount_None: number; named_list_getrefcount: number }>;
const facts = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/cpython-facts.json'), 'utf8')) as Facts;

const tl = new Timeline(sampleEvents());
const src = scan(SAMPLE_SOURCE);

function hoverAt(line: number, col: number, version: PythonVersion = '3.12', detail: 'compact' | 'full' = 'compact') {
  const target = nameAt(src, offsetAt(src, line, col));
  assert.ok(target, `no name at ${line}:${col}`);
  const lk = lookup(tl, src, target);
  return { lk, md: hoverMarkdown(lk, { version, detail, t: fmt }) };
}

function obj(partial: Partial<ObjectInfo>): ObjectInfo {
  return { id: 1, type: 'list', size: 56, refcount: 1, flags: [], line: 1, repr: '[]', gcTracked: true, referrers: [], ...partial };
}

describe('host/present/hover', () => {
  it('shows the object bound right after the line last ran, with refcount and getrefcount', () => {
    const { lk, md } = hoverAt(2, 0); // `alias` on line 2: data + alias hold the list
    assert.equal(lk.kind, 'object');
    assert.equal(lk.kind === 'object' && lk.obj.id, LIST);
    assert.match(md, /`list` at `0x7f0000001000`/);
    assert.match(md, /refcount \*\*2\*\* · `sys.getrefcount\(alias\)` → \*\*3\*\*/);
    assert.match(md, /size 72 B \(`sys.getsizeof`\) · GC tracked, generation 0/);
    assert.match(md, /referenced by: .*data.*alias/);
    assert.match(md, /allocated at line 1/);
    assert.match(md, /`\[1, 2\]`/);
    assert.match(md, /simulated CPython 3\.12/);
  });

  it('a call line is read after the call returned (its resumed step)', () => {
    const { lk, md } = hoverAt(6, 0); // `r = f(data)`
    assert.equal(lk.kind === 'object' && lk.obj.id, LIST);
    assert.match(md, /refcount \*\*3\*\* · `sys.getrefcount\(r\)` → \*\*4\*\*/); // data, alias, r
  });

  it('a local name is looked up in the frame that ran the line', () => {
    const { lk, md } = hoverAt(4, 4); // `q = p` inside f
    assert.equal(lk.kind, 'object');
    assert.equal(lk.kind === 'object' && lk.frame, 'f');
    assert.match(md, /in `f\(\)`/);
  });

  it('a return line whose frame is gone afterwards is read right before it ran', () => {
    const { lk } = hoverAt(5, 11); // `return q`
    assert.equal(lk.kind === 'object' && lk.obj.id, LIST);
  });

  it('a parameter shows its object in the last call', () => {
    const { lk } = hoverAt(3, 6); // `p` in def f(p)
    assert.equal(lk.target.kind, 'parameter');
    assert.equal(lk.kind === 'object' && lk.obj.id, LIST);
  });

  it('a loop line says how often it ran and shows the last run', () => {
    const { lk, md } = hoverAt(8, 4); // `tmp = [i]`
    assert.equal(lk.kind === 'object' && lk.obj.id, TMP1);
    assert.match(md, /line 8 ran 2 times; showing its last run/);
  });

  it('a line that never ran says so', () => {
    const { lk, md } = hoverAt(12, 4);
    assert.equal(lk.kind, 'never-ran');
    assert.match(md, /line 12 never ran/);
    const stopped = hoverMarkdown(lk, { version: '3.12', detail: 'compact', t: fmt, stoppedAtLine: 11 });
    assert.match(stopped, /the simulation stopped at line 11/);
  });

  it('a name deleted on its line is reported unbound', () => {
    const { lk, md } = hoverAt(9, 4); // `del alias`
    assert.equal(lk.kind, 'unbound');
    assert.match(md, /is not bound right after line 9 last ran/);
  });

  it('an attribute target follows the owner object', () => {
    const { lk, md } = hoverAt(14, 4); // obj.items
    assert.equal(lk.kind === 'object' && lk.obj.id, LIST);
    assert.match(md, /`sys.getrefcount\(obj.items\)`/);
    assert.equal(hoverAt(14, 0).lk.kind === 'object' && (hoverAt(14, 0).lk as { obj: ObjectInfo }).obj.id, OBJ);
  });

  it('the last line of a function is read before its frame is torn down', () => {
    const source = 'class Node:\n    def __init__(self):\n        self.other = []\nn = Node()\n';
    const INST = 0x5000;
    const LST = 0x6000;
    const own = new Timeline([
      { k: 'line', line: 1, frame: 0 },
      { k: 'line', line: 4, frame: 0 },
      { k: 'alloc', obj: INST, type: 'Node', size: 48, line: 4, repr: '<Node>', gcTracked: true },
      { k: 'call', frame: 1, parent: 0, name: '__init__', line: 2 },
      { k: 'incref', obj: INST, rc: 2, holder: { kind: 'name', frame: 1, name: 'self', scope: 'local' } },
      { k: 'line', line: 3, frame: 1 },
      { k: 'alloc', obj: LST, type: 'list', size: 56, line: 3, repr: '[]', gcTracked: true, holder: { kind: 'object', obj: INST, label: '.other' } },
      { k: 'decref', obj: INST, rc: 1, holder: { kind: 'name', frame: 1, name: 'self', scope: 'local' } },
      { k: 'return', frame: 1, value: null },
      { k: 'line', line: 4, frame: 0, resume: true },
      { k: 'incref', obj: INST, rc: 2, holder: { kind: 'name', frame: 0, name: 'n', scope: 'global' } },
      { k: 'decref', obj: INST, rc: 1 },
    ]);
    const s2 = scan(source);
    const target = nameAt(s2, offsetAt(s2, 3, 13))!;
    assert.deepEqual(target.path, ['self', 'other']);
    const lk = lookup(own, s2, target);
    assert.equal(lk.kind === 'object' && lk.obj.id, LST);
    const self = lookup(own, s2, nameAt(s2, offsetAt(s2, 3, 8))!);
    assert.equal(self.kind === 'object' && self.obj.id, INST);
  });

  it('immortal objects on 3.12/3.13 print what CPython prints', () => {
    for (const v of ['3.12', '3.13'] as const) {
      const { md } = hoverAt(10, 0, v); // n = None
      assert.ok(md.includes(`→ **${facts[v].getrefcount_None}**`), md);
      assert.match(md, /immortal/);
    }
  });

  it('interpreter-shared objects on 3.10/3.11 have no knowable count', () => {
    for (const v of ['3.10', '3.11'] as const) {
      const text = refcountText(obj({ type: 'NoneType', flags: ['shared'] }), 'n', v, fmt);
      assert.match(text, /not knowable/);
      assert.doesNotMatch(text, /\d{3,}/);
      const small = refcountText(obj({ type: 'int', flags: ['small-int'] }), 'i', v, fmt);
      assert.match(small, /not knowable/);
    }
  });

  it('getrefcount of a name is the refcount plus the argument reference', () => {
    // one local name is the only reference: CPython 3.11+ prints named_list_getrefcount
    for (const v of ['3.11', '3.12', '3.13'] as const) {
      const text = refcountText(obj({ refcount: 1 }), 'l', v, fmt);
      assert.ok(text.includes(`→ **${facts[v].named_list_getrefcount}**`), text);
    }
  });

  it('full detail lists more referrers and the step', () => {
    const many = obj({ referrers: Array.from({ length: 7 }, (_, i) => ({ holder: { kind: 'temporary' as const }, count: i === 0 ? 2 : 1, text: `r${i}` })) });
    const lk = { kind: 'object' as const, target: { name: 'x', path: ['x'], kind: 'name' as const, start: 0, end: 1, line: 1 }, obj: many, line: 1, step: 5, hits: 1, frame: '<module>', global: true };
    const compact = hoverMarkdown(lk, { version: '3.12', detail: 'compact', t: fmt });
    assert.match(compact, /r0 ×2; r1; r2; r3; \+3 more/);
    const full = hoverMarkdown(lk, { version: '3.12', detail: 'full', t: fmt });
    assert.match(full, /r6/);
    assert.match(full, /step 5 of the simulation/);
  });

  it('follows private attributes and names under their mangled names, as CPython stores them', () => {
    const source = 'class A:\n    def __init__(self):\n        __t = [1, 2]\n        self.__x = __t\n        self.__y = 5\na = A()\nprint(a._A__x)\n';
    const r = simulate(source, { version: '3.12', recordEvents: true, filename: 'm.py' });
    const s = scan(source);
    const rtl = new Timeline(r.events);
    const hover = (line: number, needle: string) => {
      const target = nameAt(s, offsetAt(s, line, source.split('\n')[line - 1]!.indexOf(needle)));
      assert.ok(target, needle);
      return lookup(rtl, s, target);
    };
    const x = hover(4, '__x');
    assert.equal(x.kind, 'object');
    assert.equal(x.kind === 'object' && x.obj.type, 'list');
    const t = hover(3, '__t');
    assert.equal(t.kind === 'object' && t.obj.type, 'list');
    const outside = hover(7, '_A__x');
    assert.equal(outside.kind === 'object' && outside.obj.type, 'list');
  });
});
