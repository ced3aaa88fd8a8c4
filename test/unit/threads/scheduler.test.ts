// The GIL model (threads/scheduler.ts) seen through the event stream: switches of CPU-bound threads
// follow the switch interval and the instruction cost, blocking calls release the GIL at once, a thread
// waiting on a lock does not run (no spinning), and the schedule is the same on every run.
import assert from 'node:assert/strict';
import { simulate } from '../../../src/engine/index';
import type { TraceEvent } from '../../../src/engine/trace/events';
import { INSTRUCTION_NS } from '../../../src/engine/threads/scheduler';

type Gil = Extract<TraceEvent, { k: 'gil' }>;

function run(src: string): { gil: Gil[]; events: TraceEvent[]; stdout: string; instructions: number } {
  const r = simulate(src, { version: '3.12', recordEvents: true, budgets: { maxEvents: 50_000_000, maxTimeMs: 0 } });
  assert.equal(r.status, 'ok', r.stderr);
  // event times are microseconds; the assertions below use nanoseconds
  const gil = r.events.slice().filter((e): e is Gil => e.k === 'gil').map((e) => ({ ...e, time: Math.round(e.time * 1000) }));
  return { gil, events: r.events.slice(), stdout: r.stdout, instructions: r.instructions };
}

const SPIN = (n: number, interval = '') => `
import threading, sys
${interval}
def spin(n):
    x = 0
    for i in range(n):
        x += 1
t1 = threading.Thread(target=spin, args=(${n},))
t2 = threading.Thread(target=spin, args=(${n},))
t1.start(); t2.start(); t1.join(); t2.join()
`;

describe('threads and the GIL', function () {
  this.timeout(60_000);
  it('switches two CPU-bound threads once per switch interval of simulated time', () => {
    const { gil } = run(SPIN(100_000));
    const drops = gil.filter((e) => e.what === 'drop_request');
    assert.equal(drops.length, gil.filter((e) => e.what === 'release' && e.reason === 'drop request').length);
    // the waiter sets the drop request one switch interval (5 ms) after it asked for the GIL,
    // and the holder drops the GIL at its next eval-breaker check: the loop's backward jump, a few
    // instructions later (not always the next one: the loop body is more than one instruction)
    const lates = new Set<number>();
    for (const d of drops) {
      const asked = gil.filter((e) => e.what === 'request' && e.thread === d.thread && e.time <= d.time).pop()!;
      // (time advances by whole instructions, so "5 ms later" is the first instruction at or after it)
      assert.ok(d.time - asked.time >= 5_000_000 && d.time - asked.time < 5_000_000 + INSTRUCTION_NS, `${d.time - asked.time}`);
      const rel = gil.find((e) => e.what === 'release' && e.reason === 'drop request' && e.time >= d.time)!;
      const late = (rel.time - d.time) / INSTRUCTION_NS;
      assert.ok(late >= 1 && late <= 8, `dropped ${late} instructions after the request`);
      lates.add(late);
    }
    assert.ok(lates.size > 1, `always ${[...lates]} instructions late`);
    // the total: both threads' instructions at INSTRUCTION_NS each, cut into 5 ms slices
    const busy = gil[gil.length - 1].time;
    assert.ok(Math.abs(drops.length - busy / 5_000_000) <= 2, `${drops.length} switches in ${busy} ns`);
  });

  it('switches about ten times as often with a ten times shorter switch interval', () => {
    for (const [interval, ns] of [['', 5_000_000], ['sys.setswitchinterval(0.0005)', 500_000]] as const) {
      const { gil } = run(SPIN(60_000, interval));
      const drops = gil.filter((e) => e.what === 'drop_request').length;
      const busy = gil[gil.length - 1].time;
      assert.ok(Math.abs(drops - busy / ns) <= 2, `${drops} switches in ${busy} ns at ${ns} ns`);
    }
  });

  it('releases the GIL at once when a thread sleeps, and the waiting thread takes it', () => {
    const { gil } = run(`
import threading, time
def sleeper():
    time.sleep(0.5)
t = threading.Thread(target=sleeper)
t.start()
x = 0
for i in range(100000):
    x += i
t.join()
`);
    const rel = gil.find((e) => e.what === 'release' && e.reason === 'time.sleep');
    assert.ok(rel, 'the sleeping thread released the GIL');
    const next = gil[gil.indexOf(rel!) + 1];
    assert.equal(next.what, 'acquire');
    assert.equal(next.time, rel!.time, 'no switch interval to wait for');
    assert.notEqual(next.thread, rel!.thread);
  });

  it('does not run a thread blocked on a lock until the lock is released', () => {
    const { events } = run(`
import threading, time
lock = threading.Lock()
lock.acquire()
def waiter():
    with lock:
        pass
t = threading.Thread(target=waiter)
t.start()
time.sleep(0.2)
lock.release()
t.join()
`);
    const blockAt = events.findIndex((e) => e.k === 'thread' && e.what === 'block' && e.thread === 1);
    const unblockAt = events.findIndex((e) => e.k === 'thread' && e.what === 'unblock' && e.thread === 1);
    assert.ok(blockAt > 0 && unblockAt > blockAt);
    // between block and unblock, thread 1 never holds the GIL: no spinning on the lock
    const between = events.slice(blockAt, unblockAt).filter((e) => e.k === 'gil' && e.what === 'acquire' && e.thread === 1);
    assert.deepEqual(between, []);
  });

  it('gives the same schedule on every run', () => {
    const a = run(SPIN(20_000)).gil.map((e) => `${e.what}:${e.thread}:${e.time}`);
    const b = run(SPIN(20_000)).gil.map((e) => `${e.what}:${e.thread}:${e.time}`);
    assert.deepEqual(a, b);
  });

  it('costs INSTRUCTION_NS of simulated time per instruction', () => {
    const { stdout, instructions } = run(`
import time
a = time.perf_counter_ns()
x = 0
for i in range(1000):
    x += i
b = time.perf_counter_ns()
print(b - a)
`);
    const ns = Number(stdout.trim());
    assert.ok(ns > 0 && ns % INSTRUCTION_NS === 0 && ns <= instructions * INSTRUCTION_NS);
  });

  it('stops a deadlock with a clear message instead of hanging', () => {
    const r = simulate(`
import threading
a = threading.Lock()
a.acquire()
a.acquire()
`, { version: '3.12' });
    assert.equal(r.status, 'budget');
    assert.match(r.stderr, /deadlock/);
  });
});
