// Timeline.buildInSlices: a timeline built in many small slices (a pause after every slice) answers
// exactly as one built at once, pauses as often as its slices demand, and stops when cancelled.
import { strict as assert } from 'node:assert';
import { EventLog } from '../../../src/engine/trace/log';
import { Timeline } from '../../../src/engine/trace/timeline';
import { generateStream } from './gen';
import { perfStream } from './perfstream';

describe('trace/Timeline.buildInSlices', function () {
  this.timeout(60_000);

  it('answers exactly as a timeline built at once', async () => {
    for (const seed of [3, 17, 99]) {
      const { events } = generateStream({ seed, events: 30_000, addresses: 80, maxLive: 70, retain: 0.2 });
      const log = EventLog.from(events);
      const once = new Timeline(log, { checkpointEvery: 512 });
      // a clock that says every deadline has passed: each slice stops at its first time check
      let clock = 0;
      let pauses = 0;
      const sliced = await Timeline.buildInSlices(log, { checkpointEvery: 512 }, { pause: async () => { pauses++; }, now: () => (clock += 1), sliceMs: 0 });
      assert.ok(sliced);
      assert.ok(pauses >= events.length / 1024 - 1, `${pauses} pauses for ${events.length} events`);
      assert.equal(sliced.stepCount, once.stepCount);
      assert.equal(sliced.checkpointCount, once.checkpointCount);
      assert.deepEqual([...sliced.lineSummaries()], [...once.lineSummaries()]);
      assert.deepEqual(sliced.gcMarkers(), once.gcMarkers());
      assert.deepEqual(sliced.bytesSeries(), once.bytesSeries());
      assert.equal(sliced.stdoutAt(sliced.stepCount - 1), once.stdoutAt(once.stepCount - 1));
      for (const step of [0, 1, Math.floor(once.stepCount / 3), once.stepCount - 1]) {
        assert.deepEqual(sliced.stateAt(step), once.stateAt(step), `seed ${seed} step ${step}`);
      }
    }
  });

  it('keeps each slice short on a 1,000,000-event stream and can be cancelled', async () => {
    const events = perfStream(1_000_000, 5_000);
    let worst = 0;
    let start = performance.now();
    const tl = await Timeline.buildInSlices(events, {}, {
      sliceMs: 10,
      pause: async () => {
        worst = Math.max(worst, performance.now() - start);
        await new Promise<void>((r) => setImmediate(r));
        start = performance.now();
      },
    });
    assert.ok(tl);
    console.log(`      longest slice: ${worst.toFixed(1)} ms`);
    assert.ok(worst < 100, `a slice took ${worst.toFixed(0)} ms`);
    let pauses = 0;
    const cancelled = await Timeline.buildInSlices(events, {}, { sliceMs: 1, pause: async () => { pauses++; }, cancelled: () => pauses >= 3 });
    assert.equal(cancelled, undefined);
    assert.equal(pauses, 3);
  });
});
