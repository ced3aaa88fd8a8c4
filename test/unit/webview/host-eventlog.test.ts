// The host side of the event log: the step model, filters, bounded pages, the page around a step,
// and the sentences events are shown with.
import assert from 'node:assert/strict';
import { EventIndex, lowerBound } from '../../../src/host/panel/eventlog';
import { EventTexts } from '../../../src/host/panel/format';
import type { TraceEvent } from '../../../src/engine/trace/events';
import { cycleProgram } from './fixtures/programs';

describe('panel host: event index', () => {
  const events: TraceEvent[] = [
    { k: 'alloc', obj: 16, type: 'list', size: 56, line: 1, repr: '[]' }, // prologue: step 0
    { k: 'line', line: 1, frame: 0 },
    { k: 'incref', obj: 16, rc: 2, holder: { kind: 'name', frame: 0, name: 'xs', scope: 'global' } },
    { k: 'line', line: 2, frame: 0 },
    { k: 'gc', phase: 'start', generation: 0 },
    { k: 'decref', obj: 16, rc: 1 },
    { k: 'line', line: 3, frame: 0 },
    { k: 'gil', what: 'acquire', thread: 1, time: 5 },
  ];
  const ix = new EventIndex(events);

  it('puts events before the first line event into step 0', () => {
    assert.equal(ix.stepCount, 3);
    assert.deepEqual([...ix.stepOf], [0, 0, 0, 1, 1, 1, 2, 2]);
    assert.deepEqual([...ix.stepLine], [1, 2, 3]);
    assert.equal(ix.eventsOfStep(1).total, 3);
  });

  it('filters by kind and pages within limits', () => {
    assert.deepEqual([...ix.matching(['alloc', 'decref'])], [0, 5]);
    assert.equal(ix.matching(['alloc', 'incref', 'decref', 'dealloc', 'gc', 'gil', 'other']).length, events.length);
    const p = ix.page({ sessionId: 1, kinds: ['other'], offset: 1, limit: 2 });
    assert.equal(p.total, 3);
    assert.deepEqual(p.events.map((e) => e.index), [3, 6]);
    assert.equal(p.offset, 1);
  });

  it('finds the page holding a step', () => {
    const p = ix.page({ sessionId: 1, kinds: ['alloc', 'incref', 'decref', 'dealloc', 'gc', 'gil', 'other'], aroundStep: 2, limit: 3 });
    assert.equal(p.offset, 6);
    assert.equal(p.events[0].step, 2);
  });

  it('never returns more than the page limit of the protocol', () => {
    const many: TraceEvent[] = [];
    for (let i = 0; i < 3000; i++) many.push({ k: 'line', line: i + 1, frame: 0 });
    const p = new EventIndex(many).page({ sessionId: 1, kinds: ['other'], offset: 0, limit: 100000 });
    assert.equal(p.events.length, 500);
    assert.equal(p.total, 3000);
  });

  it('lowerBound finds the first position not below x', () => {
    const a = Uint32Array.from([1, 3, 3, 7]);
    assert.deepEqual([0, 1, 3, 4, 8].map((x) => lowerBound(a, x)), [0, 0, 1, 3, 4]);
  });

  it('words events with types, holders and frames', () => {
    const t = new EventTexts(cycleProgram().script.events);
    const texts = cycleProgram().script.events.map((e) => t.text(e));
    assert.ok(texts.some((x) => /^allocated Node 0x[0-9a-f]+ \(48 B\)/.test(x)));
    assert.ok(texts.some((x) => /refcount of Node 0x[0-9a-f]+ → 2 \(name `a` in link\(\)\)/.test(x)), texts.join('\n'));
    assert.ok(texts.some((x) => /collected by the cyclic GC: Node 0x/.test(x)));
    assert.ok(texts.some((x) => x === 'gc generation 2: move unreachable (2 objects)'));
  });
});
