// The raw allocator (PyMem_RawMalloc -> the C library's malloc) for requests pymalloc does not serve
// (more than 512 bytes, or 0). Modelled coarsely: requests are grouped by their count of 4 KiB pages and
// a freed block is reused LIFO by the next request of the same group -- enough for deterministic id()
// reuse of large objects; glibc's bins, coalescing and mmap threshold are not modelled.
import type { AllocEvent } from './events';

const RAW_BASE = 0x7f3a00000000;
const PAGE = 4096;

export class RawAllocator {
  private next = RAW_BASE;
  private readonly freeByPages = new Map<number, number[]>();
  /** live block -> requested bytes */
  readonly live = new Map<number, number>();
  liveBytes = 0;

  constructor(private readonly emit?: (e: AllocEvent) => void) {}

  static pagesOf(nbytes: number): number {
    return Math.ceil(Math.max(nbytes, 1) / PAGE);
  }

  allocate(nbytes: number): number {
    const pages = RawAllocator.pagesOf(nbytes);
    const list = this.freeByPages.get(pages);
    let addr: number;
    if (list && list.length) addr = list.pop()!;
    else {
      addr = this.next;
      this.next += pages * PAGE + 0x10;
    }
    this.live.set(addr, nbytes);
    this.liveBytes += nbytes;
    this.emit?.({ k: 'raw-alloc', address: addr, bytes: nbytes });
    return addr;
  }

  /** free a block; false when `addr` is not a live raw block */
  free(addr: number): boolean {
    const nbytes = this.live.get(addr);
    if (nbytes === undefined) return false;
    this.live.delete(addr);
    this.liveBytes -= nbytes;
    const pages = RawAllocator.pagesOf(nbytes);
    let list = this.freeByPages.get(pages);
    if (!list) this.freeByPages.set(pages, (list = []));
    list.push(addr);
    this.emit?.({ k: 'raw-free', address: addr, bytes: nbytes });
    return true;
  }
}
