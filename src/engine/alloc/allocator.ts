// Simulated addresses: a small model of CPython's allocators. Requests up to 512 bytes come from
// pymalloc-style size classes (16-byte alignment on 64-bit) carved from pools inside arenas, and a freed
// block is reused LIFO by the next request of its size class, which is what makes `id()` reuse after a
// free behave as in CPython. Larger requests come from a separate "raw" region.
// (The fuller model with pool states and arena release is issue 8's.)

const SMALL_LIMIT = 512;
const ALIGN = 16;

export interface AllocatorGeometry {
  arenaSize: number;
  poolSize: number;
}

export class Allocator {
  private freeBlocks: number[][] = [];
  private poolNext: number[] = [];
  private poolEnd: number[] = [];
  private nextPool: number;
  private arenaEnd: number;
  private rawNext = 0x7f3a00000000;
  private rawFree = new Map<number, number[]>();
  /** addresses handed out and not freed -> requested size */
  live = 0;

  constructor(private geometry: AllocatorGeometry = { arenaSize: 256 * 1024, poolSize: 4096 }) {
    this.nextPool = 0x7f1c00000000;
    this.arenaEnd = this.nextPool + geometry.arenaSize;
  }

  static sizeClass(nbytes: number): number {
    return Math.max(0, Math.ceil(nbytes / ALIGN) - 1);
  }

  allocate(nbytes: number): number {
    this.live++;
    if (nbytes > SMALL_LIMIT || nbytes <= 0) {
      const key = Math.ceil(Math.max(nbytes, 1) / 4096);
      const list = this.rawFree.get(key);
      if (list && list.length) return list.pop()!;
      const a = this.rawNext;
      this.rawNext += key * 4096 + 0x10;
      return a;
    }
    const cls = Allocator.sizeClass(nbytes);
    const free = this.freeBlocks[cls];
    if (free && free.length) return free.pop()!;
    const block = (cls + 1) * ALIGN;
    if (this.poolNext[cls] === undefined || this.poolNext[cls] + block > this.poolEnd[cls]) {
      if (this.nextPool + this.geometry.poolSize > this.arenaEnd) {
        this.nextPool = this.arenaEnd + 0x100000;
        this.arenaEnd = this.nextPool + this.geometry.arenaSize;
      }
      // a pool header takes the first 48 bytes, as in obmalloc (POOL_OVERHEAD rounded to 16)
      this.poolNext[cls] = this.nextPool + 48;
      this.poolEnd[cls] = this.nextPool + this.geometry.poolSize;
      this.nextPool += this.geometry.poolSize;
    }
    const a = this.poolNext[cls];
    this.poolNext[cls] += block;
    return a;
  }

  free(addr: number, nbytes: number): void {
    this.live--;
    if (nbytes > SMALL_LIMIT || nbytes <= 0) {
      const key = Math.ceil(Math.max(nbytes, 1) / 4096);
      let list = this.rawFree.get(key);
      if (!list) this.rawFree.set(key, (list = []));
      list.push(addr);
      return;
    }
    const cls = Allocator.sizeClass(nbytes);
    (this.freeBlocks[cls] ??= []).push(addr);
  }
}
