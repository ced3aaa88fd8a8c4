// WorkerRunner against real worker threads running a scripted fake engine (fixtures/fakeWorker.ts,
// bundled with esbuild like dist/worker.js is): results, polite cancel, forced cancel, crashes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { Timeline } from '../../../src/engine/trace/timeline';
import { WorkerRunner } from '../../../src/host/simulation/runner';

describe('host/WorkerRunner', function () {
  this.timeout(20000);
  let script: string;
  let dir: string;
  const runners: WorkerRunner[] = [];
  const make = (opts: { maxWorkers?: number; cancelGraceMs?: number } = {}): WorkerRunner => {
    const r = new WorkerRunner({ script, ...opts });
    runners.push(r);
    return r;
  };
  const req = (source: string) => ({ source, version: '3.12' as const, budgets: { maxSteps: 99 }, filename: 'prog.py' });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-runner-'));
    script = path.join(dir, 'fakeWorker.js');
    buildSync({ entryPoints: [path.join(__dirname, 'fixtures/fakeWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'warning' });
  });
  afterEach(() => {
    for (const r of runners.splice(0)) r.dispose();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('posts the request and returns the engine result', async () => {
    const out = await make().run(req('echo')).done;
    assert.equal(out.kind, 'result');
    assert.equal(out.kind === 'result' && out.result.stdout, '3.12 prog.py 99');
  });

  it('builds a long trace\'s timeline in slices: the host thread stays responsive and the result carries it', async () => {
    let worst = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 2);
    const out = await make().run(req('trace 1200000')).done;
    clearInterval(tick);
    assert.equal(out.kind, 'result');
    if (out.kind !== 'result') return;
    assert.equal(out.result.events.length, 1_200_000);
    assert.ok(out.timeline, 'the runner built the timeline');
    assert.equal(out.timeline.stepCount, 200_000);
    assert.equal(out.timeline.lineSummaries().get(1)!.allocs, 4000);
    const t0 = performance.now();
    new Timeline(out.result.events, {});
    const oneGo = performance.now() - t0;
    console.log(`      longest pause of the host thread: ${worst.toFixed(0)} ms (a one-go build takes ${oneGo.toFixed(0)} ms)`);
    assert.ok(worst < Math.max(120, oneGo / 2), `the host thread was held for ${worst.toFixed(0)} ms`);
  });

  it('a cancel while the timeline is being built settles the run as cancelled', async () => {
    const runner = make();
    const h = runner.run(req('trace 1200000'));
    // the worker answers within a second or so; cancel once the build has begun
    const began = Date.now();
    while (Date.now() - began < 5000) {
      await new Promise((r) => setTimeout(r, 5));
      if ((runner as unknown as { slots: { job: unknown }[] }).slots.every((s) => s.job === null)) break;
    }
    h.cancel();
    assert.deepEqual(await h.done, { kind: 'cancelled' });
  });

  it('cancels a polling run through the shared flag without killing the worker', async () => {
    const runner = make();
    const h = runner.run(req('poll'));
    await new Promise((r) => setTimeout(r, 200));
    h.cancel();
    assert.deepEqual(await h.done, { kind: 'cancelled' });
    assert.equal(runner.workerCount, 1, 'the worker survives a polite cancel');
    const next = await runner.run(req('echo')).done;
    assert.equal(next.kind, 'result');
  });

  it('terminates a worker whose engine never polls, then serves the next run', async () => {
    const runner = make({ cancelGraceMs: 150 });
    const h = runner.run(req('hang'));
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    h.cancel();
    assert.deepEqual(await h.done, { kind: 'cancelled' });
    assert.ok(Date.now() - t0 < 2000);
    const next = await runner.run(req('echo')).done;
    assert.equal(next.kind, 'result');
  });

  it('reports an engine exception as a crash and keeps the worker', async () => {
    const runner = make();
    const out = await runner.run(req('throw')).done;
    assert.deepEqual(out, { kind: 'crashed', message: 'engine bug' });
    assert.equal((await runner.run(req('echo')).done).kind, 'result');
  });

  it('reports a worker that dies, and spawns a new one for the next run', async () => {
    const runner = make();
    const out = await runner.run(req('exit')).done;
    assert.equal(out.kind, 'crashed');
    assert.match(out.kind === 'crashed' ? out.message : '', /exited \(code 7\)/);
    assert.equal((await runner.run(req('echo')).done).kind, 'result');
  });

  it('queues beyond maxWorkers and cancels queued runs without running them', async () => {
    const runner = make({ maxWorkers: 1 });
    const a = runner.run(req('poll 300'));
    const b = runner.run(req('echo'));
    const c = runner.run(req('echo'));
    c.cancel();
    assert.deepEqual(await c.done, { kind: 'cancelled' });
    assert.equal((await a.done).kind, 'result');
    assert.equal((await b.done).kind, 'result');
    assert.equal(runner.workerCount, 1);
  });

  it('dispose settles pending runs as cancelled', async () => {
    const runner = make();
    const h = runner.run(req('hang'));
    await new Promise((r) => setTimeout(r, 100));
    runner.dispose();
    assert.deepEqual(await h.done, { kind: 'cancelled' });
  });
});
