// Simulated addresses: the facade the runtime calls (`allocate(nbytes)` for every new object,
// `free(addr, nbytes)` when it dies). Requests up to 512 bytes go to the pymalloc model (pymalloc.ts),
// others to the raw allocator (raw.ts). A block is returned to whichever allocator owns its address
// (obmalloc's address_in_range), so an object whose size changed while alive is still freed correctly.
// Also: a read-only heap-map snapshot, address -> arena/pool/block, and an optional event callback.
//
// Per-type free lists (freelists.ts) sit in front of both when the caller names the object's kind
// (`allocate(n, freeListKind(o))`, `free(addr, n, freeListKind(o))`); without a kind every request goes
// straight to pymalloc / raw.
import { type AllocatorGeometry, LARGE_ARENAS, POOL_OVERHEAD, SMALL_REQUEST_THRESHOLD, blockSizeOf, blocksPerPool } from './geometry';
import type { AllocEvent, ArenaSnapshot, HeapMapSnapshot, Location } from './events';
import { FreeLists, type FreeListKind } from './freelists';
import { Pymalloc } from './pymalloc';
import { RawAllocator } from './raw';

export type { AllocatorGeometry } from './geometry';
export type { AllocEvent, HeapMapSnapshot, Location } from './events';
export { freeListKind, tupleFreeList, type FreeListKind } from './freelists';

export class Allocator {
  private readonly small: Pymalloc;
  private readonly raw: RawAllocator;
  readonly freeLists = new FreeLists();
  /** optional: arena/pool/raw events with bytes, and block events when `blockEvents` is on (the runtime
   * forwards arena and pool events to the trace) */
  onEvent: ((e: AllocEvent) => void) | null = null;

  /** emit block-alloc/block-free too (two events per object; off by default) */
  get blockEvents(): boolean {
    return this.small.blockEvents;
  }
  set blockEvents(on: boolean) {
    this.small.blockEvents = on;
  }
  /** blocks handed out and not freed: pymalloc blocks are marked in their pool's bitmap (a Set with this
   * much churn costs more than the rest of the allocator), raw ones here */
  private readonly liveRaw = new Set<number>();
  private liveCount = 0;

  constructor(readonly geometry: AllocatorGeometry = LARGE_ARENAS) {
    const emit = (e: AllocEvent): void => this.onEvent?.(e);
    this.small = new Pymalloc(geometry, emit);
    this.raw = new RawAllocator(emit);
  }

  /** size class index of a small request */
  static sizeClass(nbytes: number): number {
    return Math.max(0, Math.ceil(nbytes / 16) - 1);
  }

  /** the last allocate() took its block from a free list (the GC allocator was not called: no gen-0 count) */
  reused = false;
  /** the last free() kept the block on a free list (PyObject_GC_Del was not called) */
  kept = false;

  /** Memory for a new object: from its kind's free list when one is given and not empty, else pymalloc / raw. */
  allocate(nbytes: number, kind?: FreeListKind | null): number {
    const cached = kind ? this.freeLists.take(kind) : undefined;
    this.reused = cached !== undefined;
    const addr = cached ?? (nbytes > 0 && nbytes <= SMALL_REQUEST_THRESHOLD ? this.small.allocate(nbytes) : this.raw.allocate(nbytes));
    this.mark(addr, 1);
    return addr;
  }

  /** set a block's handed-out mark; returns the previous one */
  private mark(addr: number, to: 0 | 1): number {
    const pool = this.small.poolOf(addr);
    let was: number;
    if (pool && pool.sizeClass >= 0) {
      const i = (addr - pool.address - POOL_OVERHEAD) / blockSizeOf(pool.sizeClass);
      was = pool.handedOut[i];
      pool.handedOut[i] = to;
    } else {
      was = this.liveRaw.has(addr) ? 1 : 0;
      if (to) this.liveRaw.add(addr);
      else this.liveRaw.delete(addr);
    }
    this.liveCount += to - was;
    return was;
  }

  /** Return a block (to its kind's free list when there is room). `nbytes` is informational: the owner is found from the address. */
  free(addr: number, nbytes: number, kind?: FreeListKind | null): void {
    void nbytes;
    this.kept = false;
    if (!this.mark(addr, 0)) return; // not handed out (or already freed)
    this.kept = !!kind && this.freeLists.give(kind, addr);
    if (!this.kept) this.release(addr);
  }

  private release(addr: number): void {
    if (!this.small.free(addr)) this.raw.free(addr);
  }

  /**
   * _PyGC_ClearAllFreeLists (every full collection): the blocks kept on the free lists go back to
   * pymalloc. Returns how many of them were GC objects (each one a PyObject_GC_Del).
   */
  clearFreeLists(): number {
    let gcObjects = 0;
    for (const [kind, addrs] of this.freeLists.drain()) {
      if (kind !== 'float') gcObjects += addrs.length;
      for (const a of addrs) this.release(a);
    }
    return gcObjects;
  }

  /** blocks handed out and not freed */
  get live(): number {
    return this.liveCount;
  }

  locate(addr: number): Location {
    const pool = this.small.poolOf(addr);
    if (pool && pool.sizeClass >= 0) {
      const bs = blockSizeOf(pool.sizeClass);
      return { kind: 'pymalloc', arena: pool.arena.address, pool: pool.address, block: Math.floor((addr - pool.address - 48) / bs), sizeClass: pool.sizeClass, blockSize: bs };
    }
    const raw = this.raw.live.get(addr);
    return raw === undefined ? { kind: 'unknown' } : { kind: 'raw', bytes: raw };
  }

  /** The heap map: a copy, safe to keep. */
  snapshot(): HeapMapSnapshot {
    const g = this.geometry;
    const arenas: ArenaSnapshot[] = this.small.arenas.map((a) => ({
      address: a.address,
      bytes: g.arenaSize,
      totalPools: a.totalPools,
      freePools: a.freePools,
      untouchedPools: Math.round((a.firstPool + a.totalPools * g.poolSize - a.poolAddress) / g.poolSize),
      pools: [...a.pools.values()]
        .sort((x, y) => x.address - y.address)
        .map((p) => ({
          address: p.address,
          sizeClass: p.sizeClass,
          blockSize: p.sizeClass >= 0 ? blockSizeOf(p.sizeClass) : 0,
          usedBlocks: p.used,
          totalBlocks: p.sizeClass >= 0 ? blocksPerPool(g, p.sizeClass) : 0,
          state: p.state,
        })),
    }));
    return {
      arenaSize: g.arenaSize,
      poolSize: g.poolSize,
      arenas,
      arenasAllocatedTotal: this.small.arenasAllocatedTotal,
      arenasReclaimed: this.small.arenasReclaimed,
      arenasHighwater: this.small.arenasHighwater,
      rawBlocks: this.raw.live.size,
      rawBytes: this.raw.liveBytes,
    };
  }
}
