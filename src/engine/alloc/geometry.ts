// pymalloc's geometry (64-bit default build): size classes, pool and arena sizes, pool header, and the
// facts each CPython version uses. Measured with `sys._debugmallocstats()` on 3.10.13, 3.11.7, 3.12.1
// and 3.13.0: all four print "N arenas * 1048576 bytes/arena" and "unused pools * 16384 bytes" -- since
// 3.10 the 64-bit build defines WITH_PYMALLOC_RADIX_TREE and so USE_LARGE_ARENAS (ARENA_BITS 20,
// POOL_BITS 14 in Objects/obmalloc.c / Include/internal/pycore_obmalloc.h). 256 KiB arenas with 4 KiB
// pools are the 32-bit (and pre-3.10) geometry, kept as a named constant for tests and comparison.
import type { PythonVersion } from '../api';

/** requests up to this many bytes are served by pymalloc (SMALL_REQUEST_THRESHOLD) */
export const SMALL_REQUEST_THRESHOLD = 512;
/** block alignment and size-class step on 64-bit (ALIGNMENT) */
export const ALIGNMENT = 16;
/** number of size classes: 512 / 16 */
export const NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/** POOL_OVERHEAD: sizeof(struct pool_header) = 48, rounded up to ALIGNMENT */
export const POOL_OVERHEAD = 48;
/** pages: mmap returns page-aligned (not pool-aligned) arenas */
export const PAGE_SIZE = 4096;

export interface AllocatorGeometry {
  arenaSize: number;
  poolSize: number;
}

/** 3.10-3.13, 64-bit: 1 MiB arenas, 16 KiB pools (measured, see above) */
export const LARGE_ARENAS: AllocatorGeometry = Object.freeze({ arenaSize: 1 << 20, poolSize: 1 << 14 });
/** the classic geometry (<= 3.9, or builds without the radix tree): 256 KiB arenas, 4 KiB pools */
export const SMALL_ARENAS: AllocatorGeometry = Object.freeze({ arenaSize: 1 << 18, poolSize: 1 << 12 });

const BY_VERSION: Record<PythonVersion, AllocatorGeometry> = {
  '3.10': LARGE_ARENAS,
  '3.11': LARGE_ARENAS,
  '3.12': LARGE_ARENAS,
  '3.13': LARGE_ARENAS,
};

/** The geometry of a version's default 64-bit build. */
export function geometryFor(version: PythonVersion): AllocatorGeometry {
  return BY_VERSION[version];
}

/** size class index of a small request: (nbytes - 1) >> ALIGNMENT_SHIFT (a 0-byte request is class 0) */
export function sizeClassOf(nbytes: number): number {
  return Math.max(0, Math.ceil(nbytes / ALIGNMENT) - 1);
}

/** block size of a size class: INDEX2SIZE */
export function blockSizeOf(sizeClass: number): number {
  return (sizeClass + 1) * ALIGNMENT;
}

/** blocks of one size class in a pool */
export function blocksPerPool(geometry: AllocatorGeometry, sizeClass: number): number {
  return Math.floor((geometry.poolSize - POOL_OVERHEAD) / blockSizeOf(sizeClass));
}

export function checkGeometry(g: AllocatorGeometry): void {
  const pow2 = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
  if (!pow2(g.poolSize) || !pow2(g.arenaSize) || g.poolSize < PAGE_SIZE || g.arenaSize < 2 * g.poolSize)
    throw new RangeError(`bad allocator geometry: arena ${g.arenaSize}, pool ${g.poolSize}`);
}
