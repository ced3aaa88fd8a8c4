// Timeline over a hand-written stream: steps and the prologue, referrers (holders, temporaries,
// stack per frame), frames and their names, line summaries, sentences, history, series, markers.
import { strict as assert } from 'node:assert';
import type { HeapState, ObjectInfo } from '../../../src/engine/api';
import { hexAddr } from '../../../src/engine/trace/format';
import { Timeline } from '../../../src/engine/trace/timeline';
import { CODE, FUNC, LIST, TWO, sampleEvents } from './sample';

const tl = new Timeline(sampleEvents());

function obj(state: HeapState, id: number): ObjectInfo {
  const o = state.objects.find((x) => x.id === id);
  assert.ok(o, `object ${hexAddr(id)} not alive at step ${state.step}`);
  return o;
}

function referrers(o: ObjectInfo): [string, number][] {
  return o.referrers.map((r) => [r.text, r.count]);
}

describe('trace/Timeline on a small program', () => {
  it('makes one step per line event, with the prologue in step 0', () => {
    assert.equal(tl.stepCount, 8);
    assert.deepEqual(tl.stepInfo(0), { line: 1, frame: 0, firstEvent: 0, endEvent: 6 });
    assert.deepEqual(
      Array.from({ length: tl.stepCount }, (_, s) => tl.stepInfo(s).line),
      [1, 2, 5, 3, 4, 5, 6, 7],
    );
    assert.equal(tl.stepInfo(3).frame, 1);
    assert.equal(tl.eventsOfStep(0)[0]!.k, 'call');
    assert.deepEqual(tl.eventsOfStep(6), [{ k: 'line', line: 6, frame: 0 }, { k: 'output', text: '2\n' }]);
    assert.deepEqual(tl.stepsOfLine(5), [2, 5]);
    assert.equal(tl.lastStepOfLine(5), 5);
    assert.equal(tl.lastStepOfLine(99), null);
    assert.equal(tl.stepOfEvent(0), 0);
    assert.equal(tl.stepOfEvent(tl.stepInfo(4).firstEvent), 4);
    assert.throws(() => tl.stateAt(8), RangeError);
    assert.throws(() => tl.stepInfo(-1), RangeError);
  });

  it('gives referrers from the holders the events named', () => {
    const s0 = tl.stateAt(0);
    const list = obj(s0, LIST);
    assert.equal(list.refcount, 1);
    assert.deepEqual(referrers(list), [['name `data` in <module>', 1]]);
    assert.equal(list.gcTracked, true);
    assert.equal(list.generation, 0);
    assert.equal(list.repr, '[1, 2]');
    // the creator's reference moved from the value stack to the name
    const s3 = tl.stateAt(3);
    assert.deepEqual(referrers(obj(s3, LIST)), [
      ['name `data` in <module>', 1],
      ['name `b` in f()', 1],
      ['name `c` in f()', 1],
    ]);
    assert.equal(obj(s3, LIST).refcount, 3);
    assert.deepEqual(referrers(obj(s3, CODE)), [
      ['other (temporary)', 1],
      ['function 0x7f00000a2000.__code__', 1],
    ]);
    const two = obj(tl.stateAt(4), TWO);
    assert.deepEqual(two.flags, ['small-int']);
    assert.equal(two.gcTracked, false);
    assert.equal(two.generation, undefined);
    assert.deepEqual(referrers(two), [
      ['the interpreter (small-int cache)', 1],
      ['value stack of f()', 1],
    ]);
  });

  it('tracks frames with their bound names', () => {
    const s3 = tl.stateAt(3);
    assert.deepEqual(
      s3.frames.map((f) => [f.id, f.name, f.parent, f.line, f.names]),
      [
        [0, '<module>', null, 5, [{ name: 'data', obj: LIST }, { name: 'f', obj: FUNC }]],
        [1, 'f', 0, 3, [{ name: 'b', obj: LIST }, { name: 'c', obj: LIST }]],
      ],
    );
    const s5 = tl.stateAt(5);
    assert.deepEqual(s5.frames.map((f) => f.id), [0]);
    assert.deepEqual(s5.frames[0]!.names.map((n) => n.name), ['data', 'f', 'n']);
    const s7 = tl.stateAt(7);
    assert.deepEqual(s7.frames[0]!.names.map((n) => n.name), ['f', 'n']);
    assert.equal(s7.objects.find((o) => o.id === LIST), undefined);
  });

  it('counts live bytes and keeps the series per step', () => {
    const all = 160 + 28 + 72;
    assert.equal(tl.stateAt(0).liveBytes, all);
    assert.equal(tl.stateAt(1).liveBytes, all + 152);
    assert.deepEqual(Array.from(tl.bytesSeries()), [all, all + 152, all + 152, all + 152, all + 152, all + 152, all + 152, all + 152 - 72]);
    assert.ok(tl.bytesSeries() instanceof Float64Array);
  });

  it('summarises lines: hits without resumed steps, allocations, frees, refcount changes', () => {
    const sums = tl.lineSummaries();
    assert.deepEqual([...sums.keys()].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7]);
    const l1 = sums.get(1)!;
    // the prologue (code object, cached int) falls in step 0, line 1; the cached int belongs to the
    // interpreter (holder kind 'interpreter'), so the line did not allocate it, but it is live memory
    assert.deepEqual(
      [l1.hits, l1.allocs, l1.allocBytes, l1.memoryDelta, l1.memoryAfter, l1.allocTypes],
      [1, 2, 232, 260, 260, { code: 1, list: 1 }],
    );
    const l5 = sums.get(5)!;
    assert.deepEqual([l5.hits, l5.increfs, l5.decrefs, l5.firstStep, l5.lastStep], [1, 2, 1, 2, 5]);
    const l7 = sums.get(7)!;
    assert.deepEqual([l7.frees, l7.freeBytes, l7.freeTypes, l7.memoryDelta, l7.decrefs], [1, 72, { list: 1 }, -72, 1]);
    // summaries are copies
    sums.get(7)!.frees = 99;
    assert.equal(tl.lineSummaries().get(7)!.frees, 1);
  });

  it('says what happened on a line in sentences', () => {
    assert.deepEqual(tl.whatHappenedOnLine(1), [
      'called <module>',
      'allocated code at 0x7f00000a3000 (160 B)',
      'allocated int at 0x7f00000a4000 (28 B) for the interpreter (small-int cache)',
      'allocated list at 0x7f00000a1b20 (72 B) for value stack of <module>',
      'reference to list 0x7f00000a1b20 moved from value stack of <module> to name `data` in <module> (refcount stays 1)',
    ]);
    assert.deepEqual(tl.whatHappenedOnLine(4), [
      'refcount of int 0x7f00000a4000: 1 -> 2 (value stack of f())',
      'refcount of list 0x7f00000a1b20: 3 -> 2 (name `c` in f())',
      'refcount of list 0x7f00000a1b20: 2 -> 1 (name `b` in f())',
      'f() returned int 0x7f00000a4000',
    ]);
    assert.deepEqual(tl.whatHappenedOnLine(7), [
      'refcount of list 0x7f00000a1b20: 1 -> 0 (name `data` in <module>)',
      'freed list 0x7f00000a1b20 (72 B)',
    ]);
    // one run of line 5: the call, then (after f's own lines) the resumed rest of the line
    assert.deepEqual(tl.runSteps(5), [2, 5]);
    assert.deepEqual(tl.runSteps(5, 2), [2, 5]);
    assert.deepEqual(tl.runSteps(5, 3), []);
    assert.deepEqual(tl.runSteps(4), [4]);
    const line5 = [
      'refcount of list 0x7f00000a1b20: 1 -> 2 (value stack of <module>)',
      'called f()',
      'refcount of int 0x7f00000a4000: 2 -> 3 (name `n` in <module>)',
      'refcount of int 0x7f00000a4000: 3 -> 2 (value stack of f())',
    ];
    assert.deepEqual(tl.whatHappenedOnLine(5, { step: 2 }), line5);
    assert.deepEqual(tl.whatHappenedOnLine(5), line5);
    assert.deepEqual(tl.whatHappenedOnLine(6), ['printed "2\\n"']);
    assert.deepEqual(tl.whatHappenedOnLine(3, { max: 1 }), [
      'refcount of list 0x7f00000a1b20: 2 -> 3 (name `b` in f())',
      '… and 2 more events',
    ]);
    assert.deepEqual(tl.whatHappenedOnLine(42), []);
    assert.deepEqual(tl.whatHappenedOnLine(5, { step: 3 }), []);
  });

  it('gives stdout up to a step', () => {
    assert.equal(tl.stdoutAt(5), '');
    assert.equal(tl.stdoutAt(6), '2\n');
    assert.equal(tl.stdout, '2\n');
  });

  it('gives an object history: alloc, dealloc, refcount after each step that changed it', () => {
    const h = tl.objectHistory(LIST)!;
    assert.deepEqual(h, {
      id: LIST,
      type: 'list',
      line: 1,
      allocStep: 0,
      allocEvent: 4,
      deallocStep: 7,
      deallocReason: 'refcount',
      refcounts: [
        { step: 0, refcount: 1 },
        { step: 2, refcount: 2 },
        { step: 3, refcount: 3 },
        { step: 4, refcount: 1 },
        { step: 7, refcount: 0 },
      ],
    });
    assert.equal(tl.objectHistory(0x1234), null);
    assert.equal(tl.objectHistory(TWO)!.deallocStep, null);
  });

  it('writes referrer text for every holder kind', () => {
    assert.equal(tl.referrerText({ kind: 'name', frame: 1, name: 'b', scope: 'local' }, 3), 'name `b` in f()');
    assert.equal(tl.referrerText({ kind: 'name', frame: 0, name: 'data', scope: 'global' }, 3), 'name `data` in <module>');
    assert.equal(tl.referrerText({ kind: 'name', frame: 1, name: 'x', scope: 'cell' }, 3), 'cell variable `x` in f()');
    assert.equal(tl.referrerText({ kind: 'object', obj: LIST, label: '[3]' }, 3), 'list 0x7f00000a1b20[3]');
    assert.equal(tl.referrerText({ kind: 'object', obj: LIST, label: '[3]' }, 7), 'freed object 0x7f00000a1b20[3]');
    assert.equal(tl.referrerText({ kind: 'object', obj: CODE, label: 'co_consts' }, 3), 'constants of f()');
    assert.equal(tl.referrerText({ kind: 'object', obj: FUNC, label: '__defaults__' }, 3), 'function 0x7f00000a2000 (__defaults__)');
    assert.equal(tl.referrerText({ kind: 'arena' }, 0), "the script's AST (constants)");
    assert.equal(tl.referrerText({ kind: 'stack', frame: 1 }, 3), 'value stack of f()');
    assert.equal(tl.referrerText({ kind: 'interpreter', what: 'sys.modules' }, 0), 'the interpreter (sys.modules)');
    assert.equal(tl.referrerText({ kind: 'temporary' }, 0), 'other (temporary)');
  });

  it('formats addresses as hex(id(x)) does', () => {
    assert.equal(hexAddr(0x7f00000a1b20), '0x7f00000a1b20');
    assert.equal(hexAddr(4096), '0x1000');
    for (const x of [0, 255, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0x7f0000000001, 2 ** 53 - 1]) {
      assert.equal(hexAddr(x), '0x' + x.toString(16));
    }
    for (let i = 0; i < 1000; i++) {
      const x = Math.floor(Math.random() * 2 ** 48);
      assert.equal(hexAddr(x), '0x' + x.toString(16));
    }
  });
});
