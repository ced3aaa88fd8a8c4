// The cyclic garbage collector, after CPython's Python/gc.c: three generation lists (plus the permanent
// one of gc.freeze) kept in CPython's order, counts and thresholds, and a collection as named phases --
// untrack_tuples/dicts, update_refs, subtract_refs, move_unreachable (with CPython's list moves, which
// decide the order finalizers run in), handle_weakrefs, finalize_garbage (PEP 442),
// handle_resurrected_objects, delete_garbage (tp_clear), merge survivors into the next generation.
// Each phase emits a trace event. `analyze()` answers "what would gc.collect() do now" read-only.
import {
  F_DEAD, F_FINALIZED, PyCell, PyDict, PyException, PyFrameObj, PyFunction, PyGenerator, PyInstance, PyList, PyObject,
  PySet, PyTraceback, PyTuple, PyType,
} from '../objects/model';
import { tupleFreeList, type FreeListKind } from '../alloc/allocator';
import { tupleSize } from '../objects/sizes';
import type { Interpreter } from '../vm/machine';
import { traverse } from './traverse';

export const DEBUG_SAVEALL = 32;
export const PERMANENT = 3;

export interface GcAnalysis {
  generation: number;
  /** objects examined (tracked, in generations <= generation) */
  examined: number;
  unreachable: PyObject[];
  /** unreachable objects with a finalizer (__del__, or a paused generator) not yet run */
  finalizers: PyObject[];
}

/**
 * The interpreter's own tracked objects (modules, types, functions of the standard library...) that a
 * full collection leaves in generation 2 of a fresh `python3 script.py` after `import gc`:
 * len(gc.get_objects(2)) right after the first gc.collect(), measured on this project's interpreters.
 * The program never sees them, but they weigh in the long-lived rule of automatic full collections.
 */
const INTERPRETER_LONG_LIVED: Record<string, number> = { '3.10': 4719, '3.11': 11092, '3.12': 4974, '3.13': 5065 };

export class Collector {
  counts: [number, number, number] = [0, 0, 0];
  thresholds: [number, number, number];
  enabled = true;
  collecting = false;
  pending = false;
  /** generation lists 0, 1, 2 and the permanent generation (3), in CPython's list order */
  readonly gens: Set<PyObject>[] = [new Set(), new Set(), new Set(), new Set()];
  longLivedTotal = 0;
  longLivedPending = 0;
  /** the interpreter's objects in generation 2 (0 while gc.freeze() keeps them in the permanent generation) */
  interpreterLongLived: number;
  readonly interpreterObjects: number;
  stats = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 }));
  garbage: PyList | null = null;
  callbacks: PyList | null = null;
  debug = 0;
  /** objects each collection freed (allocation line and type): the "freed only by the cyclic GC" diagnostics */
  readonly victims: { line: number; type: string }[] = [];

  constructor(private vm: Interpreter) {
    this.thresholds = [...vm.profile.gcThresholds];
    this.immediate = vm.profile.version === '3.10' || vm.profile.version === '3.11';
    this.frameObjects = vm.profile.version === '3.10';
    this.interpreterObjects = this.interpreterLongLived = INTERPRETER_LONG_LIVED[vm.profile.version] ?? 0;
  }

  // ------------------------------------------------------------ bookkeeping

  /**
   * 3.10/3.11 collect inside the allocation that crosses threshold 0 (_PyObject_GC_Alloc / _Link call
   * collect_generations before the new object is initialised or tracked); 3.12+ only schedule the
   * collection (_Py_ScheduleGC), which runs at the next eval-breaker check.
   */
  private readonly immediate: boolean;

  /** a GC-capable object was allocated (_PyObject_GC_Link): its count is wiped by a collection it triggers */
  onAlloc(): void {
    this.counts[0]++;
    if (this.counts[0] > this.thresholds[0] && this.enabled && this.thresholds[0] && !this.collecting) {
      if (this.immediate) this.collectGenerations();
      else this.pending = true;
    }
  }

  /** a GC-capable object's memory was released (PyObject_GC_Del) */
  onFree(): void {
    if (this.counts[0] > 0) this.counts[0]--;
  }

  // ------------------------------------------------------------ 3.10 frame objects

  /**
   * 3.10: every Python frame is a GC object (frameobject.c). A code object keeps its last dead frame
   * (co_zombieframe) for its next call; other dead frames go to a free list of 200 that full
   * collections empty. Neither reuse moves generation 0's count. Only the count is modelled: the
   * engine materialises a PyFrameObj only when the program can see it, and that one is not counted again.
   */
  readonly frameObjects: boolean;
  private readonly zombies = new WeakSet<object>();
  private frameFreeList = 0;

  frameStarted(f: { code: object; gcCounted: boolean }): void {
    if (!this.frameObjects) return;
    f.gcCounted = true;
    if (this.zombies.has(f.code)) this.zombies.delete(f.code);
    else if (this.frameFreeList > 0) this.frameFreeList--;
    else this.onAlloc();
  }

  frameReleased(f: { code: object; gcCounted: boolean }): void {
    if (!f.gcCounted) return;
    f.gcCounted = false;
    if (!this.zombies.has(f.code)) this.zombies.add(f.code);
    else if (this.frameFreeList < 200) this.frameFreeList++;
    else this.onFree();
  }

  // ------------------------------------------------------------ interpreter-internal GC objects

  /**
   * An object the interpreter allocates for itself and never shows the program (a METH_VARARGS
   * call's argument tuple, the tuple PyObject_CallFunction builds): its memory and its count, no object.
   */
  hiddenAlloc(nbytes: number, kind: FreeListKind | null): number {
    const a = this.vm.allocator;
    const addr = a.allocate(nbytes, kind);
    if (!a.reused) this.onAlloc();
    return addr;
  }

  hiddenFree(addr: number, nbytes: number, kind: FreeListKind | null): void {
    const a = this.vm.allocator;
    a.free(addr, nbytes, kind);
    if (!a.kept) this.onFree();
  }

  /** a hidden object of `nbytes` alive around `body` */
  withHidden<T>(nbytes: number, kind: FreeListKind | null, body: () => T): T {
    const addr = this.hiddenAlloc(nbytes, kind);
    try {
      return body();
    } finally {
      this.hiddenFree(addr, nbytes, kind);
    }
  }

  /** a hidden tuple of `n` items around `body` (n > 0) */
  withHiddenTuple<T>(n: number, body: () => T): T {
    return this.withHidden(tupleSize(this.vm.profile, n), tupleFreeList(n), body);
  }

  track(o: PyObject): void {
    o.gen = 0;
    this.gens[0].add(o);
  }

  untrack(o: PyObject): void {
    this.gens[o.gen]?.delete(o);
  }

  /** collect_generations: the oldest generation whose count exceeds its threshold */
  collectGenerations(): void {
    this.pending = false;
    for (let i = 2; i >= 0; i--) {
      if (this.counts[i] > this.thresholds[i]) {
        // the long-lived rule: a full collection only when 25% of long-lived objects are new
        if (i === 2 && this.longLivedPending < this.longLivedTotal / 4) continue;
        this.collectWithCallback(i);
        break;
      }
    }
  }

  collectWithCallback(gen: number): number {
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      this.invokeCallbacks('start', gen, 0, 0);
      const n = this.collect(gen);
      this.invokeCallbacks('stop', gen, n, 0);
      return n;
    } finally {
      this.collecting = false;
      this.pending = false;
    }
  }

  /** the collected generation's list: generation `gen` with the younger ones appended (gc_list_merge) */
  private young(gen: number): PyObject[] {
    const out: PyObject[] = [...this.gens[gen]];
    for (let i = 0; i < gen; i++) out.push(...this.gens[i]);
    return out.filter((o) => !(o.flags & F_DEAD));
  }

  objectsOf(gen: number): PyObject[] {
    return [...this.gens[gen]].filter((o) => !(o.flags & F_DEAD));
  }

  /** check after every collection (tests) */
  selfCheck = false;

  /**
   * The collector's invariants (gc.c's validate_list and friends): every tracked live object is in
   * exactly the generation list its `gen` names, no list holds a dead or untracked object, and no
   * live object has a refcount below one. Throws with a description when one is broken.
   */
  checkInvariants(where: string): void {
    const vm = this.vm;
    const seen = new Set<PyObject>();
    this.gens.forEach((list, g) => {
      for (const o of list) {
        if (o.flags & F_DEAD) throw new Error(`${where}: a dead ${vm.typeName(o)} is in generation ${g}`);
        if (!o.gcTracked) throw new Error(`${where}: an untracked ${vm.typeName(o)} is in generation ${g}`);
        if (o.gen !== g) throw new Error(`${where}: a ${vm.typeName(o)} in generation ${g} says ${o.gen}`);
        if (seen.has(o)) throw new Error(`${where}: a ${vm.typeName(o)} is in two generations`);
        seen.add(o);
      }
    });
    let bytes = 0;
    for (const o of vm.heap) {
      bytes += o.size;
      if (o.gcTracked && !seen.has(o)) throw new Error(`${where}: a tracked ${vm.typeName(o)} is in no generation`);
      if (o.rc < 1) throw new Error(`${where}: a live ${vm.typeName(o)} has refcount ${o.rc}`);
    }
    if (bytes !== vm.liveBytes) throw new Error(`${where}: live bytes ${vm.liveBytes} but the heap's objects add up to ${bytes}`);
  }

  // ------------------------------------------------------------ the algorithm

  /** The unreachable set of a collection of `gen`, computed as gc.c does, without side effects. */
  analyze(gen = 2): GcAnalysis {
    const young = this.young(gen);
    const { unreachable } = this.moveUnreachable(young);
    return { generation: gen, examined: young.length, unreachable, finalizers: unreachable.filter((o) => this.hasFinalizer(o)) };
  }

  private hasFinalizer(o: PyObject): boolean {
    if (o.flags & F_FINALIZED) return false;
    if (o instanceof PyInstance) return this.vm.hasFinalizer(o);
    return o instanceof PyGenerator && !!o.frame && !o.finished;
  }

  /**
   * update_refs + subtract_refs + move_unreachable. Returns the survivors in their new list order and the
   * unreachable objects in the order CPython's list moves leave them.
   */
  private epoch = 0;

  private moveUnreachable(young: PyObject[]): { reachable: PyObject[]; unreachable: PyObject[] } {
    // the collector's scratch lives on the objects (as gc_refs lives in PyGC_Head): epoch = membership
    const epoch = ++this.epoch;
    const UNREACHABLE = -1;
    for (let i = 0; i < young.length; i++) {
      const o = young[i];
      o.gcEpoch = epoch;
      o.gcRefs = o.rc; // update_refs
      o.gcPos = i;
    }
    const subtract = (r: PyObject): void => {
      if (r.gcEpoch === epoch) r.gcRefs--;
    };
    for (const o of young) traverse(o, subtract); // subtract_refs
    // move_unreachable, with the young list as an array and "current position" markers
    const list = young.slice();
    let unreachableCount = 0;
    const visitReachable = (r: PyObject): void => {
      if (r.gcEpoch !== epoch) return;
      if (r.gcPos === UNREACHABLE) {
        // tentatively unreachable, but reachable after all: back to the end of young
        r.gcRefs = 1;
        r.gcPos = list.length;
        list.push(r);
        unreachableCount--;
      } else if (r.gcRefs === 0) r.gcRefs = 1;
    };
    const order: PyObject[] = [];
    for (let i = 0; i < list.length; i++) {
      const o = list[i];
      if (o.gcPos !== i) continue;
      if (o.gcRefs > 0) traverse(o, visitReachable);
      else {
        o.gcPos = UNREACHABLE;
        unreachableCount++;
        order.push(o);
      }
    }
    const reachable = list.filter((o, i) => o.gcPos === i);
    const unreachable = unreachableCount ? order.filter((o) => o.gcPos === UNREACHABLE) : [];
    // a tentatively unreachable object moved back and then found unreachable again keeps its first place
    for (const o of young) o.gcEpoch = 0;
    return { reachable, unreachable };
  }

  collect(gen: number): number {
    const vm = this.vm;
    const rec = vm.rec;
    if (rec.enabled) rec.gc('start', gen, { counts: [...this.counts] as [number, number, number] });
    if (gen + 1 <= 2) this.counts[gen + 1]++;
    for (let i = 0; i <= gen; i++) this.counts[i] = 0;
    const young = this.young(gen);
    if (rec.enabled) rec.gc('update_refs', gen, { objs: young.map((o) => o.id) });
    if (rec.enabled) rec.gc('subtract_refs', gen);
    const { reachable: survivors, unreachable: found } = this.moveUnreachable(young);
    // untrack_tuples (every collection) and untrack_dicts (full collections), among the survivors only
    const reachable = survivors.filter((o) => {
      if (o instanceof PyTuple && o.items.every((x) => !vm.mayBeTracked(x))) {
        vm.gcUntrack(o);
        return false;
      }
      if (gen === 2 && o instanceof PyDict && [...o.map.values()].every((e) => !vm.mayBeTracked(e.key) && !vm.mayBeTracked(e.value))) {
        vm.gcUntrack(o);
        return false;
      }
      return true;
    });
    let unreachable = found;
    if (rec.enabled) rec.gc('move_unreachable', gen, { objs: unreachable.map((o) => o.id) });
    // survivors join the next generation (appended, in their new order)
    const target = Math.min(gen + 1, 2);
    for (let i = 0; i <= gen; i++) this.gens[i].clear();
    for (const o of reachable) {
      this.gens[o.gen].delete(o);
      o.gen = target;
      this.gens[target].add(o);
    }
    // the unreachable ones stay in a list of their own until they die or are resurrected
    if (rec.enabled) rec.gc('handle_weakrefs', gen);
    vm.clearWeakrefsTo(unreachable);
    // finalize_garbage: __del__ (and paused generators' close) at most once each, PEP 442
    const toFinalize = unreachable.filter((o) => this.hasFinalizer(o));
    if (toFinalize.length) {
      if (rec.enabled) rec.gc('finalize', gen, { objs: toFinalize.map((o) => o.id) });
      for (const o of toFinalize) {
        if (o.flags & F_DEAD) continue;
        vm.incref(o);
        try {
          if (o instanceof PyGenerator) vm.closeGenerator(o);
          else {
            o.flags |= F_FINALIZED;
            vm.finalize(o);
          }
        } finally {
          vm.decref(o);
        }
      }
    }
    // handle_resurrected_objects: what finalizers made reachable again survives
    const still = unreachable.filter((o) => !(o.flags & F_DEAD));
    if (toFinalize.length) {
      const again = this.moveUnreachable(still);
      for (const o of again.reachable) {
        o.gen = target;
        this.gens[target].add(o);
      }
      unreachable = again.unreachable;
    } else unreachable = still;
    // a class's dict, descriptors and __subclasses__ table are garbage with it (gc/type-objects.ts)
    let n = unreachable.length;
    for (const o of unreachable) if (o instanceof PyType) n += vm.typeObjects.collectable(o);
    if (this.victims.length < 10000) for (const o of unreachable) this.victims.push({ line: o.line, type: vm.typeName(o) });
    if (rec.enabled) rec.gc('delete_garbage', gen, { objs: unreachable.map((o) => o.id), collected: n });
    if (this.debug & DEBUG_SAVEALL) {
      // gc.set_debug(gc.DEBUG_SAVEALL): garbage is kept in gc.garbage instead of being freed
      for (const o of unreachable) {
        o.gen = target;
        this.gens[target].add(o);
        if (this.garbage) {
          vm.incref(o);
          vm.listAppend(this.garbage, o);
        }
      }
    } else {
      // delete_garbage: tp_clear breaks the cycles; refcounting frees the rest
      for (const o of unreachable) {
        o.gen = target;
        this.gens[target].add(o);
      }
      for (const o of unreachable) vm.incref(o);
      for (const o of unreachable) if (!(o.flags & F_DEAD)) this.clear(o);
      for (const o of unreachable) vm.decref(o);
    }
    if (gen === 2) {
      // _PyGC_ClearAllFreeLists: each kept GC object is PyObject_GC_Del'd (count clamped at 0)
      const cleared = vm.allocator.clearFreeLists() + this.frameFreeList;
      this.frameFreeList = 0;
      this.counts[0] = Math.max(0, this.counts[0] - cleared);
      this.longLivedPending = 0;
      this.longLivedTotal = this.gens[2].size + this.interpreterLongLived;
    } else if (gen === 1) this.longLivedPending += reachable.length;
    this.stats[gen].collections++;
    this.stats[gen].collected += n;
    if (rec.enabled) rec.gc('stop', gen, { collected: n, uncollectable: 0, counts: [...this.counts] as [number, number, number] });
    if (this.selfCheck) this.checkInvariants(`after a generation ${gen} collection`);
    return n;
  }

  /** tp_clear of the layouts that have one (tuples and bound methods do not) */
  private clear(o: PyObject): void {
    const vm = this.vm;
    if (o instanceof PyList) vm.listClear(o);
    else if (o instanceof PyDict) vm.dictClear(o);
    else if (o instanceof PySet) vm.setClear(o);
    else if (o instanceof PyException) {
      // BaseException_clear
      for (const k of ['args', 'traceback', 'context', 'cause', 'value'] as const) {
        const v = o[k];
        if (v) {
          o[k] = null;
          vm.decrefBy(v, [o, k === 'traceback' ? '__traceback__' : k === 'args' ? 'args' : `__${k}__`]);
        }
      }
      vm.clearInstance(o);
    } else if (o instanceof PyInstance) vm.clearInstance(o);
    else if (o instanceof PyTraceback) {
      const next = o.next;
      o.next = null;
      if (next) vm.decrefBy(next, [o, 'tb_next']);
    } else if (o instanceof PyFrameObj) {
      // frame_tp_clear: the locals it owns
      const f = o.vmFrame as { fast: unknown[] } | null;
      if (f && o.ownsLocals) vm.releaseFrameObj(o);
    } else if (o instanceof PyCell) {
      const r = o.ref;
      o.ref = null;
      if (r) vm.decrefBy(r, [o, 'cell_contents']);
    } else if (o instanceof PyFunction) {
      for (const k of ['defaults', 'kwdefaults', 'closure', 'dict'] as const) {
        const v = o[k];
        if (v) {
          o[k] = null;
          vm.decrefBy(v, [o, `__${k}__`]);
        }
      }
    } else if (o instanceof PyType) vm.releaseType(o);
  }

  private invokeCallbacks(phase: 'start' | 'stop', gen: number, collected: number, uncollectable: number): void {
    const cbs = this.callbacks;
    if (!cbs || !cbs.items.length) return;
    const vm = this.vm;
    const ph = vm.newStr(phase);
    const info = vm.newDict();
    const set = (k: string, v: number): void => {
      const key = vm.newStr(k);
      const val = vm.newInt(v);
      vm.dictSet(info, key, val);
      vm.decref(key);
      vm.decref(val);
    };
    set('generation', gen);
    set('collected', collected);
    set('uncollectable', uncollectable);
    // PyObject_CallFunction(cb, "sO", ...) (3.10/3.11) builds its arguments on the C stack: no tuple
    try {
      for (const cb of [...cbs.items]) vm.decref(vm.callObject(cb, [ph, info]));
    } finally {
      vm.decref(ph);
      vm.decref(info);
    }
  }
}
