// The event transfer codec: every event kind round-trips exactly (absent optional fields stay absent),
// unknown kinds and fields travel as JSON, and real engine traces survive unchanged, also as a whole
// EventLog moved through a real MessagePort (chunks transferred, not copied).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simulate } from '../../../src/engine/index';
import type { TraceEvent } from '../../../src/engine/trace/events';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { decodeEvents, decodeLog, encodeEvents, encodeLog } from '../../../src/host/simulation/codec';
import { EventLog, type EventSeq } from '../../../src/engine/trace/log';
import { sampleEvents } from './fixtures/sample';

const roundTrip = (events: EventSeq) => decodeEvents(encodeEvents(events)).slice();

describe('host/simulation/codec', () => {
  it('round-trips every event kind, with and without optional fields', () => {
    const events: TraceEvent[] = [
      { k: 'line', line: 3, frame: 0 },
      { k: 'line', line: 3, frame: 2, resume: true },
      { k: 'alloc', obj: 0x7f0000001000, type: 'list', size: 56, line: 3, repr: '[]' },
      { k: 'alloc', obj: 0x7f0000001040, type: 'int', size: 28, line: 0, repr: '5', flags: ['small-int', 'immortal'], gcTracked: false, rc: 4294967295, holder: { kind: 'interpreter', what: 'cache' } },
      { k: 'alloc', obj: 1, type: 'str', size: 50, line: 1, repr: "'a'", flags: [], holder: { kind: 'arena' } },
      { k: 'incref', obj: 1, rc: 2 },
      { k: 'incref', obj: 1, rc: 3, holder: { kind: 'name', frame: 4, name: 'x', scope: 'cell' } },
      { k: 'decref', obj: 1, rc: 2, holder: { kind: 'object', obj: 9, label: "['key']" } },
      { k: 'decref', obj: 1, rc: 1, holder: { kind: 'temporary' } },
      { k: 'move', obj: 1, rc: 1, from: { kind: 'stack', frame: 0 }, to: { kind: 'name', frame: 0, name: 'y', scope: 'global' } },
      { k: 'move', obj: 1, rc: 1 },
      { k: 'dealloc', obj: 1, reason: 'gc' },
      { k: 'dealloc', obj: 2, reason: 'refcount' },
      { k: 'update', obj: 3, size: 88 },
      { k: 'update', obj: 3, repr: '[1]', length: 1, gcTracked: true },
      { k: 'call', frame: 1, parent: 0, name: 'f', line: 2 },
      { k: 'call', frame: 0, parent: null, name: '<module>', line: 1, thread: 0 },
      { k: 'return', frame: 1, value: null },
      { k: 'return', frame: 1, value: 0x7f0000001000 },
      { k: 'exception', type: 'KeyError', message: "'k'", line: 3, frame: 0 },
      { k: 'exception', type: 'ValueError', message: '', line: 4, frame: 1, caught: true },
      { k: 'output', text: 'hello\n' },
      { k: 'output', text: 'hello\n' },
      { k: 'gc', phase: 'start', generation: 0 },
      { k: 'gc', phase: 'move_unreachable', generation: 2, objs: [1, 2, 3], collected: 2, uncollectable: 0, counts: [701, 3, 1] },
      { k: 'gc', phase: 'stop', generation: 2, objs: [] },
      { k: 'gil', what: 'drop_request', thread: 1, time: 5000 },
      { k: 'gil', what: 'release', thread: 1, reason: 'sleep', time: 5005 },
      { k: 'thread', what: 'start', thread: 2, name: 'Thread-1', time: 10 },
    ];
    assert.deepEqual(roundTrip(events), events);
  });

  it('carries unknown kinds and unknown fields as JSON', () => {
    const odd = [
      { k: 'weakref', obj: 5, target: 6 },
      { k: 'line', line: 1, frame: 0, extra: 'new field' },
      { k: 'alloc', obj: 1, type: 't', size: 1, line: 1, repr: 'r', flags: ['future-flag'] },
    ] as unknown as TraceEvent[];
    assert.deepEqual(roundTrip(odd), odd);
  });

  it('round-trips the synthetic sample and real engine traces', () => {
    assert.deepEqual(roundTrip(sampleEvents()), sampleEvents());
    const dir = path.join(__dirname, '../../vscode/workspace');
    for (const f of ['refs.py', 'funcs.py', 'cycle.py', 'exception.py']) {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const version of ['3.10', '3.12'] as const) {
        const r = simulate(source, { version, recordEvents: true, filename: f });
        assert.ok(r.events.length > 0, f);
        assert.deepEqual(roundTrip(r.events), r.events.slice(), `${f} ${version}`);
      }
    }
  });

  it('moves numbers in a transferable buffer and shares repeated strings', () => {
    const events: TraceEvent[] = Array.from({ length: 1000 }, (_, i) => ({ k: 'incref', obj: i, rc: 2, holder: { kind: 'name', frame: 0, name: 'data', scope: 'global' } }));
    const enc = encodeEvents(events);
    assert.ok(enc.nums.buffer instanceof ArrayBuffer);
    assert.deepEqual(enc.strings, ['data']);
  });

  it('moves a whole EventLog through a MessagePort: chunks transferred, the rest encoded', () => {
    const source = 'class N:\n    pass\nxs = []\nfor i in range(30000):\n    n = N()\n    n.me = n\n    xs.append(n)\nprint(len(xs))\n';
    const r = simulate(source, { version: '3.12', recordEvents: true, filename: 'big.py', budgets: { maxEvents: 1e9 } });
    assert.ok(r.events.length > 200_000, `${r.events.length} events span several chunks`);
    const expected = r.events.slice();
    const { events, transfer } = encodeLog(r.events);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(events, transfer);
    assert.equal((transfer[1] as ArrayBuffer).byteLength, 0, 'the chunk buffers were moved, not copied');
    const got = decodeLog(receiveMessageOnPort(port2)!.message as typeof events);
    port1.close();
    assert.ok(got instanceof EventLog);
    assert.equal(got.length, expected.length);
    assert.deepEqual(got.slice(), expected);
    got.line(99, 0, undefined);
    assert.deepEqual(got.at(-1), { k: 'line', line: 99, frame: 0 }, 'a received log can be appended to');
  });

  it('rejects a transferred log whose chunks do not match its count', () => {
    const log = EventLog.from([{ k: 'line', line: 1, frame: 0 }]);
    const { events } = encodeLog(log);
    assert.throws(() => decodeLog({ ...events, count: 70_000 }), /chunks for 70000 events/);
  });
});
