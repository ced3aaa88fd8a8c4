// The runtime: the heap (every live object), reference counting (Py_INCREF/Py_DECREF with who holds the
// reference), allocation and deallocation (one place, as clox's reallocate: the natural place to emit
// alloc/free events), and the budgets. The evaluation loop (interp.ts) extends it.
import type { Budgets } from '../api';
import { Allocator, freeListKind } from '../alloc/allocator';
import { geometryFor } from '../alloc/geometry';
import type { ObjectAllocHook } from '../alloc/hooks';
import {
  F_ANNOUNCED, F_CONST, F_DEAD, F_FINALIZED, F_IMMORTAL, F_INTERNED, F_SHARED, F_SMALLINT,
  PyCell, PyDict, PyException, PyFunction, PyInstance, PyList, PyMethod, PyObject, PySet, PyTuple,
  PyType, PyGenerator, PyBuiltin, PyTraceback, PySeqIter, PyNativeIter, PySlice, PySuper, PyModule,
  PyStaticMethod, PyClassMethod, PyProperty, PyWeakRef, PyFrameObj, PyDictView, PyCode, PyInt, PyFloat, PyStr,
  PyMemberDescr,
} from '../objects/model';
import type { Profile } from '../profiles';
import { EventRecorder } from '../trace/recorder';
import { NAME_SCOPES, type FrameId, type Holder, type NameScope, type ObjFlag } from '../trace/events';
import { SimStop } from './errors';
import type { Frame } from './frame';
import { attrLabel, indexLabel } from './labels';
import { clearSlots } from './slots';

const TRASHCAN_DEPTH = 50;
export const SHARED_RC = 1_000_000; // stand-in count for interpreter-owned objects on 3.10/3.11

export abstract class Runtime {
  readonly allocator: Allocator;
  /** every live object, in allocation order */
  readonly heap = new Set<PyObject>();
  /** tracemalloc's view of program objects (modules/tracemalloc.ts); null when nothing listens */
  allocHook: ObjectAllocHook | null = null;
  liveBytes = 0;
  /** line being executed (allocation sites) */
  curLine = 0;
  curFrameId: FrameId = 0;
  /** > 0 while the interpreter builds its own objects (modules, preludes) */
  internalDepth = 0;
  /** creating code constants (compile time) */
  constMode = false;
  steps = 0;
  readonly startTime = Date.now();
  stdout = '';
  /** objects waiting for deallocation (a worklist keeps deep chains off the JS stack) */
  private deallocQueue: PyObject[] = [];
  private deallocDepth = 0;
  private draining = false;

  constructor(
    readonly profile: Profile,
    readonly rec: EventRecorder,
    readonly budgets: Budgets,
    readonly shouldCancel: (() => boolean) | undefined,
  ) {
    this.allocator = new Allocator(geometryFor(profile.version));
    // arenas and pool states go into the trace; blocks are the alloc/dealloc events' addresses
    if (rec.enabled) {
      this.allocator.onEvent = (e) => {
        if (e.k === 'arena-alloc' || e.k === 'arena-free') rec.heap({ k: 'heap', what: e.k, address: e.address, bytes: e.bytes });
        else if (e.k === 'pool-state') rec.heap({ k: 'heap', what: 'pool-state', address: e.address, bytes: e.bytes, arena: e.arena, sizeClass: e.sizeClass, from: e.from, to: e.to });
      };
    }
    // the interpreter's own objects: at start-up every size class already has a pool in use, so a
    // program freeing all of its blocks in that pool does not empty it (it stays usedpools' head)
    for (let c = 1; c <= 32; c++) this.allocator.allocate(c * 16);
  }

  // ------------------------------------------------------------ reference counting

  holderOf(h: HolderSpec): Holder {
    const k = h[0];
    if (typeof k !== 'string') return { kind: 'object', obj: k.id, label: h[1] as string };
    switch (k) {
      case 'name': {
        const n = h as ['name', FrameId, string, NameScope];
        return this.nameHolder(n[1], n[2], n[3]);
      }
      case 'stack':
        return this.stackHolder(h[1] as FrameId);
      case 'arena':
        return { kind: 'arena' };
      default:
        return { kind: 'interpreter', what: h[1] as string };
    }
  }

  /** line events so far: the timeline's step count */
  stepNo = 0;
  /** stop the run before this step starts (what-if analyses at a step); -1 = never */
  stopBeforeStep = -1;

  /** a line event: one timeline step. Counted even when nothing is recorded, so steps agree. */
  emitLine(line: number, frame: FrameId, resume?: boolean): void {
    if (this.internalDepth > 0) return; // the interpreter's own Python code (module preludes) has no steps
    if (this.stepNo === this.stopBeforeStep) throw new SimStop({ kind: 'step-reached' });
    this.stepNo++;
    if (this.rec.enabled) this.rec.line(line, frame, resume);
  }

  /** holders are immutable: one object per (frame, scope, name) */
  private nameHolders = new Map<FrameId, Map<string, Holder>[]>();
  nameHolder(frame: FrameId, name: string, scope: NameScope): Holder {
    let perFrame = this.nameHolders.get(frame);
    if (!perFrame) this.nameHolders.set(frame, (perFrame = []));
    const si = NAME_SCOPES.indexOf(scope);
    const m = perFrame[si] ?? (perFrame[si] = new Map());
    let holder = m.get(name);
    if (!holder) m.set(name, (holder = { kind: 'name', frame, name, scope }));
    return holder;
  }
  forgetFrameHolders(frame: FrameId): void {
    this.nameHolders.delete(frame);
  }

  /** holders are immutable: share one per frame for the value stack */
  private stackHolders: Holder[] = [];
  stackHolder(frame: FrameId): Holder {
    let h = this.stackHolders[frame];
    if (!h) this.stackHolders[frame] = h = { kind: 'stack', frame };
    return h;
  }

  incref(o: PyObject): void {
    if (o.flags & F_IMMORTAL) return;
    o.rc++;
    if (this.rec.enabled) {
      if (o.flags & F_SHARED && !(o.flags & F_ANNOUNCED)) this.announce(o);
      this.rec.incref(o.id, o.rc, this.stackHolder(this.curFrameId));
    }
  }

  /** tell the trace about an interpreter-owned object the first time the program touches it */
  announce(o: PyObject): void {
    o.flags |= F_ANNOUNCED;
    this.rec.alloc(o.id, this.typeName(o), o.size, 0, this.shortRepr(o), this.flagList(o), o.gcTracked || undefined, { kind: 'interpreter', what: 'builtin' }, 1);
  }

  /** incref on behalf of a named holder (a container slot, a name, ...) */
  increfBy(o: PyObject, h: HolderSpec): void {
    if (o.flags & F_IMMORTAL) {
      // no count to change, but a name still refers to it
      if (this.rec.enabled && h[0] === 'name') {
        if (!(o.flags & F_ANNOUNCED)) this.announce(o);
        this.rec.move(o.id, o.rc, undefined, this.holderOf(h));
      }
      return;
    }
    o.rc++;
    if (this.rec.enabled) {
      if (o.flags & F_SHARED && !(o.flags & F_ANNOUNCED)) this.announce(o);
      this.rec.incref(o.id, o.rc, this.holderOf(h));
    }
  }

  decref(o: PyObject): void {
    if (o.flags & F_IMMORTAL) return;
    o.rc--;
    if (this.rec.enabled) this.rec.decref(o.id, o.rc, this.stackHolder(this.curFrameId));
    if (o.rc === 0) this.dealloc(o);
  }

  decrefBy(o: PyObject, h: HolderSpec): void {
    if (o.flags & F_IMMORTAL) {
      if (this.rec.enabled && h[0] === 'name' && o.flags & F_ANNOUNCED) this.rec.move(o.id, o.rc, this.holderOf(h), undefined);
      return;
    }
    o.rc--;
    if (this.rec.enabled) this.rec.decref(o.id, o.rc, this.holderOf(h));
    if (o.rc === 0) this.dealloc(o);
  }

  /** decrefBy with the trace's holder already made (a fast local's, see localHolder) */
  decrefByHolder(o: PyObject, h: Holder): void {
    if (o.flags & F_IMMORTAL) {
      if (this.rec.enabled && h.kind === 'name' && o.flags & F_ANNOUNCED) this.rec.move(o.id, o.rc, h, undefined);
      return;
    }
    o.rc--;
    if (this.rec.enabled) this.rec.decref(o.id, o.rc, h);
    if (o.rc === 0) this.dealloc(o);
  }

  /** the holder of fast local `i` of frame `f` (the same object holderOf gives for that name) */
  localHolder(f: Frame, i: number): Holder {
    const hs = f.localHolders ?? (f.localHolders = []);
    return hs[i] ?? (hs[i] = this.holderOf(['name', f.id, f.code.varnames[i]!, 'local']));
  }

  /** moveTo with the trace's holder already made */
  moveToHolder(o: PyObject, to: Holder): void {
    if (!this.rec.enabled) return;
    if (o.flags & (F_IMMORTAL | F_SHARED) && !(o.flags & F_ANNOUNCED)) this.announce(o);
    if (!(o.flags & F_IMMORTAL)) this.emitMove(o, this.stackHolder(this.curFrameId), to);
    else if (to.kind === 'name') this.rec.move(o.id, o.rc, undefined, to);
  }

  /** the value stack's reference becomes `to`'s (a steal: no refcount change) */
  moveTo(o: PyObject, to: HolderSpec): void {
    if (!this.rec.enabled) return;
    if (o.flags & (F_IMMORTAL | F_SHARED) && !(o.flags & F_ANNOUNCED)) this.announce(o);
    if (!(o.flags & F_IMMORTAL)) this.emitMove(o, this.stackHolder(this.curFrameId), this.holderOf(to));
    else if (to[0] === 'name') this.rec.move(o.id, o.rc, undefined, this.holderOf(to));
  }
  /** `from`'s reference goes to the value stack */
  moveFrom(o: PyObject, from: HolderSpec): void {
    if (this.rec.enabled && !(o.flags & F_IMMORTAL)) this.emitMove(o, this.holderOf(from), this.stackHolder(this.curFrameId));
  }
  emitMove(o: PyObject, from: Holder | undefined, to: Holder | undefined): void {
    this.rec.move(o.id, o.rc, from, to);
  }

  // ------------------------------------------------------------ allocation

  /** Register a new object: address, size, allocation event. Its refcount starts at 1 (the creator's). */
  track<T extends PyObject>(o: T, size: number, gcTracked = false, holder?: HolderSpec, startTracked = gcTracked): T {
    o.size = size;
    o.id = this.allocator.allocate(o instanceof PyInstance && o.allocBytes ? o.allocBytes : size, freeListKind(o));
    // an object taken from its type's free list is no new GC allocation
    const gcAlloc = gcTracked && !this.allocator.reused;
    if (this.internalDepth > 0) {
      // owned by the interpreter (module setup, preludes): not part of the program's heap
      o.line = 0;
      o.flags |= this.profile.immortalObjects ? F_IMMORTAL : F_SHARED;
      o.rc = this.profile.immortalObjects ? this.profile.immortalRefcount : SHARED_RC;
      return o;
    }
    o.line = this.curLine;
    o.gcType = gcTracked;
    // counted before it is tracked or on the heap: a collection this triggers (3.10/3.11) does not see it
    if (gcAlloc) this.gcAllocated(o);
    o.gcTracked = startTracked;
    this.heap.add(o);
    this.allocHook?.alloc(o);
    if (this.constMode) {
      o.flags |= F_CONST;
      holder ??= ['interp', 'co_consts'];
    }
    if (gcTracked && startTracked) this.gcLinked(o);
    this.liveBytes += size;
    if (this.liveBytes > this.budgets.maxMemoryBytes) this.memoryError(size);
    if (this.rec.enabled)
      this.rec.alloc(o.id, this.typeName(o), size, this.curLine, this.shortRepr(o), this.flagList(o), gcTracked || undefined, holder ? this.holderOf(holder) : this.stackHolder(this.curFrameId));
    return o;
  }

  /** _PyObject_GC_MAY_BE_TRACKED: a container (tuples only while tracked) */
  mayBeTracked(o: PyObject): boolean {
    return o.gcType && (o.gcTracked || !(o.type && o.type.layout === 'tuple'));
  }

  /** start tracking a container (e.g. a dict that received a container) */
  gcTrack(o: PyObject): void {
    if (o.gcTracked || !o.gcType) return;
    o.gcTracked = true;
    this.gcLinked(o);
    if (this.rec.enabled) this.rec.update(o.id, undefined, undefined, undefined, true);
  }

  gcUntrack(o: PyObject): void {
    if (!o.gcTracked) return;
    o.gcTracked = false;
    this.gcUnlinked(o);
    if (this.rec.enabled) this.rec.update(o.id, undefined, undefined, undefined, false);
  }

  /** Size change of a live object (list growth, dict resize...). */
  resize(o: PyObject, size: number): void {
    if (size === o.size) return;
    if (!this.heap.has(o)) {
      // an interpreter-owned object (a module's list, a prelude's dict): not program memory
      o.size = size;
      return;
    }
    const delta = size - o.size;
    this.liveBytes += delta;
    if (delta > 0 && this.liveBytes > this.budgets.maxMemoryBytes) {
      this.liveBytes -= delta;
      this.memoryError(size);
    }
    o.size = size;
    this.allocHook?.resize(o, size - delta);
    if (this.rec.enabled) this.rec.update(o.id, size, undefined, this.lengthOf(o));
  }

  /** Check a request before building it (so `[0] * 10**12` never allocates in JavaScript). */
  checkMemory(nbytes: number): void {
    if (Number.isNaN(nbytes) || this.liveBytes + Math.max(0, nbytes) > this.budgets.maxMemoryBytes) this.memoryError(nbytes);
  }

  abstract memoryError(nbytes: number): never;
  /** the collector counts container allocations and deallocations (generation 0's count) */
  abstract gcAllocated(o: PyObject): void;
  abstract gcFreed(o: PyObject): void;
  /** 3.10: a Python frame (a GC object there) starts / is done with (frame objects' free lists) */
  abstract gcFrameStarted(f: { code: object; gcCounted: boolean }): void;
  abstract gcFrameReleased(f: { code: object; gcCounted: boolean }): void;
  /** the object joins / leaves the collector's generation lists */
  abstract gcLinked(o: PyObject): void;
  abstract gcUnlinked(o: PyObject): void;
  abstract typeName(o: PyObject): string;
  abstract shortRepr(o: PyObject): string;
  abstract lengthOf(o: PyObject): number | undefined;
  /** run __del__ (tp_finalize) of an instance about to be deallocated */
  abstract finalize(o: PyObject): void;

  flagList(o: PyObject): ObjFlag[] | undefined {
    if (!(o.flags & (F_SHARED | F_IMMORTAL | F_INTERNED | F_SMALLINT | F_CONST))) return undefined;
    const f: ObjFlag[] = [];
    if (o.flags & F_SMALLINT) f.push('small-int');
    if (o.flags & F_INTERNED) f.push('interned');
    if (o.flags & F_IMMORTAL) f.push('immortal');
    if (o.flags & F_SHARED) f.push('shared');
    if (o.flags & F_CONST) f.push('const');
    return f;
  }

  // ------------------------------------------------------------ deallocation

  dealloc(o: PyObject): void {
    if (o.flags & F_DEAD) return;
    // PEP 442: __del__ runs once, before the object is torn down; it may resurrect the object
    if (o instanceof PyInstance && !(o.flags & F_FINALIZED) && this.hasFinalizer(o)) {
      o.flags |= F_FINALIZED;
      o.rc = 1;
      this.finalize(o);
      o.rc--;
      if (o.rc > 0) return; // resurrected
    }
    // CPython frees depth-first (a container's items die inside its dealloc); past a nesting depth of
    // 50 the "trashcan" defers further deallocations until the outermost one finishes.
    if (this.deallocDepth >= TRASHCAN_DEPTH) {
      this.deallocQueue.push(o);
      return;
    }
    this.deallocDepth++;
    try {
      this.free(o);
    } finally {
      this.deallocDepth--;
    }
    if (this.deallocDepth === 0 && this.deallocQueue.length && !this.draining) {
      this.draining = true;
      try {
        while (this.deallocQueue.length) this.dealloc(this.deallocQueue.pop()!);
      } finally {
        this.draining = false;
      }
    }
  }

  abstract hasFinalizer(o: PyInstance): boolean;

  /** tp_dealloc: release what the object holds (in CPython's order), then free its memory. */
  private free(o: PyObject): void {
    o.flags |= F_DEAD;
    this.heap.delete(o);
    this.allocHook?.free(o);
    if (o.gcTracked) this.gcUnlinked(o);
    this.clearWeakrefs(o);
    this.liveBytes -= o.size;
    this.allocator.free(o.id, o.size, freeListKind(o));
    // an object kept on its type's free list is no GC deallocation (PyObject_GC_Del)
    if (o.gcType && !this.allocator.kept) this.gcFreed(o);
    if (this.rec.enabled) this.rec.dealloc(o.id, 'refcount');
    this.releaseChildren(o);
  }

  releaseChildren(o: PyObject): void {
    // the commonest deaths first: atoms hold no references; then instances
    if (o instanceof PyInt || o instanceof PyFloat || o instanceof PyStr) return;
    if (o instanceof PyInstance) {
      this.releaseInstance(o);
    } else if (o instanceof PyList) {
      const items = o.items;
      o.items = [];
      for (let i = items.length - 1; i >= 0; i--) this.decrefBy(items[i], [o, indexLabel(i)]);
    } else if (o instanceof PyTuple) {
      const items = o.items;
      for (let i = items.length - 1; i >= 0; i--) this.decrefBy(items[i], [o, indexLabel(i)]);
    } else if (o instanceof PyDict) {
      const entries = [...o.map.values()];
      o.map.clear();
      const ns = o.ns;
      for (const e of entries) {
        this.decrefBy(e.key, [o, 'key']);
        if (ns) this.decrefBy(e.value, ['name', ns.frame, (e.key as { s?: string }).s ?? '?', ns.scope]);
        else this.decrefBy(e.value, [o, `[${this.shortRepr(e.key)}]`]);
      }
    } else if (o instanceof PySet) {
      const items = [...o.map.values()];
      o.map.clear();
      for (const x of items) this.decrefBy(x, [o, 'item']);
    } else if (o instanceof PyCell) {
      if (o.ref) {
        const r = o.ref;
        o.ref = null;
        this.decrefBy(r, [o, 'cell_contents']);
      }
    } else if (o instanceof PyFunction) {
      if (o.defaults) this.decrefBy(o.defaults, [o, '__defaults__']);
      if (o.kwdefaults) this.decrefBy(o.kwdefaults, [o, '__kwdefaults__']);
      if (o.closure) this.decrefBy(o.closure, [o, '__closure__']);
      if (o.dict) this.decrefBy(o.dict, [o, '__dict__']);
      this.decrefBy(o.globals, [o, '__globals__']);
      this.decrefBy(o.codeObj, [o, '__code__']);
    } else if (o instanceof PyMethod) {
      this.decrefBy(o.func, [o, '__func__']);
      this.decrefBy(o.self, [o, '__self__']);
    } else if (o instanceof PyBuiltin) {
      if (o.self) this.decrefBy(o.self, [o, '__self__']);
    } else if (o instanceof PySeqIter) {
      if (o.seq) {
        const s = o.seq;
        o.seq = null;
        this.decrefBy(s, [o, 'iterated']);
      }
    } else if (o instanceof PyNativeIter) {
      const refs = o.refs;
      o.refs = [];
      for (const r of refs) this.decrefBy(r, [o, 'iterated']);
    } else if (o instanceof PySlice) {
      this.decrefBy(o.start, [o, 'start']);
      this.decrefBy(o.stop, [o, 'stop']);
      this.decrefBy(o.step, [o, 'step']);
    } else if (o instanceof PyGenerator) {
      this.releaseGenerator(o);
    } else if (o instanceof PyTraceback) {
      if (o.next) this.decrefBy(o.next, [o, 'tb_next']);
      this.decrefBy(o.frame, [o, 'tb_frame']);
    } else if (o instanceof PySuper) {
      this.decrefBy(o.thisType, [o, '__thisclass__']);
      this.decrefBy(o.obj, [o, '__self__']);
    } else if (o instanceof PyStaticMethod || o instanceof PyClassMethod) {
      this.decrefBy(o.func, [o, '__func__']);
    } else if (o instanceof PyProperty) {
      if (o.fget) this.decrefBy(o.fget, [o, 'fget']);
      if (o.fset) this.decrefBy(o.fset, [o, 'fset']);
      if (o.fdel) this.decrefBy(o.fdel, [o, 'fdel']);
    } else if (o instanceof PyType) {
      this.releaseType(o);
    } else if (o instanceof PyModule) {
      this.decrefBy(o.dict, [o, '__dict__']);
    } else if (o instanceof PyWeakRef) {
      this.releaseWeakRef(o);
    } else if (o instanceof PyFrameObj) {
      this.releaseFrameObj(o);
    } else if (o instanceof PyDictView) {
      this.decrefBy(o.dict, [o, 'mapping']);
    } else if (o instanceof PyMemberDescr) {
      this.decrefBy(o.owner, [o, '__objclass__']);
    } else if (o instanceof PyCode) {
      // constants of a code object are released with it (only at interpreter exit here)
    }
  }

  releaseInstance(o: PyInstance): void {
    // subtype_dealloc: the slots first (vm/slots.ts), then the dict, the base's fields, the class
    if (o.slots) clearSlots(this, o);
    if (o instanceof PyException) {
      if (o.args) this.decrefBy(o.args, [o, 'args']);
      o.args = null;
      if (o.traceback) this.decrefBy(o.traceback, [o, '__traceback__']);
      o.traceback = null;
      if (o.context) this.decrefBy(o.context, [o, '__context__']);
      o.context = null;
      if (o.cause) this.decrefBy(o.cause, [o, '__cause__']);
      o.cause = null;
      if (o.value) this.decrefBy(o.value, [o, 'value']);
      o.value = null;
    }
    const attrs = o.attrs;
    o.attrs = null;
    if (attrs) {
      if (o.dictMaterialized) this.decrefBy(attrs, [o, '__dict__']);
      else this.releaseManagedAttrs(o, attrs);
    }
    // instances of heap types hold a reference to their class
    if (o.type.isHeap) this.decrefBy(o.type, [o, '__class__']);
  }

  /** managed attributes (3.11+) were held by the instance itself (".name") */
  releaseManagedAttrs(o: PyInstance, attrs: PyDict): void {
    const entries = [...attrs.map.values()];
    attrs.map.clear();
    for (const e of entries) {
      this.decrefBy(e.value, [o, attrLabel((e.key as { s?: string }).s ?? '?')]);
    }
  }

  abstract releaseGenerator(g: PyGenerator): void;
  /** PyObject_ClearWeakRefs: clear weak references to a dying object and call their callbacks */
  abstract clearWeakrefs(o: PyObject): void;
  abstract releaseFrameObj(fo: PyFrameObj): void;
  abstract releaseType(t: PyType): void;
  abstract releaseWeakRef(w: PyWeakRef): void;

  // ------------------------------------------------------------ budgets

  checkBudgets(): void {
    if (this.budgets.maxSteps > 0 && this.steps > this.budgets.maxSteps)
      throw new SimStop({ kind: 'budget', what: 'steps', message: `stopped after ${this.budgets.maxSteps.toLocaleString('en-US')} instructions (step budget)` });
    if (this.budgets.maxTimeMs > 0 && Date.now() - this.startTime > this.budgets.maxTimeMs)
      throw new SimStop({ kind: 'budget', what: 'time', message: `stopped after ${this.budgets.maxTimeMs} ms (time budget)` });
    if (this.shouldCancel && this.shouldCancel()) throw new SimStop({ kind: 'cancelled' });
  }
}

/**
 * A reference holder, cheap to pass on hot paths: [container, label] | ['name', frame, name, scope] |
 * ['stack', frame] | ['arena'] | ['interp', what]. Turned into a trace Holder only when recording.
 */
export type HolderSpec =
  | [PyObject, string]
  | ['name', FrameId, string, NameScope]
  | ['stack', FrameId]
  | ['arena']
  | ['interp', string];
