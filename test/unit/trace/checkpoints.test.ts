// Property tests on random streams from the model VM in gen.ts: the state at a step is the same
// whether it comes from a nearby checkpoint or from replaying everything, and it matches what the
// model itself knew at that step (refcounts, holders, sizes, generations, names, live bytes).
import { strict as assert } from 'node:assert';
import type { HeapState } from '../../../src/engine/api';
import { Timeline } from '../../../src/engine/trace/timeline';
import { generateStream, holderKey, rng, type ModelSnapshot } from './gen';

function checkAgainstModel(state: HeapState, model: ModelSnapshot, seed: number): void {
  const where = `seed ${seed} step ${model.step}`;
  assert.equal(state.objects.length, model.objects.size, `${where}: live objects`);
  assert.equal(state.liveBytes, model.liveBytes, `${where}: live bytes`);
  for (const o of state.objects) {
    const m = model.objects.get(o.id);
    assert.ok(m, `${where}: ${o.id} alive in the timeline only`);
    assert.deepEqual([o.type, o.size, o.refcount, o.generation], [m.type, m.size, m.rc, m.generation], `${where}: ${o.id}`);
    const refs = new Map(o.referrers.map((r) => [holderKey(r.holder), r.count]));
    assert.deepEqual(refs, m.refs, `${where}: referrers of ${o.id}`);
  }
  assert.deepEqual(
    state.frames.map((f) => [f.id, f.name, [...f.names].map((n) => [n.name, n.obj]).sort()]),
    model.frames.map((f) => [f.id, f.name, [...f.names].sort()]),
    `${where}: frames`,
  );
}

describe('trace/Timeline checkpoints (property)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`matches full replay and the model on a random stream (seed ${seed})`, () => {
      const { events, snapshots } = generateStream({ seed, events: 12_000, addresses: 64, snapshotRate: 0.02, maxLive: 60 });
      assert.ok(snapshots.length > 20, 'enough model snapshots');
      const fast = new Timeline(events, { checkpointEvery: 37 });
      const full = new Timeline(events, { checkpointEvery: Number.MAX_SAFE_INTEGER });
      assert.ok(fast.checkpointCount > 50, `checkpoints taken: ${fast.checkpointCount}`);
      assert.equal(full.checkpointCount, 1);
      for (const m of snapshots) {
        const a = fast.stateAt(m.step);
        assert.deepEqual(a, full.stateAt(m.step), `seed ${seed} step ${m.step}: checkpoint vs full replay`);
        checkAgainstModel(a, m, seed);
      }
      // random steps in random order: checkpoints are never mutated by the queries
      const rand = rng(seed * 7919);
      for (let i = 0; i < 25; i++) {
        const s = Math.floor(rand() * fast.stepCount);
        assert.deepEqual(fast.stateAt(s), full.stateAt(s), `seed ${seed} step ${s}`);
      }
      // the per-step series agrees with the states
      const bytes = fast.bytesSeries();
      for (const m of snapshots) assert.equal(bytes[m.step], m.liveBytes);
    });
  }
});
