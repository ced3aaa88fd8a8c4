// CPython's per-type free lists, in front of pymalloc: a dying float, list, dict or short tuple keeps
// its memory on its type's free list (up to a limit) and the next object of that kind takes it back,
// last freed first. So a freed float's block is never handed to an int of the same size class, and a
// list reuses a freed list's address whatever their lengths (the list header is a fixed-size object).
// Limits are those of Include/internal/pycore_freelist.h (3.12/3.13) and Objects/*object.c (3.10/3.11):
// PyFloat_MAXFREELIST 100, PyTuple_MAXFREELIST 2000 per length 1..19 (PyTuple_MAXSAVESIZE 20),
// PyList_MAXFREELIST 80, PyDict_MAXFREELIST 80 -- unchanged from 3.10 to 3.13. The lists start empty
// (the objects CPython's startup leaves on them are not the program's), and every full collection
// empties them (_PyGC_ClearAllFreeLists). A block taken from or given back to a free list is no
// GC allocation / deallocation: generation 0's count does not move (Allocator.reused / kept).
// Not modelled: dict keys-table, async generator, context and slice free lists, 3.10's per-code frames.
import { PyDict, PyFloat, PyList, PyTuple, type PyObject } from '../objects/model';

export type FreeListKind = 'float' | 'list' | 'dict' | `tuple${number}`;

const TUPLE_MAXSAVESIZE = 20;
const LIMITS: Record<string, number> = { float: 100, list: 80, dict: 80, tuple: 2000 };

/** the free list of tuples of length `n` (the empty tuple is a singleton; 20 items and more have none) */
export function tupleFreeList(n: number): FreeListKind | null {
  return n > 0 && n < TUPLE_MAXSAVESIZE ? `tuple${n}` : null;
}

/** the free list an object goes to when it dies (and comes from when created), if any */
export function freeListKind(o: PyObject): FreeListKind | null {
  if (o.type.isHeap) return null; // subclass instances never use the base type's free list
  if (o instanceof PyFloat) return o.type.name === 'float' ? 'float' : null;
  if (o instanceof PyList) return o.type.name === 'list' ? 'list' : null;
  if (o instanceof PyDict) return o.type.name === 'dict' ? 'dict' : null;
  if (o instanceof PyTuple && o.type.name === 'tuple' && !o.structName) return tupleFreeList(o.items.length);
  return null;
}

export class FreeLists {
  private readonly lists = new Map<FreeListKind, number[]>();

  static limit(kind: FreeListKind): number {
    return LIMITS[kind.startsWith('tuple') ? 'tuple' : kind] ?? 0;
  }

  /** an address from the kind's free list (most recently freed), if any */
  take(kind: FreeListKind): number | undefined {
    return this.lists.get(kind)?.pop();
  }

  /** keep a dying object's address; false when the list is full (the memory goes back to pymalloc) */
  give(kind: FreeListKind, addr: number): boolean {
    let list = this.lists.get(kind);
    if (!list) this.lists.set(kind, (list = []));
    if (list.length >= FreeLists.limit(kind)) return false;
    list.push(addr);
    return true;
  }

  /** empty every list, returning what each held (most recently freed last) */
  drain(): [FreeListKind, number[]][] {
    const out = [...this.lists];
    this.lists.clear();
    return out;
  }

  size(kind: FreeListKind): number {
    return this.lists.get(kind)?.length ?? 0;
  }
}
