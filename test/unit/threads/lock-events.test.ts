// Lock events: a contended threading.Lock shows acquire by the holder, wait by the other thread (which
// blocks), then release and the waiter's acquire, in simulated-time order, and they survive the codec.
import assert from 'node:assert/strict';
import { simulate } from '../../../src/engine/index';
import type { TraceEvent } from '../../../src/engine/trace/events';
import { decodeEvents, encodeEvents } from '../../../src/host/simulation/codec';

type Lock = Extract<TraceEvent, { k: 'lock' }>;

describe('lock events', () => {
  it('records acquire, wait and release of a contended lock', () => {
    const r = simulate(
      'import threading, time\nlock = threading.Lock()\ndef w():\n    with lock:\n        pass\n' +
        'lock.acquire()\nt = threading.Thread(target=w)\nt.start()\ntime.sleep(0.01)\nlock.release()\nt.join()\n',
      { version: '3.12', recordEvents: true },
    );
    assert.equal(r.status, 'ok', r.stderr);
    const locks = r.events.slice().filter((e): e is Lock => e.k === 'lock');
    assert.deepEqual(locks.map((e) => `${e.thread}:${e.what}`), ['0:acquire', '1:wait', '0:release', '1:acquire', '1:release']);
    assert.ok(locks.every((e, i) => i === 0 || e.time >= locks[i - 1].time));
    assert.ok(locks[2].time - locks[1].time > 9_900, 'the waiter waited out the main thread\'s 10 ms sleep');
    const blocked = r.events.slice().find((e) => e.k === 'thread' && e.what === 'block' && e.thread === 1);
    assert.ok(blocked, 'the waiting thread blocks (it does not spin)');
    assert.deepEqual(decodeEvents(encodeEvents(locks)).slice(), locks);
  });
});
