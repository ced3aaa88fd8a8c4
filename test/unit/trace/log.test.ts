// EventLog: the columnar store gives back exactly the events it was given (same keys and values,
// holders of every kind), for the column kinds and the boxed ones, across chunks, and reads like an array.
import { strict as assert } from 'node:assert';
import type { Holder, TraceEvent } from '../../../src/engine/trace/events';
import { EventLog } from '../../../src/engine/trace/log';
import { EventRecorder } from '../../../src/engine/trace/recorder';

const stack: Holder = { kind: 'stack', frame: 0 };
const name: Holder = { kind: 'name', frame: 0, name: 'x', scope: 'global' };

const sample: TraceEvent[] = [
  { k: 'line', line: 1, frame: 0 },
  { k: 'line', line: 2, frame: 3, resume: true },
  { k: 'alloc', obj: 140000000000016, type: 'list', size: 56, line: 1, repr: '[]', gcTracked: true },
  { k: 'incref', obj: 140000000000016, rc: 2 },
  { k: 'incref', obj: 140000000000016, rc: 3, holder: stack },
  { k: 'decref', obj: 140000000000016, rc: 2, holder: name },
  { k: 'decref', obj: 9, rc: 4294967295 },
  { k: 'move', obj: 7, rc: 1 },
  { k: 'move', obj: 7, rc: 1, from: stack },
  { k: 'move', obj: 7, rc: 1, to: name },
  { k: 'move', obj: 7, rc: 1, from: stack, to: name },
  { k: 'dealloc', obj: 7, reason: 'refcount' },
  { k: 'dealloc', obj: 8, reason: 'gc' },
  { k: 'incref', obj: 5, rc: 2, holder: { kind: 'object', obj: 140000000000016, label: '.other' } },
  { k: 'incref', obj: 5, rc: 3, holder: { kind: 'name', frame: 2, name: 'cell', scope: 'cell' } },
  { k: 'incref', obj: 5, rc: 4, holder: { kind: 'name', frame: 2, name: 'K', scope: 'class' } },
  { k: 'incref', obj: 5, rc: 5, holder: { kind: 'name', frame: 2, name: 'v', scope: 'local' } },
  { k: 'decref', obj: 5, rc: 4, holder: { kind: 'arena' } },
  { k: 'decref', obj: 5, rc: 3, holder: { kind: 'interpreter', what: 'sys.modules' } },
  { k: 'move', obj: 5, rc: 3, from: { kind: 'temporary' }, to: { kind: 'object', obj: 7, label: '[0]' } },
  { k: 'decref', obj: 5, rc: -1 }, // a count no column holds is kept boxed
  { k: 'alloc', obj: 32, type: 'int', size: 28, line: 0, repr: '5', flags: ['small-int', 'immortal'], gcTracked: false, holder: { kind: 'interpreter', what: 'cache' } },
  { k: 'alloc', obj: 48, type: 'str', size: 50, line: 4, repr: "'a'", flags: ['interned', 'shared', 'const'], holder: name },
  { k: 'alloc', obj: 64, type: 'Pair', size: 48, line: 7, repr: '<Pair object at 0x40>', gcTracked: true, holder: stack },
  // kept boxed: an rc other than 1, an empty or out-of-order flag list
  { k: 'alloc', obj: 80, type: 'NoneType', size: 16, line: 0, repr: 'None', rc: 5 },
  { k: 'alloc', obj: 96, type: 'list', size: 56, line: 1, repr: '[]', flags: [] },
  { k: 'alloc', obj: 112, type: 'int', size: 28, line: 1, repr: '1', flags: ['immortal', 'small-int'] },
  { k: 'gc', phase: 'start', generation: 0 },
  { k: 'output', text: 'hi\n' },
  // shapes the columns do not take stay boxed, unchanged
  { k: 'line', line: 5, frame: 0, resume: false },
  { k: 'incref', obj: 1, rc: 2, extra: 1 } as unknown as TraceEvent,
];

describe('trace/EventLog', () => {
  it('gives back every event with the same keys and holder objects', () => {
    const log = EventLog.from(sample);
    assert.equal(log.length, sample.length);
    assert.deepEqual(log.slice(), sample);
    assert.deepEqual([...log], sample);
    assert.equal(JSON.stringify(log), JSON.stringify(sample), 'serializes as the array of events');
  });

  it('reads like an array: at() with negative and out-of-range indexes, slice() bounds', () => {
    const log = EventLog.from(sample);
    assert.deepEqual(log.at(-1), sample[sample.length - 1]);
    assert.equal(log.at(sample.length), undefined);
    assert.equal(log.at(-sample.length - 1), undefined);
    assert.deepEqual(log.slice(2, 4), sample.slice(2, 4));
    assert.deepEqual(log.slice(-3), sample.slice(-3));
    assert.deepEqual(log.slice(5, 2), []);
  });

  it('keeps order across growth (100,000 events)', () => {
    const log = new EventLog();
    for (let i = 0; i < 100_000; i++) {
      if (i % 3 === 0) log.line(i, 0, false);
      else if (i % 3 === 1) log.incref(i, i + 1, stack);
      else log.push({ k: 'output', text: String(i) });
    }
    assert.equal(log.length, 100_000);
    assert.deepEqual(log.at(99_997), { k: 'incref', obj: 99_997, rc: 99_998, holder: stack });
    assert.deepEqual(log.at(50_000), { k: 'output', text: '50000' });
    assert.deepEqual(log.at(3), { k: 'line', line: 3, frame: 0 });
  });

  it('rebuilds from its parts and goes on growing (the extension host receives a log this way)', () => {
    const log = EventLog.from(sample);
    const copy = EventLog.fromParts(structuredClone(log.parts()));
    assert.deepEqual(copy.slice(), sample);
    for (let i = 0; i < 10_000; i++) copy.move(i, 1, stack, { kind: 'object', obj: i, label: `[${i}]` });
    assert.equal(copy.length, sample.length + 10_000);
    assert.deepEqual(copy.at(-1), { k: 'move', obj: 9_999, rc: 1, from: stack, to: { kind: 'object', obj: 9_999, label: '[9999]' } });
    assert.deepEqual(copy.slice(0, sample.length), sample);
  });

  it('is what the recorder stores', () => {
    const r = new EventRecorder();
    r.line(1, 0);
    r.incref(16, 2, stack);
    r.move(16, 2, stack, name);
    r.dealloc(16, 'gc');
    assert.ok(r.events instanceof EventLog);
    assert.deepEqual(r.events.slice(), [
      { k: 'line', line: 1, frame: 0 },
      { k: 'incref', obj: 16, rc: 2, holder: stack },
      { k: 'move', obj: 16, rc: 2, from: stack, to: name },
      { k: 'dealloc', obj: 16, reason: 'gc' },
    ]);
  });
});
