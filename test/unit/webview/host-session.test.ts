// The host's once-per-run overview: live bytes, downsampled series within limits, gc collections,
// GIL lanes and switches, per-line rows.
import assert from 'node:assert/strict';
import { EventIndex } from '../../../src/host/panel/eventlog';
import { buildSession, capSegments, defaultGcThresholds, downsampleMax, gilOverview, liveBytesPerStep } from '../../../src/host/panel/session';
import { PANEL_LIMITS } from '../../../src/protocol/panel';
import { bigHeapProgram, cycleProgram, runOf, threadsProgram } from './fixtures/programs';

describe('panel host: session overview', () => {
  it('replays live bytes per step and agrees with the timeline', () => {
    const run = runOf(cycleProgram());
    const ix = new EventIndex(run.result.events);
    const live = liveBytesPerStep(run.result.events, ix);
    assert.equal(live.length, run.timeline.stepCount);
    for (const s of [0, 5, 10, live.length - 1]) assert.equal(live[s], run.timeline.stateAt(s).liveBytes, `step ${s}`);
  });

  it('downsamples keeping each bucket maximum, within the point limit', () => {
    const v = Float64Array.from({ length: 10_000 }, (_, i) => (i === 4321 ? 1e6 : i % 7));
    const d = downsampleMax(v, 800);
    assert.ok(d.length <= 800);
    assert.equal(Math.max(...d.map((p) => p.bytes)), 1e6, 'the peak survives');
    assert.deepEqual(downsampleMax([], 10), []);
  });

  it('lists collections and bounded series for a long run', () => {
    const run = runOf(bigHeapProgram(400));
    const ix = new EventIndex(run.result.events);
    const ses = buildSession(run, ix, 7, liveBytesPerStep(run.result.events, ix));
    assert.equal(ses.sessionId, 7);
    assert.equal(ses.stepCount, run.timeline.stepCount);
    assert.ok(ses.memory.series.length <= PANEL_LIMITS.seriesPoints);
    assert.equal(ses.gc.collections.length, 2);
    assert.deepEqual(ses.gc.thresholds, [700, 10, 10]);
    assert.equal(ses.lines.length, 5);
    assert.equal(ses.lines[2].text?.startsWith('rec = {'), true);
    assert.equal(ses.memory.peakBytes, Math.max(...liveBytesPerStep(run.result.events, ix)));
  });

  it('knows each version\'s gc thresholds', () => {
    assert.deepEqual(defaultGcThresholds('3.13'), [2000, 10, 10]);
    assert.deepEqual(defaultGcThresholds('3.10'), [700, 10, 10]);
  });

  it('draws one lane per thread with running/waiting/blocked time and counts hand-overs', () => {
    const run = runOf(threadsProgram());
    const g = gilOverview(run.result.events, new EventIndex(run.result.events));
    assert.deepEqual(g.lanes.map((l) => l.name), ['MainThread', 'Thread-1', 'Thread-2']);
    // 24 drop-request hand-overs between the workers, the first take by Thread-1 and the main thread's return
    assert.equal(g.switchesTotal, 26);
    const main = g.lanes[0];
    assert.ok(main.totals.blocked > main.totals.running, 'the main thread mostly waits in join()');
    for (const l of g.lanes) {
      for (let i = 1; i < l.segments.length; i++) assert.ok(l.segments[i].start >= l.segments[i - 1].end, 'segments ascend');
      const sum = l.segments.reduce((n, s) => n + s.end - s.start, 0);
      assert.equal(sum, l.totals.running + l.totals.waiting + l.totals.blocked);
    }
    assert.ok(g.clock.length > 0 && g.clock.every((c, k) => k === 0 || (c.step > g.clock[k - 1].step && c.time >= g.clock[k - 1].time)), 'clock ascends');
    const w1 = g.lanes[1].totals;
    const w2 = g.lanes[2].totals;
    assert.ok(Math.abs(w1.running - w2.running) < 0.1 * w1.running, 'two CPU-bound threads share the GIL evenly');
  });

  it('says nothing about threads for a single-threaded run', () => {
    const run = runOf(cycleProgram());
    assert.equal(gilOverview(run.result.events, new EventIndex(run.result.events)).lanes.length, 0);
  });

  it('caps lane segments by time buckets, keeping the dominant state', () => {
    const segs = Array.from({ length: 1000 }, (_, i) => ({ start: i, end: i + 1, state: (i % 4 === 0 ? 'waiting' : 'running') as 'waiting' | 'running' }));
    const c = capSegments(segs, 10);
    assert.ok(c.length <= 10);
    assert.deepEqual(c.map((s) => s.state), ['running']);
    assert.equal(c[0].start, 0);
    assert.equal(c[c.length - 1].end, 1000);
  });
});
