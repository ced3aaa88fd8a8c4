// Timeline edge cases: streams without a module call or without lines, name rebinding orders,
// suspended generator frames, unattributed references, address reuse, updates, GC generations,
// GC and GIL markers, objects with many holders.
import { strict as assert } from 'node:assert';
import type { HeapState } from '../../../src/engine/api';
import type { Holder } from '../../../src/engine/trace/events';
import { EventRecorder } from '../../../src/engine/trace/recorder';
import { Timeline } from '../../../src/engine/trace/timeline';

const A = 0x7f0000001000;
const B = 0x7f0000002000;
const C = 0x7f0000003000;
const g = (name: string): Holder => ({ kind: 'name', frame: 0, name, scope: 'global' });

function names(s: HeapState, frame = 0): [string, number][] {
  const f = s.frames.find((x) => x.id === frame);
  return f === undefined ? [] : f.names.map((n) => [n.name, n.obj]);
}

function last(r: EventRecorder): HeapState {
  const tl = new Timeline(r.events);
  return tl.stateAt(tl.stepCount - 1);
}

describe('trace/Timeline edge cases', () => {
  it('handles empty streams and streams without line events', () => {
    const empty = new Timeline([]);
    assert.equal(empty.stepCount, 1);
    assert.deepEqual(empty.stateAt(0), { step: 0, line: 0, frames: [], objects: [], liveBytes: 0 });
    assert.equal(empty.lineSummaries().size, 0);
    const r = new EventRecorder();
    r.alloc(A, 'list', 56, 1, '[]');
    const tl = new Timeline(r.events);
    assert.equal(tl.stepCount, 1);
    assert.equal(tl.stateAt(0).objects.length, 1);
    assert.equal(tl.lineSummaries().size, 0);
  });

  it('creates the module frame when no call event announces it', () => {
    const r = new EventRecorder();
    r.line(3, 0);
    r.alloc(A, 'list', 56, 3, '[]', undefined, true, g('a'));
    const s = last(r);
    assert.deepEqual(s.frames.map((f) => [f.id, f.name, f.parent, f.line, f.thread]), [[0, '<module>', null, 3, 0]]);
    assert.deepEqual(names(s), [['a', A]]);
    assert.deepEqual(s.objects[0]!.referrers.map((x) => [x.text, x.count]), [['name `a` in <module>', 1]]);
  });

  it('keeps a name bound through `x = x` and follows rebinding in either order', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.alloc(A, 'list', 56, 1, '[]', undefined, true, g('x'));
    r.alloc(B, 'list', 56, 1, '[]', undefined, true, g('y'));
    r.line(2, 0); // x = x
    r.incref(A, 2, g('x'));
    r.decref(A, 1, g('x'));
    r.line(3, 0); // x = y: incref new, then decref old
    r.incref(B, 2, g('x'));
    r.decref(A, 0, g('x'));
    r.dealloc(A);
    r.line(4, 0); // y = <new>: old dropped first, then the new one bound
    r.decref(B, 1, g('y'));
    r.alloc(C, 'dict', 64, 4, '{}', undefined, true, g('y'));
    const tl = new Timeline(r.events);
    assert.deepEqual(names(tl.stateAt(1)), [['x', A], ['y', B]]);
    assert.deepEqual(names(tl.stateAt(2)), [['x', B], ['y', B]]);
    assert.deepEqual(names(tl.stateAt(3)), [['x', B], ['y', C]]);
    assert.deepEqual(tl.stateAt(2).objects.find((o) => o.id === B)!.referrers.map((x) => x.text), [
      'name `y` in <module>',
      'name `x` in <module>',
    ]);
  });

  it('parks a suspended generator frame with its names and restores them on resume', () => {
    const r = new EventRecorder();
    const local: Holder = { kind: 'name', frame: 5, name: 'i', scope: 'local' };
    r.line(1, 0);
    r.call(5, 0, 'gen', 1);
    r.line(2, 5);
    r.alloc(A, 'int', 28, 2, '1000', undefined, false, local);
    r.ret(5, A); // yield
    r.line(4, 0, true);
    r.call(5, 0, 'gen', 2); // resume
    r.line(3, 5);
    r.decref(A, 0, local);
    r.dealloc(A);
    r.ret(5, null);
    r.line(5, 0, true);
    const tl = new Timeline(r.events);
    assert.deepEqual(tl.stateAt(0).frames.map((f) => [f.id, f.line]), [[0, 1], [5, 1]]);
    assert.deepEqual(tl.stateAfterEvent(tl.stepInfo(1).endEvent - 1).frames.map((f) => [f.id, f.line]), [[0, 1], [5, 2]]);
    assert.deepEqual(names(tl.stateAfterEvent(tl.stepInfo(1).endEvent - 1), 5), [['i', A]]);
    assert.deepEqual(tl.stateAt(1).frames.map((f) => f.id), [0]); // suspended: not on the stack
    assert.deepEqual(names(tl.stateAt(2), 5), [['i', A]]); // resumed with its local
    assert.deepEqual(tl.stateAt(2).frames.map((f) => [f.id, f.line]), [[0, 4], [5, 2]]);
    assert.deepEqual(tl.stateAt(3).frames.map((f) => f.id), [0]);
    assert.equal(tl.stateAt(3).objects.length, 0);
  });

  it('takes frames threads from the call event or the parent frame', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.call(1, 0, 'worker', 10, 2);
    r.call(2, 1, 'helper', 20);
    r.line(21, 2);
    assert.deepEqual(last(r).frames.map((f) => [f.name, f.thread]), [['<module>', 0], ['worker', 2], ['helper', 2]]);
  });

  it('groups unattributed references and never invents holders for the rest of a refcount', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.alloc(A, 'list', 56, 1, '[]', undefined, true); // temporary 1
    r.incref(A, 2); // temporary 2
    r.incref(A, 3, { kind: 'stack', frame: 0 });
    r.incref(A, 4, { kind: 'stack', frame: 0 });
    r.line(2, 0);
    r.decref(A, 3, g('never-bound')); // not held by that name: one of the temporaries went
    r.line(3, 0);
    r.incref(A, 9, g('a')); // the rc jumps (a VM that counts refs it does not name): shown as is
    const tl = new Timeline(r.events);
    const refs = (s: number) => tl.stateAt(s).objects[0]!.referrers.map((x) => [x.text, x.count]);
    assert.deepEqual(refs(0), [['other (temporary)', 2], ['value stack of <module>', 2]]);
    assert.deepEqual(refs(1), [['other (temporary)', 1], ['value stack of <module>', 2]]);
    const o = tl.stateAt(2).objects[0]!;
    assert.equal(o.refcount, 9);
    assert.equal(o.referrers.reduce((n, x) => n + x.count, 0), 4);
    // a decref no holder can explain changes the count only
    const r2 = new EventRecorder();
    r2.alloc(A, 'list', 56, 1, '[]', undefined, true, g('a'));
    r2.decref(A, 0, { kind: 'stack', frame: 0 });
    const o2 = new Timeline(r2.events).stateAt(0).objects[0]!;
    assert.equal(o2.refcount, 0);
    assert.deepEqual(o2.referrers.map((x) => x.text), ['name `a` in <module>']);
  });

  it('follows an address through reuse', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.alloc(A, 'list', 56, 1, '[]', undefined, true, g('a'));
    r.line(2, 0);
    r.decref(A, 0, g('a'));
    r.dealloc(A);
    r.line(3, 0);
    r.alloc(A, 'tuple', 48, 3, '(1,)', undefined, false, g('t'));
    r.incref(A, 2, { kind: 'stack', frame: 0 });
    const tl = new Timeline(r.events);
    assert.equal(tl.stateAt(0).objects[0]!.type, 'list');
    assert.equal(tl.stateAt(1).objects.length, 0);
    assert.equal(tl.stateAt(2).objects[0]!.type, 'tuple');
    assert.deepEqual(tl.objectHistory(A, 0), {
      id: A, type: 'list', line: 1, allocStep: 0, allocEvent: 1, deallocStep: 1, deallocReason: 'refcount',
      refcounts: [{ step: 0, refcount: 1 }, { step: 1, refcount: 0 }],
    });
    const t = tl.objectHistory(A)!;
    assert.deepEqual([t.type, t.allocStep, t.deallocStep, t.refcounts], ['tuple', 2, null, [{ step: 2, refcount: 2 }]]);
    assert.equal(tl.referrerText({ kind: 'object', obj: A, label: '[0]' }, 0), 'list 0x7f0000001000[0]');
    assert.equal(tl.referrerText({ kind: 'object', obj: A, label: '[0]' }, 2), 'tuple 0x7f0000001000[0]');
  });

  it('applies updates and GC generations', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.alloc(A, 'list', 56, 1, '[]', undefined, true, g('a'));
    r.alloc(B, 'tuple', 48, 1, '(1, 2)', undefined, true, g('b'));
    r.line(2, 0);
    r.update(A, 88, '[1, 2, 3, 4]', 4);
    r.update(B, undefined, undefined, undefined, false); // untracked: only atomic contents
    r.line(3, 0);
    r.gc('start', 0, { counts: [701, 0, 0] });
    r.gc('promote', 1, { objs: [A, B] });
    r.gc('stop', 0, { collected: 0, uncollectable: 0 });
    r.line(4, 0);
    r.gc('promote', 3, { objs: [A] }); // gc.freeze()
    const tl = new Timeline(r.events);
    const at = (s: number, id: number) => tl.stateAt(s).objects.find((o) => o.id === id)!;
    assert.deepEqual([at(2, A).size, at(2, A).repr, at(2, A).length], [88, '[1, 2, 3, 4]', 4]);
    assert.equal(tl.stateAt(1).liveBytes, 88 + 48);
    assert.equal(tl.lineSummaries().get(2)!.memoryDelta, 32);
    assert.deepEqual([at(1, B).gcTracked, at(1, B).generation], [false, undefined]);
    assert.deepEqual([at(2, A).generation, at(2, B).generation], [1, undefined]);
    assert.equal(at(3, A).generation, 3);
    assert.deepEqual(tl.gcMarkers(), [{ step: 2, endStep: 2, generation: 0, collected: 0, uncollectable: 0, firstEvent: 7 }]);
    assert.deepEqual(tl.whatHappenedOnLine(2), [
      'list 0x7f0000001000 changed: size 56 -> 88 B, length 4',
      'tuple 0x7f0000002000 changed: untracked by the GC',
    ]);
    assert.deepEqual(tl.whatHappenedOnLine(3), [
      'gc: collection of generation 0 started',
      'gc: promoted survivors (2 objects)',
      'gc: collection of generation 0 done: 0 collected, 0 uncollectable',
    ]);
  });

  it('collects GIL and thread markers and describes them', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.thread('start', 1, 'Thread-1', 10);
    r.gil('request', 1, 10);
    r.line(2, 0);
    r.gil('drop_request', 1, 5010);
    r.gil('release', 0, 5011, 'drop_request');
    r.gil('acquire', 1, 5012);
    const tl = new Timeline(r.events);
    assert.deepEqual(tl.gilMarkers().map((m) => [m.step, m.kind, m.what, m.thread]), [
      [0, 'thread', 'start', 1], [0, 'gil', 'request', 1], [1, 'gil', 'drop_request', 1], [1, 'gil', 'release', 0], [1, 'gil', 'acquire', 1],
    ]);
    assert.equal(tl.gilMarkers()[3]!.reason, 'drop_request');
    assert.deepEqual(tl.whatHappenedOnLine(2), [
      'thread 1 requested a drop of the GIL',
      'thread 0 released the GIL (drop_request)',
      'thread 1 took the GIL',
    ]);
    assert.deepEqual(tl.whatHappenedOnLine(1), ['thread 1 (Thread-1) started', 'thread 1 asked for the GIL']);
  });

  it('keeps exact counts for an object with many holders', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.alloc(A, 'NoneType', 16, 0, 'None', ['immortal'], false, { kind: 'interpreter', what: 'singleton' });
    r.alloc(B, 'list', 56 + 8 * 40, 1, '[None, ...]', undefined, true, g('l'));
    let rc = 1;
    for (let i = 0; i < 40; i++) r.incref(A, ++rc, { kind: 'object', obj: B, label: `[${i}]` });
    r.incref(A, ++rc, { kind: 'object', obj: B, label: '[7]' });
    r.line(2, 0);
    for (let i = 0; i < 40; i += 2) r.decref(A, --rc, { kind: 'object', obj: B, label: `[${i}]` });
    const tl = new Timeline(r.events, { checkpointEvery: 8 });
    const none0 = tl.stateAt(0).objects[0]!;
    assert.equal(none0.referrers.length, 41);
    assert.equal(none0.referrers.find((x) => x.text === 'list 0x7f0000002000[7]')!.count, 2);
    const none1 = tl.stateAt(1).objects[0]!;
    assert.equal(none1.referrers.length, 21);
    assert.equal(none1.referrers.reduce((n, x) => n + x.count, 0), 22);
    assert.equal(none1.refcount, 22);
    assert.ok(none1.referrers.every((x) => !/\[(0|2|38)\]$/.test(x.text)));
  });

  it('shows the holder of an immortal object with one reference, not its refcount', () => {
    const r = new EventRecorder();
    r.alloc(A, 'int', 28, 0, '1', ['small-int', 'immortal'], false, { kind: 'interpreter', what: 'small-int cache' }, 4294967295);
    r.alloc(B, 'list', 56, 0, '[]', undefined, true, g('l'), 3);
    const [one, list] = new Timeline(r.events).stateAt(0).objects;
    assert.deepEqual([one!.refcount, one!.referrers.map((x) => [x.text, x.count])], [4294967295, [['the interpreter (small-int cache)', 1]]]);
    assert.deepEqual([list!.refcount, list!.referrers.map((x) => x.count)], [3, [3]]);
  });

  it('gives the state after any event, inside a step', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.alloc(A, 'list', 56, 1, '[]', undefined, true);
    r.incref(A, 2, g('a'));
    r.decref(A, 1);
    const tl = new Timeline(r.events);
    assert.deepEqual(tl.stateAfterEvent(2).objects[0]!.referrers.map((x) => x.text), ['other (temporary)']);
    assert.equal(tl.stateAfterEvent(3).objects[0]!.refcount, 2);
    assert.equal(tl.stateAfterEvent(4).objects[0]!.refcount, 1);
    assert.equal(tl.stateAfterEvent(0).objects.length, 0);
  });
});
