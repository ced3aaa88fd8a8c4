// The gc.collect walk-through built from a collection's events, and deaths during a collection.
import assert from 'node:assert/strict';
import { EventIndex } from '../../../src/host/panel/eventlog';
import { gcViewFromEvents, phaseDescription } from '../../../src/host/panel/gcview';
import type { TraceEvent } from '../../../src/engine/trace/events';

const events: TraceEvent[] = [
  { k: 'line', line: 1, frame: 0 },
  { k: 'dealloc', obj: 9, reason: 'refcount' },
  { k: 'line', line: 2, frame: 0 },
  { k: 'gc', phase: 'start', generation: 2, counts: [9, 0, 0] },
  { k: 'gc', phase: 'update_refs', generation: 2, objs: [1, 2, 3, 4] },
  { k: 'gc', phase: 'subtract_refs', generation: 2 },
  { k: 'gc', phase: 'move_unreachable', generation: 2, objs: [3, 4] },
  { k: 'gc', phase: 'finalize', generation: 2, objs: [3] },
  { k: 'gc', phase: 'delete_garbage', generation: 2, objs: [3, 4], collected: 2 },
  { k: 'dealloc', obj: 3, reason: 'refcount' },
  { k: 'dealloc', obj: 4, reason: 'gc' },
  { k: 'gc', phase: 'stop', generation: 2, collected: 2, uncollectable: 0, counts: [0, 0, 0] },
  { k: 'dealloc', obj: 5, reason: 'refcount' },
];

describe('panel host: gc walk-through', () => {
  it('follows the phases of one collection in order', () => {
    const v = gcViewFromEvents(events, 0, 1)!;
    assert.equal(v.generation, 2);
    assert.deepEqual(v.phases.map((p) => p.phase), ['update_refs', 'subtract_refs', 'move_unreachable', 'finalize', 'delete_garbage']);
    assert.deepEqual(v.unreachable, [3, 4]);
    assert.deepEqual(v.finalizers, [3]);
    assert.deepEqual(v.freed, [3, 4]);
    assert.equal(v.collected, 2);
    assert.deepEqual(v.phases[1].objs, [], 'nothing is invented for a phase whose event names no objects');
    assert.match(v.phases[2].description, /other 2 are unreachable/);
    assert.equal(gcViewFromEvents(events, 12, 1), null);
  });

  it('words every phase', () => {
    for (const p of ['start', 'update_refs', 'subtract_refs', 'move_unreachable', 'finalize', 'handle_weakrefs', 'delete_garbage', 'promote', 'stop'] as const) {
      assert.ok(phaseDescription(p, 0, 1).length > 10);
    }
  });

  it('marks objects that die during a collection, and only those', () => {
    const ix = new EventIndex(events);
    const deaths = [1, 9, 10, 12].map((i) => ix.panelEvent(i));
    assert.deepEqual(deaths.map((d) => d.duringGc ?? false), [false, true, true, false]);
    assert.match(deaths[1].text, /during the gc collection/);
  });
});
