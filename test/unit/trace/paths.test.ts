// Reachability over a heap state: the chain of referrers that keeps an object alive, and the
// objects only cycles keep alive.
import { strict as assert } from 'node:assert';
import type { Holder } from '../../../src/engine/trace/events';
import { EventRecorder } from '../../../src/engine/trace/recorder';
import { Timeline } from '../../../src/engine/trace/timeline';

const D = 0x7f0000001000;
const L = 0x7f0000002000;
const X = 0x7f0000003000;
const A = 0x7f0000004000;
const B = 0x7f0000005000;
const N = 0x7f0000006000;
const g = (name: string): Holder => ({ kind: 'name', frame: 0, name, scope: 'global' });
const slot = (obj: number, label: string): Holder => ({ kind: 'object', obj, label });

function heap(): Timeline {
  const r = new EventRecorder();
  r.line(1, 0); // cache = {'k': [0, 0, 0, x]}
  r.alloc(N, 'NoneType', 16, 0, 'None', ['shared'], false);
  r.alloc(D, 'dict', 184, 1, "{'k': [...]}", undefined, true, g('cache'));
  r.alloc(L, 'list', 88, 1, '[0, 0, 0, <X>]', undefined, true, slot(D, "['k']"));
  r.alloc(X, 'X', 48, 1, '<X object>', undefined, true, slot(L, '[3]'));
  r.incref(N, 2, slot(X, '.next'));
  r.line(2, 0); // a = A(); b = B(); a.other = b; b.other = a
  r.alloc(A, 'A', 48, 2, '<A object>', undefined, true, g('a'));
  r.alloc(B, 'B', 48, 2, '<B object>', undefined, true, g('b'));
  r.incref(B, 2, slot(A, '.other'));
  r.incref(A, 2, slot(B, '.other'));
  r.line(3, 0); // del a, b
  r.decref(A, 1, g('a'));
  r.decref(B, 1, g('b'));
  return new Timeline(r.events);
}

describe('trace/paths', () => {
  const tl = heap();

  it('gives the shortest chain of referrers from a root', () => {
    assert.deepEqual(tl.keptAliveBy(X, 0)!.map((r) => r.text), [
      'name `cache` in <module>',
      "dict 0x7f0000001000['k']",
      'list 0x7f0000002000[3]',
    ]);
    assert.deepEqual(tl.keptAliveBy(D, 0)!.map((r) => r.text), ['name `cache` in <module>']);
    assert.deepEqual(tl.keptAliveBy(N, 0), []); // interpreter-owned
    assert.deepEqual(tl.keptAliveBy(B, 1)!.map((r) => r.text), ['name `b` in <module>']);
    assert.deepEqual(tl.keptAliveBy(B, 2), null);
    assert.equal(tl.keptAliveBy(0x1234, 2), null);
  });

  it('finds the objects only cycles keep alive', () => {
    assert.deepEqual(tl.cycleOnlyAt(0), []);
    assert.deepEqual(tl.cycleOnlyAt(1), []);
    assert.deepEqual(tl.cycleOnlyAt(2), [A, B]);
  });
});
