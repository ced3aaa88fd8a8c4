// What the allocator model reports as it works: arenas allocated and released, pool state changes,
// blocks handed out and returned, raw (malloc) requests -- each with its bytes. Also the shapes of its
// read-only snapshot (the "heap map": arenas -> pools -> fill).

export type PoolState = 'used' | 'full' | 'empty';

export type AllocEvent =
  | { k: 'arena-alloc'; address: number; bytes: number }
  | { k: 'arena-free'; address: number; bytes: number }
  | { k: 'pool-state'; address: number; arena: number; sizeClass: number; from: PoolState; to: PoolState; bytes: number }
  | { k: 'block-alloc'; address: number; sizeClass: number; bytes: number }
  | { k: 'block-free'; address: number; sizeClass: number; bytes: number }
  | { k: 'raw-alloc'; address: number; bytes: number }
  | { k: 'raw-free'; address: number; bytes: number };

export interface PoolSnapshot {
  address: number;
  /** size class index (block size = 16 * (sizeClass + 1)); -1 for a pool never used */
  sizeClass: number;
  blockSize: number;
  usedBlocks: number;
  totalBlocks: number;
  state: PoolState;
}

export interface ArenaSnapshot {
  address: number;
  bytes: number;
  totalPools: number;
  freePools: number;
  /** pools never carved yet (after the carved ones) */
  untouchedPools: number;
  /** carved pools in address order */
  pools: PoolSnapshot[];
}

export interface HeapMapSnapshot {
  arenaSize: number;
  poolSize: number;
  arenas: ArenaSnapshot[];
  arenasAllocatedTotal: number;
  arenasReclaimed: number;
  arenasHighwater: number;
  /** raw (malloc) blocks alive and their bytes */
  rawBlocks: number;
  rawBytes: number;
}

/** Where an address lives: a pymalloc block (arena, pool, block index) or a raw allocation. */
export type Location =
  | { kind: 'pymalloc'; arena: number; pool: number; block: number; sizeClass: number; blockSize: number }
  | { kind: 'raw'; bytes: number }
  | { kind: 'unknown' };
