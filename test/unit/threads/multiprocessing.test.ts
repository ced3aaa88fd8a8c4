// multiprocessing (modules/multiprocessing.ts): each Process is a child interpreter with its own GIL,
// so two CPU-bound processes take about half the simulated time of two CPU-bound threads (module-state
// isolation and Queue results are checked against CPython by test/oracle/programs/threads/process_*.py).
import assert from 'node:assert/strict';
import { simulate } from '../../../src/engine/index';
import { EventIndex } from '../../../src/host/panel/eventlog';
import { gilOverview } from '../../../src/host/panel/session';

const PROGRAM = (n: number) => `
import multiprocessing, threading, time

def work(n):
    x = 0
    for i in range(n):
        x += i
    return x

def report(q, n):
    q.put(work(n))

if __name__ == "__main__":
    t0 = time.perf_counter()
    ts = [threading.Thread(target=work, args=(${n},)) for _ in range(2)]
    for t in ts: t.start()
    for t in ts: t.join()
    t1 = time.perf_counter()
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=report, args=(q, ${n})) for _ in range(2)]
    for p in ps: p.start()
    for p in ps: p.join()
    t2 = time.perf_counter()
    print(sorted([q.get(), q.get()]))
    print(round((t2 - t1) / (t1 - t0), 2))
`;

describe('multiprocessing', function () {
  this.timeout(60_000);
  const ratio = (n: number): number => {
    const r = simulate(PROGRAM(n), { version: '3.12', budgets: { maxTimeMs: 0 } });
    assert.equal(r.status, 'ok', r.stderr);
    const [sums, x] = r.stdout.trim().split('\n');
    assert.equal(sums, `[${(n * (n - 1)) / 2}, ${(n * (n - 1)) / 2}]`);
    return Number(x);
  };

  it('runs two CPU-bound processes in parallel: near half the simulated time of two threads', () => {
    // process startup (~20 ms) is paid once per process, in parallel; the work itself is halved
    const x = ratio(150_000);
    assert.ok(x > 0.45 && x < 0.85, `processes/threads time ratio ${x}`);
  });

  it('makes small jobs slower on processes than on threads (startup cost dominates)', () => {
    const x = ratio(5_000);
    assert.ok(x > 1.5, `processes/threads time ratio ${x}`);
  });

  it('gives each child process a lane of its own in the GIL view, outside the parent\'s hand-overs', () => {
    const src = 'import multiprocessing\ndef f(n):\n    for i in range(n):\n        pass\nif __name__ == "__main__":\n' +
      '    ps = [multiprocessing.Process(target=f, args=(1000,)) for _ in range(2)]\n    for p in ps: p.start()\n    for p in ps: p.join()\n';
    const r = simulate(src, { version: '3.12', recordEvents: true });
    assert.equal(r.status, 'ok', r.stderr);
    const g = gilOverview(r.events, new EventIndex(r.events));
    assert.deepEqual(g.lanes.map((l) => [l.name, !!l.process]), [['MainThread', false], ['Process-1', true], ['Process-2', true]]);
    // the two children run at the same time on the simulated clock
    const [p1, p2] = [g.lanes[1], g.lanes[2]];
    assert.ok(Math.abs(p1.start - p2.start) < 10 && Math.abs(p1.totals.running - p2.totals.running) < 1e-6 && p1.totals.running > 20_000, `${p1.start} ${p2.start} ${p1.totals.running} ${p2.totals.running}`);
    assert.equal(g.switchesTotal, 0, 'a child taking its own GIL is not a hand-over of the parent\'s');
  });

  // exit codes and the parent going on are checked against CPython by the oracle program
  // threads/process_exception.py; its recorder keeps only stderr's last line of a failing parent, so the
  // child's traceback is checked here for what CPython 3.10-3.13 print too (CPython adds the frames of
  // multiprocessing/process.py between the header and the target's frame, which are not simulated)
  it('prints a failing child\'s traceback under its process name, with the target\'s frame and source line', () => {
    const r = simulate('import multiprocessing\ndef bad():\n    raise ValueError("boom")\nif __name__ == "__main__":\n' +
      '    p = multiprocessing.Process(target=bad)\n    p.start(); p.join()\n', { version: '3.12' });
    assert.equal(r.status, 'ok', r.stderr);
    assert.match(r.stderr, /^Process Process-1:\nTraceback \(most recent call last\):\n/);
    assert.match(r.stderr, /\n {2}File "[^"]*", line 3, in bad\n {4}raise ValueError\("boom"\)\nValueError: boom\n$/);
  });

  it('says which child exhausted the step budget', () => {
    const r = simulate('import multiprocessing\ndef spin():\n    while True:\n        pass\nif __name__ == "__main__":\n' +
      '    p = multiprocessing.Process(target=spin)\n    p.start()\n', { version: '3.12', budgets: { maxSteps: 50_000 } });
    assert.equal(r.status, 'budget');
    assert.match(r.diagnostics.map((d) => d.message).join('\n'), /in child process Process-1/);
  });
});
