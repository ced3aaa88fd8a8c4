// EventRecorder: the events it stores (optional fields omitted when absent), the enabled switch,
// and the maxEvents cap (a stored prefix, `truncated`, counting past the cap).
import { strict as assert } from 'node:assert';
import { EventRecorder } from '../../../src/engine/trace/recorder';
import { Timeline } from '../../../src/engine/trace/timeline';

describe('trace/EventRecorder', () => {
  it('stores one plain event per call, in order, without undefined fields', () => {
    const r = new EventRecorder();
    r.call(0, null, '<module>', 1);
    r.line(1, 0);
    r.alloc(0x10, 'list', 56, 1, '[]', undefined, true);
    r.incref(0x10, 2, { kind: 'name', frame: 0, name: 'a', scope: 'global' });
    r.decref(0x10, 1);
    r.move(0x10, 1, { kind: 'stack', frame: 0 });
    r.update(0x10, 88, '[1]', 1);
    r.line(2, 0, true);
    r.output('hi\n');
    r.exception('ValueError', 'bad', 2, 0, true);
    r.gc('stop', 0, { collected: 2, uncollectable: 0 });
    r.gil('release', 1, 5000, 'drop_request');
    r.thread('start', 2, 'Thread-1', 5001);
    r.ret(0, null);
    r.dealloc(0x10);
    assert.deepEqual(r.events.slice(), [
      { k: 'call', frame: 0, parent: null, name: '<module>', line: 1 },
      { k: 'line', line: 1, frame: 0 },
      { k: 'alloc', obj: 0x10, type: 'list', size: 56, line: 1, repr: '[]', gcTracked: true },
      { k: 'incref', obj: 0x10, rc: 2, holder: { kind: 'name', frame: 0, name: 'a', scope: 'global' } },
      { k: 'decref', obj: 0x10, rc: 1 },
      { k: 'move', obj: 0x10, rc: 1, from: { kind: 'stack', frame: 0 } },
      { k: 'update', obj: 0x10, size: 88, repr: '[1]', length: 1 },
      { k: 'line', line: 2, frame: 0, resume: true },
      { k: 'output', text: 'hi\n' },
      { k: 'exception', type: 'ValueError', message: 'bad', line: 2, frame: 0, caught: true },
      { k: 'gc', phase: 'stop', generation: 0, collected: 2, uncollectable: 0 },
      { k: 'gil', what: 'release', thread: 1, time: 5000, reason: 'drop_request' },
      { k: 'thread', what: 'start', thread: 2, name: 'Thread-1', time: 5001 },
      { k: 'return', frame: 0, value: null },
      { k: 'dealloc', obj: 0x10, reason: 'refcount' },
    ]);
    for (const e of r.events) for (const v of Object.values(e)) assert.notEqual(v, undefined);
    assert.equal(r.count, 15);
    assert.equal(r.truncated, false);
  });

  it('records nothing while disabled', () => {
    const r = new EventRecorder({ enabled: false });
    r.line(1, 0);
    r.alloc(1, 'int', 28, 1, '1');
    assert.equal(r.events.length, 0);
    assert.equal(r.count, 0);
    r.enabled = true;
    r.line(2, 0);
    assert.equal(r.events.length, 1);
  });

  it('keeps a prefix of maxEvents events, marks truncation and keeps counting', () => {
    const r = new EventRecorder({ maxEvents: 5 });
    for (let i = 1; i <= 4; i++) {
      r.line(i, 0);
      r.output(`${i}\n`);
    }
    assert.equal(r.events.length, 5);
    assert.equal(r.count, 8);
    assert.equal(r.dropped, 3);
    assert.equal(r.truncated, true);
    assert.deepEqual(r.events.at(4), { k: 'line', line: 3, frame: 0 });
    const tl = new Timeline(r.events, { truncated: r.truncated });
    assert.equal(tl.truncated, true);
    assert.equal(tl.stepCount, 3);
    assert.equal(tl.stdoutAt(2), '1\n2\n');
  });

  it('has no cap when maxEvents is 0', () => {
    const r = new EventRecorder({ maxEvents: 0 });
    for (let i = 0; i < 1000; i++) r.line(i, 0);
    assert.equal(r.events.length, 1000);
    assert.equal(r.truncated, false);
  });
});
