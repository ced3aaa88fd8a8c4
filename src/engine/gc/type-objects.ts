// The GC objects CPython allocates when it creates a class that the engine keeps no object for: the
// type's dict (tp_dict, a copy of the class namespace; the engine keeps the attributes in a JS map), the
// __dict__ / __weakref__ getset descriptors PyType_Ready puts in it, the weak reference to the class in
// its bases' __subclasses__ table (one basic ref, shared by all bases) and that table itself (made by a
// type's first subclass), and type_new's temporaries: the
// argument tuple of the type(name, bases, ns) call, the dict copy type_new_set_names iterates, the list
// mro_implementation merges into for several bases, the super object and bound __init_subclass__ that
// type_new_init_subclass calls (3.10: super has no vectorcall, so its argument tuple too); with
// __slots__, the tuples and list type_new makes of them and the ht_slots tuple the class keeps.
// Only their memory (free lists included) and generation 0's count are modelled, in CPython's order (a
// 3.10/3.11 collection starts inside the allocation that crosses threshold 0). The objects a class keeps
// are released with it (type_clear / type_dealloc). Objects of the interpreter's own preludes do not count.
import type { PyType } from '../objects/model';
import { tupleFreeList, type FreeListKind } from '../alloc/freelists';
import { tupleSize } from '../objects/sizes';
import type { Interpreter } from '../vm/machine';

/** the getset descriptors type_new adds for a static base of this layout (bit 1: __dict__, bit 2: __weakref__) */
export function getsetsFor(base: PyType): number {
  if (base.isHeap) return 0; // a heap base: see vm/slots.ts (what its own __slots__ left out)
  switch (base.layout) {
    case 'BaseException': // has a dict offset, no weak list
    case 'staticmethod':
    case 'classmethod':
      return 2;
    case 'int': // variable-size (tp_itemsize != 0): no weak list slot can be added
    case 'tuple':
    case 'set': // has its own weak list
    case 'frozenset':
      return 1;
    case 'type':
      return 0;
    default:
      return 3;
  }
}

/** sys.getsizeof of a getset descriptor, a super object, a builtin bound method: 64, 56, 72 on 3.10-3.13 */
const DESCRIPTOR = 64;
const SUPER = 56;
const BUILTIN_METHOD = 72;

/** the trace label of a class's i-th getset descriptor reference */
export function descriptorLabel(t: PyType, i: number): string {
  return i === 0 && t.getsets & 1 ? '__dict__ descriptor' : '__weakref__ descriptor';
}

export class TypeObjects {
  constructor(private vm: Interpreter) {}

  private get counted(): boolean {
    return this.vm.internalDepth === 0;
  }

  private alloc(nbytes: number, kind: FreeListKind | null): number {
    return this.counted ? this.vm.gc.hiddenAlloc(nbytes, kind) : 0;
  }

  private free(addr: number, nbytes: number, kind: FreeListKind | null): void {
    if (addr > 0) this.vm.gc.hiddenFree(addr, nbytes, kind);
  }

  /** type(name, bases, ns) has no vectorcall for three arguments: _PyObject_MakeTpCall builds their tuple */
  typeCall<T>(body: () => T): T {
    return this.counted ? this.vm.gc.withHiddenTuple(3, body) : body();
  }

  /** type_new_init: tp_dict = PyDict_Copy(ns), just before the type object is allocated */
  dictCopied(t: PyType): void {
    t.hiddenDict = this.alloc(this.vm.profile.sizes.dictEmpty, 'dict');
  }

  /**
   * type_new_get_slots / type_new_copy_slots (n >= 0: __slots__ given, n names kept): the tuple made
   * from a str or list __slots__ (`fresh` items), the list the names are sorted in, the sorted tuple the
   * class keeps as ht_slots (none when empty: the empty tuple is a singleton); the list and the fresh
   * tuple are freed, in that order.
   */
  slotsCopied(t: PyType, fresh: number, n: number): void {
    if (n < 0) return;
    const p = this.vm.profile;
    const tuple = (k: number): [number, FreeListKind | null] => [tupleSize(p, k), tupleFreeList(k)];
    const [freshSize, freshKind] = tuple(fresh);
    const freshAddr = fresh ? this.alloc(freshSize, freshKind) : 0;
    const list = this.alloc(p.sizes.list, 'list');
    const [keptSize, keptKind] = tuple(n);
    if (n) {
      t.hiddenSlots = this.alloc(keptSize, keptKind);
      t.hiddenSlotsN = n;
    }
    this.free(list, p.sizes.list, 'list');
    this.free(freshAddr, freshSize, freshKind);
  }

  /** mro_implementation with several bases merges into a list, then PyList_AsTuple */
  mroMerge<T>(nbases: number, body: () => T): T {
    if (nbases < 2) return body();
    const size = this.vm.profile.sizes.list;
    const addr = this.alloc(size, 'list');
    try {
      return body();
    } finally {
      this.free(addr, size, 'list');
    }
  }

  /**
   * PyType_Ready after the MRO: the getset descriptors (type_ready_fill_dict); add_subclass for each
   * base: the weakref to the class (one basic ref for all bases), the base's __subclasses__ dict when
   * this is its first subclass.
   */
  readied(t: PyType, getsets: number, bases: PyType[]): void {
    if (getsets & 1) t.hiddenDescrDict = this.alloc(DESCRIPTOR, null);
    if (getsets & 2) t.hiddenDescrWeak = this.alloc(DESCRIPTOR, null);
    t.hiddenWeakref = this.alloc(this.vm.profile.sizes.weakref, null);
    for (const b of bases) {
      if (b.isHeap ? b.hiddenSubclasses !== 0 : this.staticTables().has(b)) continue;
      // -1: the table exists but was made by the interpreter's own code (not counted)
      const addr = this.alloc(this.vm.profile.sizes.dictEmpty, 'dict') || -1;
      if (b.isHeap) b.hiddenSubclasses = addr;
      else this.staticTables().add(b);
    }
  }

  private tables: Set<PyType> | null = null;

  /** the builtin types that have a __subclasses__ table (the profile's, plus those given one since) */
  private staticTables(): Set<PyType> {
    if (!this.tables) {
      const T = this.vm.T;
      this.tables = new Set(this.vm.profile.typesWithSubclassTable.split(' ').map((n) => T[n]).filter((x) => x));
    }
    return this.tables;
  }

  /** the end of type_new: type_new_set_names' dict copy, then type_new_init_subclass's super and bound method */
  finished(): void {
    if (!this.counted) return;
    const s = this.vm.profile.sizes;
    const names = this.alloc(s.dictEmpty, 'dict');
    this.free(names, s.dictEmpty, 'dict');
    const superCall = (): number => this.alloc(SUPER, null);
    const sup = this.vm.profile.superVectorcall ? superCall() : this.vm.gc.withHiddenTuple(2, superCall);
    const method = this.alloc(BUILTIN_METHOD, null);
    this.free(method, BUILTIN_METHOD, null);
    this.free(sup, SUPER, null);
  }

  /**
   * How many of a class's hidden objects a collection finds unreachable with it: its descriptors, its
   * dict when tracked (a dict of atomic values never is). type_traverse does not visit tp_subclasses nor
   * ht_slots, so the __subclasses__ table and the slots tuple keep an outside reference and are freed
   * with the class, not collected; the
   * weakref to the class stays reachable from its bases' tables.
   */
  collectable(t: PyType): number {
    let n = (t.hiddenDescrDict > 0 ? 1 : 0) + (t.hiddenDescrWeak > 0 ? 1 : 0);
    if (t.hiddenDict > 0 && (t.getsets || [...t.dict.values()].some((v) => this.vm.mayBeTracked(v)))) n++;
    return n;
  }

  /** type_clear / type_dealloc: the dict, its descriptors, the __subclasses__ weakref */
  released(t: PyType): void {
    const s = this.vm.profile.sizes;
    const { hiddenDict, hiddenDescrDict, hiddenDescrWeak, hiddenWeakref, hiddenSubclasses } = t;
    const { hiddenSlots, hiddenSlotsN } = t;
    t.hiddenDict = t.hiddenDescrDict = t.hiddenDescrWeak = t.hiddenWeakref = t.hiddenSubclasses = t.hiddenSlots = 0;
    this.free(hiddenDescrDict, DESCRIPTOR, null);
    this.free(hiddenDescrWeak, DESCRIPTOR, null);
    this.free(hiddenDict, s.dictEmpty, 'dict');
    if (hiddenSlots) this.free(hiddenSlots, tupleSize(this.vm.profile, hiddenSlotsN), tupleFreeList(hiddenSlotsN));
    this.free(hiddenWeakref, s.weakref, null);
    this.free(hiddenSubclasses, s.dictEmpty, 'dict');
  }
}
