// Simulated addresses: the facade the runtime calls (`allocate(nbytes)` for every new object,
// `free(addr, nbytes)` when it dies). Requests up to 512 bytes go to the pymalloc model (pymalloc.ts),
// others to the raw allocator (raw.ts). A block is returned to whichever allocator owns its address
// (obmalloc's address_in_range), so an object whose size changed while alive is still freed correctly.
// Also: a read-only heap-map snapshot, address -> arena/pool/block, and an optional event callback.
//
// Per-type free lists (float, tuple, list, dict, ...) are not modelled here: the runtime counts list and
// dict free-list use for the collector (runtime.ts), and every object's memory comes from pymalloc, so
// an object reused from a CPython free list shows here as a LIFO block reuse of the same size class --
// the same id() for the common cases (a freed list's id is taken by the next list of that size).
import { type AllocatorGeometry, LARGE_ARENAS, SMALL_REQUEST_THRESHOLD, blockSizeOf, blocksPerPool } from './geometry';
import type { AllocEvent, ArenaSnapshot, HeapMapSnapshot, Location } from './events';
import { Pymalloc } from './pymalloc';
import { RawAllocator } from './raw';

export type { AllocatorGeometry } from './geometry';
export type { AllocEvent, HeapMapSnapshot, Location } from './events';

/** Observes object-level traffic (tracemalloc): called for every block handed out / returned / resized. */
export interface BlockObserver {
  allocated(addr: number, nbytes: number): void;
  freed(addr: number): void;
  resized(addr: number, oldBytes: number, newBytes: number): void;
}

export class Allocator {
  private readonly small: Pymalloc;
  private readonly raw: RawAllocator;
  /** optional: arena/pool/block/raw events with bytes (the runtime may forward them to the trace) */
  onEvent: ((e: AllocEvent) => void) | null = null;
  /** optional: the tracemalloc module's view of each request */
  observer: BlockObserver | null = null;
  /** blocks handed out and not freed */
  live = 0;

  constructor(readonly geometry: AllocatorGeometry = LARGE_ARENAS) {
    const emit = (e: AllocEvent): void => this.onEvent?.(e);
    this.small = new Pymalloc(geometry, emit);
    this.raw = new RawAllocator(emit);
  }

  /** size class index of a small request */
  static sizeClass(nbytes: number): number {
    return Math.max(0, Math.ceil(nbytes / 16) - 1);
  }

  allocate(nbytes: number): number {
    this.live++;
    const addr = nbytes > 0 && nbytes <= SMALL_REQUEST_THRESHOLD ? this.small.allocate(nbytes) : this.raw.allocate(nbytes);
    this.observer?.allocated(addr, nbytes);
    return addr;
  }

  /** Return a block. `nbytes` is informational: the owner is found from the address. */
  free(addr: number, nbytes: number): void {
    void nbytes;
    if (this.small.free(addr) || this.raw.free(addr)) {
      this.live--;
      this.observer?.freed(addr);
    }
  }

  /** A live object's size changed (list growth, dict resize): its address stays, observers are told. */
  resized(addr: number, oldBytes: number, newBytes: number): void {
    this.observer?.resized(addr, oldBytes, newBytes);
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
