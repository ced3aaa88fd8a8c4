// The allocator model in the event stream: arenas mapped and released and pool state changes appear
// as `heap` events (bytes included), each pool's changes chained and known to the heap map, and they
// cross the worker boundary through the codec unchanged.
import assert from 'node:assert/strict';
import { simulate } from '../../../src/engine/index';
import type { TraceEvent } from '../../../src/engine/trace/events';
import { decodeEvents, encodeEvents } from '../../../src/host/simulation/codec';

type Heap = Extract<TraceEvent, { k: 'heap' }>;

describe('allocator events in the trace', function () {
  this.timeout(60_000);
  const r = simulate(
    'keep = []\nfor i in range(3000):\n    keep.append([i])\nprint(len(keep))\ndel keep\nprint("freed")\n',
    { version: '3.12', recordEvents: true },
  );
  const heap = r.events.slice().filter((e): e is Heap => e.k === 'heap');

  it('maps arenas of 1 MiB and moves pools between empty, used and full', () => {
    assert.equal(r.status, 'ok', r.stderr);
    const arenas = heap.filter((e) => e.what === 'arena-alloc');
    assert.ok(arenas.length >= 1 && arenas.every((e) => e.bytes === 1 << 20));
    const pools = heap.filter((e) => e.what === 'pool-state');
    assert.ok(pools.every((e) => e.bytes === 16384 && e.from !== e.to && arenas.some((a) => a.address === e.arena)));
    // 3000 lists of 56 + 8 bytes and their item arrays fill pools: some become full, and when the
    // lists die their pools go back to used and empty
    assert.ok(pools.some((e) => e.to === 'full'), 'a pool filled up');
    assert.ok(pools.some((e) => e.from === 'full' && e.to === 'used'), 'a full pool got a block back');
    assert.ok(pools.some((e) => e.to === 'empty'), 'a pool emptied');
  });

  it('tells each pool\'s story without gaps: every change starts where the last one ended', () => {
    const state = new Map<number, string>();
    let checked = 0;
    for (const e of heap) {
      if (e.what !== 'pool-state') continue;
      // a pool's first event starts from 'empty' (carved from its arena, or reused from the arena's free pools)
      assert.equal(e.from, state.get(e.address) ?? 'empty', `pool ${e.address.toString(16)}`);
      state.set(e.address, e.to!);
      checked++;
    }
    assert.ok(checked > 10, `${checked} pool changes`);
    // every pool the run ever used is in the heap map taken at the end of the program
    const mapped = new Set(r.heapMap!.arenas.flatMap((a) => a.pools.map((p) => p.address)));
    for (const addr of state.keys()) assert.ok(mapped.has(addr), `pool ${addr.toString(16)} missing from the heap map`);
  });

  it('survives the transfer encoding', () => {
    assert.deepEqual(decodeEvents(encodeEvents(heap)).slice(), heap);
  });
});
