// The cyclic garbage collector, after CPython's Python/gc.c: generations with counts and thresholds,
// and a collection as named phases -- update_refs, subtract_refs, move_unreachable, finalize (PEP 442),
// handle_resurrected_objects, delete_garbage (tp_clear), promote survivors. Each phase emits a trace
// event so the panel can replay it. `analyze()` answers "what would gc.collect() do now" without
// changing anything.
import { F_DEAD, F_FINALIZED, PyCell, PyDict, PyFunction, PyInstance, PyList, PyObject, PySet, PyType, PyMethod } from '../objects/model';
import type { Interpreter } from '../vm/machine';
import { traverse } from './traverse';

export interface GcAnalysis {
  generation: number;
  /** objects examined (tracked, in generations <= generation) */
  examined: number;
  unreachable: PyObject[];
  /** unreachable objects with a __del__ not yet run */
  finalizers: PyObject[];
}

export class Collector {
  counts: [number, number, number] = [0, 0, 0];
  thresholds: [number, number, number];
  enabled = true;
  collecting = false;
  pending = false;
  /** long-lived objects: survivors of full collections, and those waiting since */
  longLivedTotal = 0;
  longLivedPending = 0;
  stats = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 }));
  /** gc.garbage (only filled by DEBUG_SAVEALL in CPython 3.4+) */
  garbage: PyList | null = null;
  callbacks: PyList | null = null;

  constructor(private vm: Interpreter) {
    this.thresholds = [...vm.profile.gcThresholds];
  }

  /** a container was allocated (and tracked) */
  onAlloc(): void {
    this.counts[0]++;
    if (this.counts[0] > this.thresholds[0] && this.enabled && this.thresholds[0] && !this.collecting) this.pending = true;
  }

  /** a tracked container was deallocated */
  onFree(): void {
    if (this.counts[0] > 0) this.counts[0]--;
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
    this.invokeCallbacks('start', gen, 0, 0);
    const n = this.collect(gen);
    this.invokeCallbacks('stop', gen, n, 0);
    return n;
  }

  private young(gen: number): PyObject[] {
    const out: PyObject[] = [];
    for (const o of this.vm.heap) if (o.gcTracked && o.gen <= gen && !(o.flags & F_DEAD)) out.push(o);
    return out;
  }

  /** The unreachable set of a collection of `gen`, computed as gc.c does, without side effects. */
  analyze(gen = 2): GcAnalysis {
    const young = this.young(gen);
    const unreachable = this.findUnreachable(young);
    return {
      generation: gen,
      examined: young.length,
      unreachable,
      finalizers: unreachable.filter((o) => o instanceof PyInstance && !(o.flags & F_FINALIZED) && this.vm.hasFinalizer(o)),
    };
  }

  private findUnreachable(young: PyObject[]): PyObject[] {
    const inYoung = new Set(young);
    // update_refs: gc_refs = ob_refcnt
    const refs = new Map<PyObject, number>();
    for (const o of young) refs.set(o, o.rc);
    // subtract_refs: remove references from inside the young set
    for (const o of young)
      traverse(o, (r) => {
        if (inYoung.has(r)) refs.set(r, refs.get(r)! - 1);
      });
    // move_unreachable: everything reachable from an object with outside references survives
    const reachable = new Set<PyObject>();
    const stack: PyObject[] = young.filter((o) => refs.get(o)! > 0);
    for (const o of stack) reachable.add(o);
    while (stack.length) {
      const o = stack.pop()!;
      traverse(o, (r) => {
        if (inYoung.has(r) && !reachable.has(r)) {
          reachable.add(r);
          stack.push(r);
        }
      });
    }
    return young.filter((o) => !reachable.has(o));
  }

  collect(gen: number): number {
    const vm = this.vm;
    const rec = vm.rec;
    this.collecting = true;
    try {
      if (rec.enabled) rec.gc('start', gen, { counts: [...this.counts] as [number, number, number] });
      if (gen + 1 <= 2) this.counts[gen + 1]++;
      for (let i = 0; i <= gen; i++) this.counts[i] = 0;
      const young = this.young(gen);
      if (rec.enabled) rec.gc('update_refs', gen, { objs: young.map((o) => o.id) });
      let unreachable = this.findUnreachable(young);
      if (rec.enabled) {
        rec.gc('subtract_refs', gen);
        rec.gc('move_unreachable', gen, { objs: unreachable.map((o) => o.id) });
      }
      // promote survivors
      const unreach = new Set(unreachable);
      const target = Math.min(gen + 1, 2);
      for (const o of young) if (!unreach.has(o)) o.gen = target;
      // PEP 442 finalizers, each at most once; they may resurrect objects
      const toFinalize = unreachable.filter((o) => o instanceof PyInstance && !(o.flags & F_FINALIZED) && vm.hasFinalizer(o));
      if (toFinalize.length) {
        if (rec.enabled) rec.gc('finalize', gen, { objs: toFinalize.map((o) => o.id) });
        for (const o of toFinalize) {
          if (o.flags & F_DEAD) continue;
          o.flags |= F_FINALIZED;
          vm.incref(o);
          vm.finalize(o);
          vm.decref(o);
        }
        // handle_resurrected_objects: what a finalizer made reachable again survives
        const still = unreachable.filter((o) => !(o.flags & F_DEAD));
        const again = new Set(this.findUnreachable(still));
        for (const o of still) if (!again.has(o)) o.gen = target;
        unreachable = still.filter((o) => again.has(o));
      }
      if (rec.enabled) rec.gc('handle_weakrefs', gen);
      vm.clearWeakrefsTo(unreachable);
      const n = unreachable.length;
      if (rec.enabled) rec.gc('delete_garbage', gen, { objs: unreachable.map((o) => o.id), collected: n });
      // delete_garbage: tp_clear breaks the cycles; refcounting frees the rest
      for (const o of unreachable) vm.incref(o);
      for (const o of unreachable) if (!(o.flags & F_DEAD)) this.clear(o);
      for (const o of unreachable) vm.decref(o);
      if (gen === 2) {
        this.longLivedPending = 0;
        this.longLivedTotal = this.young(2).length;
      } else if (gen === 1) this.longLivedPending += young.length - n;
      this.stats[gen].collections++;
      this.stats[gen].collected += n;
      if (rec.enabled) rec.gc('stop', gen, { collected: n, uncollectable: 0, counts: [...this.counts] as [number, number, number] });
      return n;
    } finally {
      this.collecting = false;
    }
  }

  /** tp_clear of the layouts that have one (tuples and bound methods do not) */
  private clear(o: PyObject): void {
    const vm = this.vm;
    if (o instanceof PyList) vm.listClear(o);
    else if (o instanceof PyDict) vm.dictClear(o);
    else if (o instanceof PySet) for (const x of [...o.map.values()]) vm.setDiscard(o, x);
    else if (o instanceof PyInstance) vm.clearInstance(o);
    else if (o instanceof PyCell) {
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
    } else if (o instanceof PyType) {
      vm.releaseType(o);
    } else if (o instanceof PyMethod) {
      // no tp_clear
    }
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
    try {
      for (const cb of [...cbs.items]) vm.decref(vm.callObject(cb, [ph, info]));
    } finally {
      vm.decref(ph);
      vm.decref(info);
    }
  }
}
