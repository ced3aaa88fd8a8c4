// The `tracemalloc` module: start/stop/is_tracing, get_traced_memory/reset_peak/clear_traces,
// get_traceback_limit, take_snapshot with Snapshot.statistics / compare_to / filter_traces and the
// Statistic, StatisticDiff, Trace, Traceback, Frame, Filter and DomainFilter classes. The native part
// (the C module `_tracemalloc` in CPython) listens to the runtime's object allocation hook
// (alloc/hooks.ts); the rest is Lib/tracemalloc.py, ported to the engine's subset (tracemalloc-py.ts).
//
// Where this cannot match CPython byte for byte:
// - CPython traces every PyMem/PyObject allocation with its requested size: a list's object and its item
//   buffer are two traces, an instance's values array (3.11/3.12) and a dict's keys table are separate
//   traces, objects reused from a free list (lists, dicts, tuples, floats...) are not new allocations at
//   all, and interpreter-internal buffers (frames, code caches) are traced too. Here each program object
//   is one trace of its sys.getsizeof size (3.13 instances: with their inline values), from its creation (or last resize) to its deallocation.
//   Sizes and counts of big allocations agree closely (a 100,000-item list is ~800 KB in both); small
//   per-line sums and counts may not.
// - Allocations made while engine-provided Python code runs (this module's own classes, weakref's
//   helpers) are not traced; CPython attributes them to tracemalloc.py / weakref.py.
// - Frames are (the program's file name, line); Traceback.format has no source lines;
//   Snapshot.dump/load and get_tracemalloc_memory are absent.
import type { ObjectAllocHook } from '../alloc/hooks';
import { PyInstance, PyModule, PyObject } from '../objects/model';
import { arity } from '../objects/builtins/args';
import type { Interpreter } from '../vm/machine';
import { TRACEMALLOC_PY } from './tracemalloc-py';

/** one traced object: its size and frames, most recent first */
interface TraceRecord {
  size: number;
  frames: [string, number][];
  totalFrames: number;
}

/** what the runtime must offer: the hook slot of Runtime (alloc/hooks.ts) */
interface HookHost {
  allocHook: ObjectAllocHook | null;
}

function hookHost(vm: Interpreter): HookHost | null {
  return 'allocHook' in vm ? (vm as unknown as HookHost) : null;
}

/** The tracer: `_tracemalloc`'s state, fed by the runtime's allocation hook while tracing. */
export class Tracer implements ObjectAllocHook {
  tracing = false;
  nframe = 1;
  current = 0;
  peak = 0;
  readonly traces = new Map<PyObject, TraceRecord>();

  constructor(private readonly vm: Interpreter) {}

  alloc(o: PyObject): void {
    const vm = this.vm;
    const top = vm.frame;
    // engine-provided Python (this module's classes, weakref helpers): not traced, see above
    if (top && top.code.internal) return;
    const frames: [string, number][] = [[vm.filename, o.line]];
    let total = top ? 0 : 1;
    for (let f = top; f; f = f.parent) {
      if (f.code.internal) continue;
      total++;
      if (f !== top && frames.length < this.nframe) frames.push([vm.filename, f.lastLine]);
    }
    // a 3.13 instance's allocation includes its inline values, which sys.getsizeof leaves out
    const size = o instanceof PyInstance && o.allocBytes ? o.allocBytes : o.size;
    this.traces.set(o, { size, frames, totalFrames: Math.max(total, 1) });
    this.add(size);
  }

  resize(o: PyObject, oldSize: number): void {
    const t = this.traces.get(o);
    if (!t) return;
    t.size = o.size;
    this.add(o.size - oldSize);
  }

  free(o: PyObject): void {
    const t = this.traces.get(o);
    if (!t) return;
    this.traces.delete(o);
    this.current -= t.size;
  }

  private add(delta: number): void {
    this.current += delta;
    if (this.current > this.peak) this.peak = this.current;
  }

  start(nframe: number): void {
    if (this.tracing) return;
    const host = hookHost(this.vm);
    if (!host) this.vm.raise('RuntimeError', 'tracemalloc: this engine build has no allocation hook');
    this.nframe = nframe;
    this.tracing = true;
    host.allocHook = this;
  }

  stop(): void {
    if (!this.tracing) return;
    this.tracing = false;
    const host = hookHost(this.vm);
    if (host && host.allocHook === this) host.allocHook = null;
    this.clear();
  }

  clear(): void {
    this.traces.clear();
    this.current = 0;
    this.peak = 0;
  }
}

export function installTracemalloc(vm: Interpreter): void {
  vm.moduleFactories.set('tracemalloc', () => makeTracemallocModule(vm));
}

function makeTracemallocModule(vm: Interpreter): PyModule {
  const fn = vm.builtin.bind(vm);
  const tracer = new Tracer(vm);
  const str = (s: string): PyObject => vm.newStr(s);
  const framesTuple = (frames: [string, number][]): PyObject =>
    vm.newTuple(frames.map(([file, line]) => vm.newTuple([str(file), vm.newInt(line)])));
  const attrs: Record<string, PyObject> = {
    start: fn('start', (args) => {
      arity(vm, 'start', args, 0, 1);
      const n = args.length ? vm.asIndex(args[0]) : 1;
      if (n < 1 || n > 65535) vm.raise('ValueError', 'the number of frames must be in range [1; 65535]');
      tracer.start(n);
      return vm.none();
    }),
    stop: fn('stop', (args) => {
      arity(vm, 'stop', args, 0, 0);
      tracer.stop();
      return vm.none();
    }),
    is_tracing: fn('is_tracing', (args) => {
      arity(vm, 'is_tracing', args, 0, 0);
      return vm.newBool(tracer.tracing);
    }),
    clear_traces: fn('clear_traces', (args) => {
      arity(vm, 'clear_traces', args, 0, 0);
      if (tracer.tracing) tracer.clear();
      return vm.none();
    }),
    get_traced_memory: fn('get_traced_memory', (args) => {
      arity(vm, 'get_traced_memory', args, 0, 0);
      const [cur, peak] = tracer.tracing ? [tracer.current, tracer.peak] : [0, 0];
      return vm.newTuple([vm.newInt(cur), vm.newInt(peak)]);
    }),
    reset_peak: fn('reset_peak', (args) => {
      arity(vm, 'reset_peak', args, 0, 0);
      if (tracer.tracing) tracer.peak = tracer.current;
      return vm.none();
    }),
    get_traceback_limit: fn('get_traceback_limit', (args) => {
      arity(vm, 'get_traceback_limit', args, 0, 0);
      return vm.newInt(tracer.nframe);
    }),
    _get_traces: fn('_get_traces', (args) => {
      arity(vm, '_get_traces', args, 0, 0);
      // copy first: the tuples built below are new allocations, traced but not part of this snapshot
      const copy = [...tracer.traces.values()].map((t) => ({ ...t, frames: t.frames.slice() }));
      return vm.newList(copy.map((t) => vm.newTuple([vm.newInt(0), vm.newInt(t.size), framesTuple(t.frames), vm.newInt(t.totalFrames)])));
    }),
    _get_object_traceback: fn('_get_object_traceback', (args) => {
      arity(vm, '_get_object_traceback', args, 1, 1);
      const t = tracer.traces.get(args[0]);
      return t ? framesTuple(t.frames) : vm.none();
    }),
  };
  const m = vm.newModule('tracemalloc', attrs);
  vm.runPrelude(TRACEMALLOC_PY, m);
  return m;
}
