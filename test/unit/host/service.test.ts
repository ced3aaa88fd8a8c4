// SimulationService scheduling with a fake runner and a manual clock: debounce, supersede/cancel,
// version matching, waiters.
import { strict as assert } from 'node:assert';
import type { PythonVersion, SimulationResult } from '../../../src/engine/api';
import type { RunHandle, RunOutcome, RunRequest, SimulationRunner } from '../../../src/host/simulation/runner';
import { SimulationService, type Clock, type DocSnapshot, type ServiceEvent } from '../../../src/host/simulation/service';

class ManualClock implements Clock {
  now = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers.delete(h as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= this.now && this.timers.has(id)) {
        this.timers.delete(id);
        t.fn();
      }
    }
  }
}

interface FakeRun { req: RunRequest; cancelled: boolean; finish(o?: RunOutcome): void }

class FakeRunner implements SimulationRunner {
  runs: FakeRun[] = [];
  run(req: RunRequest): RunHandle {
    let resolve!: (o: RunOutcome) => void;
    const done = new Promise<RunOutcome>((r) => (resolve = r));
    const fr: FakeRun = {
      req,
      cancelled: false,
      finish: (o) => resolve(o ?? { kind: 'result', result: fakeResult(req.version, req.source) }),
    };
    this.runs.push(fr);
    return { done, cancel: () => { fr.cancelled = true; resolve({ kind: 'cancelled' }); } };
  }
  dispose(): void {}
}

function fakeResult(version: PythonVersion, stdout: string): SimulationResult {
  return { version, status: 'ok', stdout, stderr: '', diagnostics: [], events: [], eventsTruncated: false, instructions: 0, wallTimeMs: 0, finalObjects: [] };
}

const flush = () => new Promise((r) => setImmediate(r));
const snap = (docVersion: number, source = `v${docVersion}`): DocSnapshot => ({ key: 'file:///a.py', docVersion, source, filename: '/a.py' });

describe('host/SimulationService', () => {
  let clock: ManualClock;
  let runner: FakeRunner;
  let py: PythonVersion;
  let maxSteps: number;
  let service: SimulationService;
  let events: ServiceEvent[];

  beforeEach(() => {
    clock = new ManualClock();
    runner = new FakeRunner();
    py = '3.12';
    maxSteps = 5;
    service = new SimulationService(runner, () => ({ pythonVersion: py, budgets: { maxSteps } }), clock);
    events = [];
    service.onEvent((e) => events.push(e));
  });

  it('runs at once with delay 0 and hands the result out only for that version', async () => {
    service.schedule(snap(1), 0);
    assert.equal(runner.runs.length, 1);
    assert.deepEqual(runner.runs[0]!.req, { source: 'v1', version: '3.12', budgets: { maxSteps: 5 }, filename: '/a.py' });
    runner.runs[0]!.finish();
    await flush();
    assert.equal(service.get('file:///a.py', 1)?.result?.stdout, 'v1');
    assert.equal(service.get('file:///a.py', 2), undefined);
    assert.deepEqual(events.map((e) => e.kind), ['started', 'finished']);
  });

  it('debounces edits: only the last version of a burst runs', async () => {
    service.schedule(snap(1), 300);
    clock.advance(100);
    service.schedule(snap(2), 300);
    clock.advance(100);
    service.schedule(snap(3), 300);
    clock.advance(299);
    assert.equal(runner.runs.length, 0);
    clock.advance(1);
    assert.equal(runner.runs.length, 1);
    assert.equal(runner.runs[0]!.req.source, 'v3');
  });

  it('cancels a superseded run at once and never publishes its result', async () => {
    service.schedule(snap(1), 0);
    const first = runner.runs[0]!;
    service.schedule(snap(2), 300);
    assert.equal(first.cancelled, true);
    await flush();
    clock.advance(300);
    assert.equal(runner.runs.length, 2);
    runner.runs[1]!.finish();
    await flush();
    assert.equal(service.get('file:///a.py', 1), undefined);
    assert.equal(service.get('file:///a.py', 2)?.result?.stdout, 'v2');
  });

  it('a run that finishes after being superseded is discarded even if it ignores the cancel', async () => {
    // a runner whose cancel does nothing: the late result must still be dropped
    const stubborn: RunHandle[] = [];
    const resolvers: ((o: RunOutcome) => void)[] = [];
    const r2: SimulationRunner = {
      run: (req) => {
        const done = new Promise<RunOutcome>((r) => resolvers.push(r));
        const h = { done, cancel: () => {} };
        stubborn.push(h);
        void req;
        return h;
      },
      dispose: () => {},
    };
    const s = new SimulationService(r2, () => ({ pythonVersion: '3.11', budgets: {} }), clock);
    s.schedule(snap(1), 0);
    s.schedule(snap(2), 0); // waits for run 1 to settle before starting
    assert.equal(stubborn.length, 1);
    resolvers[0]!({ kind: 'result', result: fakeResult('3.11', 'v1') });
    await flush();
    assert.equal(s.get('file:///a.py', 1), undefined, 'v1 result dropped: v2 is wanted');
    assert.equal(stubborn.length, 2, 'v2 started once v1 settled');
    resolvers[1]!({ kind: 'result', result: fakeResult('3.11', 'v2') });
    await flush();
    assert.equal(s.get('file:///a.py', 2)?.result?.stdout, 'v2');
  });

  it('does not re-run an unchanged version (save after the debounced run)', async () => {
    service.schedule(snap(1), 0);
    runner.runs[0]!.finish();
    await flush();
    service.schedule(snap(1), 0);
    assert.equal(runner.runs.length, 1);
  });

  it('re-runs the same version when the Python version changes', async () => {
    service.schedule(snap(1), 0);
    runner.runs[0]!.finish();
    await flush();
    py = '3.10';
    service.schedule(snap(1), 0);
    assert.equal(runner.runs.length, 2);
    assert.equal(runner.runs[1]!.req.version, '3.10');
    runner.runs[1]!.finish();
    await flush();
    assert.equal(service.get('file:///a.py', 1)?.pythonVersion, '3.10');
  });

  it('re-runs the same version when the budgets change', async () => {
    service.schedule(snap(1), 0);
    runner.runs[0]!.finish();
    await flush();
    maxSteps = 1000;
    service.schedule(snap(1), 0);
    assert.equal(runner.runs.length, 2);
    assert.deepEqual(runner.runs[1]!.req.budgets, { maxSteps: 1000 });
  });

  it('records worker crashes as entries with an error', async () => {
    service.schedule(snap(1), 0);
    runner.runs[0]!.finish({ kind: 'crashed', message: 'boom' });
    await flush();
    const e = service.get('file:///a.py', 1);
    assert.equal(e?.error, 'boom');
    assert.equal(e?.result, undefined);
  });

  it('whenReady resolves on completion, on a newer version, and on timeout', async () => {
    service.schedule(snap(1), 0);
    const p1 = service.whenReady('file:///a.py', 1, 1000);
    runner.runs[0]!.finish();
    assert.equal((await p1)?.docVersion, 1);

    const p2 = service.whenReady('file:///a.py', 2, 1000);
    service.schedule(snap(2), 0);
    service.schedule(snap(3), 0); // v2 superseded: its waiter gives up at once
    assert.equal(await p2, undefined);

    const p3 = service.whenReady('file:///a.py', 3, 500);
    clock.advance(500);
    assert.equal(await p3, undefined);
  });

  it('forget cancels the run and resolves waiters', async () => {
    service.schedule(snap(1), 0);
    const w = service.whenReady('file:///a.py', 1, 1000);
    service.forget('file:///a.py');
    assert.equal(runner.runs[0]!.cancelled, true);
    assert.equal(await w, undefined);
    assert.deepEqual(service.keys(), []);
  });
});
