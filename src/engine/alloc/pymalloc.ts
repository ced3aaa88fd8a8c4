// pymalloc (Objects/obmalloc.c) for requests up to 512 bytes: size classes of 16 bytes, pools carved from
// arenas, usedpools[] per size class (the head pool serves; a pool that frees a block after being full
// goes to the front), each pool's freed blocks reused LIFO before its never-used ("virgin") blocks, empty
// pools kept LIFO per arena, usable arenas kept sorted by free pools (the fullest serves first), and an
// arena released when all its pools are empty unless it is the last usable arena (bpo-37257).
// Addresses are plain numbers below 2**53 (never bitwise operators on them).
import {
  type AllocatorGeometry, PAGE_SIZE, POOL_OVERHEAD, blockSizeOf, blocksPerPool, checkGeometry, sizeClassOf,
} from './geometry';
import type { AllocEvent, PoolState } from './events';

export interface Pool {
  readonly address: number;
  readonly arena: Arena;
  /** size class index; -1 before first use (DUMMY_SIZE_IDX) */
  sizeClass: number;
  /** blocks in use (ref.count) */
  used: number;
  /** blocks of this size class that fit the pool */
  capacity: number;
  /** freed blocks, the last pushed is served first (the pool's freeblock list) */
  freed: number[];
  /** offset of the next never-used block (nextoffset) */
  nextOffset: number;
  state: PoolState;
  /** 1 for each block handed to an object (by index), kept by the Allocator to catch double frees */
  handedOut: Uint8Array;
}

export interface Arena {
  readonly address: number;
  /** first pool-aligned address inside the arena */
  readonly firstPool: number;
  readonly totalPools: number;
  freePools: number;
  /** next never-carved pool (pool_address) */
  poolAddress: number;
  /** empty pools, the last pushed is reused first (freepools) */
  emptyPools: Pool[];
  /** carved pools by address */
  readonly pools: Map<number, Pool>;
  /** order of creation (arena objects are numbered, freed slots are not renumbered here) */
  readonly serial: number;
}

const ARENA_BASE = 0x7f1c00000000;

export class Pymalloc {
  /** usedpools[class]: partially used pools, head first */
  private readonly usedPools: Pool[][] = [];
  /** usable_arenas: arenas with a free pool, sorted by freePools ascending */
  private usable: Arena[] = [];
  /** every live arena, in creation order */
  readonly arenas: Arena[] = [];
  /** pools by index (address / pool size, counted from the first arena's: a small integer, a fast key) */
  private readonly poolByAddress = new Map<number, Pool>();
  private readonly poolIndexOrigin: number;
  private releasedBases: number[] = [];
  private nextBase = ARENA_BASE;
  private serial = 0;
  arenasAllocatedTotal = 0;
  arenasReclaimed = 0;
  arenasHighwater = 0;

  /** whether block-alloc/block-free events are emitted (two per object: off unless asked for) */
  blockEvents = false;

  constructor(readonly geometry: AllocatorGeometry, private readonly emit?: (e: AllocEvent) => void) {
    checkGeometry(geometry);
    this.poolIndexOrigin = Math.floor(ARENA_BASE / geometry.poolSize);
  }

  /** the pool holding `addr`, when `addr` is a pymalloc block (address_in_range) */
  poolOf(addr: number): Pool | undefined {
    return this.poolByAddress.get(this.poolKey(addr));
  }

  private poolKey(addr: number): number {
    return Math.floor(addr / this.geometry.poolSize) - this.poolIndexOrigin;
  }

  allocate(nbytes: number): number {
    const cls = sizeClassOf(nbytes);
    const list = this.usedPools[cls];
    const pool = list && list.length ? list[0] : this.newPool(cls);
    return this.takeBlock(pool);
  }

  /** free a block; false when `addr` is not one of pymalloc's */
  free(addr: number): boolean {
    const pool = this.poolOf(addr);
    if (!pool || pool.sizeClass < 0 || pool.used === 0) return false;
    const wasFull = pool.state === 'full';
    pool.freed.push(addr);
    pool.used--;
    if (this.blockEvents) this.emit?.({ k: 'block-free', address: addr, sizeClass: pool.sizeClass, bytes: blockSizeOf(pool.sizeClass) });
    if (wasFull) {
      // a full pool is in no list: link it to the front of usedpools[class]
      this.setState(pool, 'used');
      (this.usedPools[pool.sizeClass] ??= []).unshift(pool);
    }
    if (pool.used > 0) return true;
    this.poolEmptied(pool);
    return true;
  }

  private takeBlock(pool: Pool): number {
    const bs = blockSizeOf(pool.sizeClass);
    let addr: number;
    if (pool.freed.length) addr = pool.freed.pop()!;
    else {
      addr = pool.address + pool.nextOffset;
      pool.nextOffset += bs;
    }
    pool.used++;
    if (this.blockEvents) this.emit?.({ k: 'block-alloc', address: addr, sizeClass: pool.sizeClass, bytes: bs });
    if (pool.used === pool.capacity) {
      const list = this.usedPools[pool.sizeClass];
      list.splice(list.indexOf(pool), 1);
      this.setState(pool, 'full');
    }
    return addr;
  }

  /** allocate_from_new_pool: an empty pool of the head usable arena (or a new arena), set up for `cls` */
  private newPool(cls: number): Pool {
    if (!this.usable.length) this.usable.push(this.newArena());
    const arena = this.usable[0];
    let pool = arena.emptyPools.pop();
    if (!pool) {
      pool = {
        address: arena.poolAddress, arena, sizeClass: -1, used: 0, capacity: 0, freed: [], nextOffset: POOL_OVERHEAD, state: 'empty', handedOut: new Uint8Array(0),
      };
      arena.pools.set(pool.address, pool);
      this.poolByAddress.set(this.poolKey(pool.address), pool);
      arena.poolAddress += this.geometry.poolSize;
    }
    arena.freePools--;
    if (arena.freePools === 0) this.usable.shift();
    if (pool.sizeClass !== cls) {
      // a pool that last held another size class is re-initialised; one of the same class keeps its
      // free list (obmalloc: "Luckily, this pool last contained blocks of the same size class")
      pool.sizeClass = cls;
      pool.capacity = blocksPerPool(this.geometry, cls);
      pool.freed = [];
      pool.nextOffset = POOL_OVERHEAD;
      pool.handedOut = new Uint8Array(pool.capacity);
    }
    this.setState(pool, 'used');
    (this.usedPools[cls] ??= []).unshift(pool);
    return pool;
  }

  /** insert_to_freepool and the arena bookkeeping that follows */
  private poolEmptied(pool: Pool): void {
    const list = this.usedPools[pool.sizeClass];
    list.splice(list.indexOf(pool), 1);
    this.setState(pool, 'empty');
    const arena = pool.arena;
    arena.emptyPools.push(pool);
    const idx = this.usable.indexOf(arena);
    arena.freePools++;
    const nf = arena.freePools;
    if (nf === arena.totalPools && idx >= 0 && idx < this.usable.length - 1) {
      this.usable.splice(idx, 1);
      this.releaseArena(arena);
      return;
    }
    if (idx >= 0) this.usable.splice(idx, 1);
    // the arena becomes the leftmost of the arenas with its new count of free pools
    let at = 0;
    while (at < this.usable.length && this.usable[at].freePools < nf) at++;
    this.usable.splice(at, 0, arena);
  }

  private newArena(): Arena {
    const g = this.geometry;
    const base = this.releasedBases.pop() ?? this.freshBase();
    // mmap gives page-aligned memory: the partial pool before the first pool boundary is lost
    const excess = base % g.poolSize;
    const firstPool = excess ? base + g.poolSize - excess : base;
    const totalPools = g.arenaSize / g.poolSize - (excess ? 1 : 0);
    const arena: Arena = {
      address: base, firstPool, totalPools, freePools: totalPools, poolAddress: firstPool, emptyPools: [], pools: new Map(), serial: this.serial++,
    };
    this.arenas.push(arena);
    this.arenasAllocatedTotal++;
    this.arenasHighwater = Math.max(this.arenasHighwater, this.arenas.length);
    this.emit?.({ k: 'arena-alloc', address: base, bytes: g.arenaSize });
    return arena;
  }

  private freshBase(): number {
    // arenas one page past a 2-arena stride: deterministic, never pool-aligned (as mmap's usually are not)
    const b = this.nextBase + PAGE_SIZE;
    this.nextBase += 2 * this.geometry.arenaSize;
    return b;
  }

  private releaseArena(arena: Arena): void {
    for (const p of arena.pools.keys()) this.poolByAddress.delete(this.poolKey(p));
    this.arenas.splice(this.arenas.indexOf(arena), 1);
    this.releasedBases.push(arena.address);
    this.arenasReclaimed++;
    this.emit?.({ k: 'arena-free', address: arena.address, bytes: this.geometry.arenaSize });
  }

  private setState(pool: Pool, to: PoolState): void {
    const from = pool.state;
    if (from === to) return;
    pool.state = to;
    this.emit?.({ k: 'pool-state', address: pool.address, arena: pool.arena.address, sizeClass: pool.sizeClass, from, to, bytes: this.geometry.poolSize });
  }
}
