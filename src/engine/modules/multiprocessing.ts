// `multiprocessing.Process` and `Queue` as separate simulated interpreters: a child process is a new
// Interpreter with its own heap and its own GIL that runs the program as CPython's "spawn" start method
// does (the module again, as `__mp_main__`, then the target with copies of its arguments). It runs on
// another core: its simulated time runs in parallel with the parent's, so CPU-bound work on two
// processes takes about half the simulated time it takes on two threads. Documented simplifications:
// the child runs to completion when start() is called (its output appears then), and arguments and
// queue items are copied as plain values (numbers, str, None, bool, tuples, lists, dicts of those).
import { PyBool, PyDict, PyFloat, PyInt, PyList, PyModule, PyNone, PyObject, PyProperty, PyStr, PyTuple, type PyType } from '../objects/model';
import { arity, kw } from '../objects/builtins/args';
import { BlockThread, INSTRUCTION_NS } from '../threads/scheduler';
import { OWN_GIL } from '../trace/events';
import { PyRaise, SimStop } from '../vm/errors';
import type { Interpreter } from '../vm/machine';

/** a plain value copied between interpreters (what pickling would carry) */
type Plain = null | boolean | number | bigint | string | { float: number } | Plain[] | { tuple: Plain[] } | { dict: [Plain, Plain][] } | { queue: number };

/** how Queue objects travel: as their id (set by the module of the interpreter that made them) */
const queueIdOf = new WeakMap<PyObject, number>();

function toPlain(vm: Interpreter, o: PyObject, depth = 0): Plain {
  if (depth > 50) vm.raise('RecursionError', 'maximum recursion depth exceeded while pickling an object');
  if (o instanceof PyNone) return null;
  if (o instanceof PyBool) return o === vm.True;
  if (o instanceof PyInt) return o.v;
  if (o instanceof PyFloat) return { float: o.v };
  if (o instanceof PyStr) return o.s;
  if (o instanceof PyTuple) return { tuple: o.items.map((x) => toPlain(vm, x, depth + 1)) };
  if (o instanceof PyList) return o.items.map((x) => toPlain(vm, x, depth + 1));
  const q = queueIdOf.get(o);
  if (q !== undefined) return { queue: q };
  if (o instanceof PyDict) return { dict: [...o.map.values()].map((e) => [toPlain(vm, e.key, depth + 1), toPlain(vm, e.value, depth + 1)] as [Plain, Plain]) };
  return vm.typeError(`cannot pickle '${vm.typeName(o)}' object (the simulation copies numbers, strings, tuples, lists and dicts between processes)`);
}

function fromPlain(vm: Interpreter, p: Plain): PyObject {
  if (p === null) return vm.none();
  if (typeof p === 'boolean') return vm.newBool(p);
  if (typeof p === 'number' || typeof p === 'bigint') return vm.newInt(p);
  if (typeof p === 'string') return vm.newStr(p);
  if (Array.isArray(p)) {
    const items = p.map((x) => fromPlain(vm, x));
    const l = vm.newList([]);
    vm.listExtendOwned(l, items);
    return l;
  }
  if ('float' in p) return vm.newFloat(p.float);
  if ('queue' in p) return queueProxy(vm, p.queue);
  if ('tuple' in p) return vm.newTuple(p.tuple.map((x) => fromPlain(vm, x)));
  const d = vm.newDict();
  for (const [k, v] of p.dict) {
    const kk = fromPlain(vm, k);
    const vv = fromPlain(vm, v);
    vm.dictSet(d, kk, vv);
    vm.decref(kk);
    vm.decref(vv);
  }
  return d;
}

/** the Queue type of a child process (one per child interpreter) */
const proxyTypes = new WeakMap<Interpreter, PyType>();

/** a Queue inside a child process: put() hands the item to the parent (queueBridge) */
function queueProxy(vm: Interpreter, id: number): PyObject {
  let t = proxyTypes.get(vm);
  if (!t) {
    t = vm.newStaticType('Queue', 'object', vm.T.object);
    vm.method(t, 'put', (args, _k, self) => {
      arity(vm, 'put', args, 1, 1);
      vm.queueBridge?.(self!, args[0]);
      return vm.none();
    });
    proxyTypes.set(vm, t);
  }
  const o = vm.newInstance(t);
  queueIdOf.set(o, id);
  return o;
}

interface ChildRun {
  output: string;
  errors: string;
  exitcode: number;
  instructions: number;
  puts: { queue: number; item: Plain }[];
}

export function installMultiprocessing(vm: Interpreter): void {
  vm.moduleFactories.set('multiprocessing', () => makeModule(vm));
}

function makeModule(vm: Interpreter): PyModule {
  const fn = vm.builtin.bind(vm);
  const sched = vm.ensureScheduler();
  let serial = 0;
  let queueSerial = 0;
  /** queue id -> items with the simulated time they become available */
  const queues = new Map<number, { at: number; item: Plain }[]>();
  const procType = vm.newStaticType('Process', 'object', vm.T.object);
  const queueType = vm.newStaticType('Queue', 'object', vm.T.object);
  interface ProcState {
    name: string;
    target: PyObject | null;
    args: PyObject[];
    kwargs: Map<string, PyObject>;
    started: boolean;
    finishAt: number;
    exitcode: number | null;
    lane: number;
  }
  const procs = new WeakMap<PyObject, ProcState>();
  const stateOf = (o: PyObject): ProcState => {
    const s = procs.get(o);
    if (!s) vm.raise('ValueError', 'not a Process');
    return s!;
  };

  vm.nativeConstructors.set(procType, (t, args, kwargs) => {
    const k = kw(vm, 'Process', kwargs, ['group', 'target', 'name', 'args', 'kwargs', 'daemon']);
    const o = vm.newInstance(t);
    // every Process takes the next number of _process_counter, named or not
    const id = ++serial;
    const target = args[1] ?? k.target ?? null;
    const a = args[3] ?? k.args;
    const kwd = args[4] ?? k.kwargs;
    const st: ProcState = {
      name: k.name instanceof PyStr ? k.name.s : `Process-${id}`,
      target: target && !(target instanceof PyNone) ? target : null,
      args: a instanceof PyTuple || a instanceof PyList ? [...a.items] : [],
      kwargs: kwd instanceof PyDict ? vm.kwargsFromDict(kwd) : new Map(),
      started: false,
      finishAt: 0,
      exitcode: null,
      lane: 1000 + id,
    };
    if (st.target) vm.incref(st.target);
    for (const x of st.args) vm.incref(x);
    procs.set(o, st);
    return o;
  });
  vm.method(procType, 'start', (_a, _k, self) => {
    const st = stateOf(self!);
    if (st.started) vm.raise('AssertionError', 'cannot start a process twice');
    st.started = true;
    const targetName = st.target && 'name' in st.target ? String((st.target as { name: string }).name) : '';
    const run = runChild(vm, st.name, targetName, st.args.map((x) => toPlain(vm, x)), [...st.kwargs].map(([kk, v]) => [kk, toPlain(vm, v)] as [string, Plain]));
    // spawning costs time too: a new interpreter starts (about 20 ms of CPython startup)
    const start = sched.clock;
    st.finishAt = start + 20_000_000 + run.instructions * INSTRUCTION_NS;
    st.exitcode = run.exitcode;
    vm.write(run.output);
    if (run.errors) vm.stderrWrite(run.errors);
    for (const p of run.puts) {
      const q = queues.get(p.queue);
      if (q) q.push({ at: st.finishAt, item: p.item });
    }
    // its own GIL, always held: a lane of its own in the GIL view
    if (vm.rec.enabled) {
      vm.rec.thread('start', st.lane, st.name, start / 1000);
      vm.rec.gil('acquire', st.lane, start / 1000, OWN_GIL);
      vm.rec.gil('release', st.lane, st.finishAt / 1000, 'process exit');
      vm.rec.thread('end', st.lane, st.name, st.finishAt / 1000);
    }
    return vm.none();
  });
  vm.method(procType, 'join', (args, kwargs, self) => {
    const st = stateOf(self!);
    if (!st.started) vm.raise('AssertionError', 'can only join a started process');
    const k = kw(vm, 'join', kwargs, ['timeout']);
    const t = args[0] ?? k.timeout;
    const deadline = t && !(t instanceof PyNone) ? sched.clock + vm.asNumber(t) * 1e9 : st.finishAt;
    waitUntil(vm, `join ${st.name}`, Math.min(deadline, st.finishAt));
    return vm.none();
  });
  vm.method(procType, 'is_alive', (_a, _k, self) => {
    const st = stateOf(self!);
    return vm.newBool(st.started && sched.clock < st.finishAt);
  });
  const prop = (name: string, get: (st: ProcState) => PyObject): void => {
    const getter = vm.builtin(name, (args) => get(stateOf(args[0])));
    const p = new PyProperty(vm.T.property, getter, null, null);
    vm.makeShared(p);
    procType.dict.set(name, p);
  };
  prop('name', (st) => vm.newStr(st.name));
  prop('exitcode', (st) => (st.exitcode === null || sched.clock < st.finishAt ? vm.none() : vm.newInt(st.exitcode)));

  vm.nativeConstructors.set(queueType, (t) => {
    const o = vm.newInstance(t);
    const id = ++queueSerial;
    queueIdOf.set(o, id);
    queues.set(id, []);
    return o;
  });
  vm.method(queueType, 'put', (args, _k, self) => {
    arity(vm, 'put', args, 1, 1);
    queues.get(queueIdOf.get(self!)!)!.push({ at: sched.clock, item: toPlain(vm, args[0]) });
    return vm.none();
  });
  vm.method(queueType, 'get', (_a, _k, self) => {
    const q = queues.get(queueIdOf.get(self!)!)!;
    if (!q.length) vm.raise('RuntimeError', 'Queue.get() would wait forever: nothing will ever be put (deadlock)');
    const first = q.reduce((best, x) => (x.at < best.at ? x : best), q[0]);
    waitUntil(vm, 'Queue.get', first.at);
    q.splice(q.indexOf(first), 1);
    return fromPlain(vm, first.item);
  });
  vm.method(queueType, 'empty', (_a, _k, self) => vm.newBool(!queues.get(queueIdOf.get(self!)!)!.some((x) => x.at <= sched.clock)));
  vm.method(queueType, 'qsize', (_a, _k, self) => vm.newInt(queues.get(queueIdOf.get(self!)!)!.filter((x) => x.at <= sched.clock).length));

  const m = vm.newModule('multiprocessing', {
    Process: procType,
    Queue: queueType,
    cpu_count: fn('cpu_count', () => vm.newInt(2)),
    current_process: fn('current_process', () => vm.newStr('MainProcess')),
  });
  return m;
}

/** block the calling thread until the simulated clock reaches `at` */
function waitUntil(vm: Interpreter, reason: string, at: number): void {
  const sched = vm.ensureScheduler();
  const t = sched.current;
  if (t.resumed) {
    t.resumed = false;
    t.timedOut = false;
    return;
  }
  if (sched.clock >= at) return;
  throw new BlockThread({ reason, ready: () => sched.clock >= at, deadline: at });
}

/** run the target in a child interpreter (spawn: the module again as __mp_main__, then the target) */
function runChild(
  parent: Interpreter,
  procName: string,
  targetName: string,
  args: Plain[],
  kwargs: [string, Plain][],
): ChildRun {
  const child = parent.spawnChild();
  const out: ChildRun = { output: '', errors: '', exitcode: 0, instructions: 0, puts: [] };
  try {
    child.runMainAs('__mp_main__');
    const target = child.mainGlobal(targetName);
    if (!target) throw new Error(`target '${targetName}' not found at the module level of the child`);
    const a = args.map((x) => fromPlain(child, x));
    const k = new Map(kwargs.map(([n, v]) => [n, fromPlain(child, v)] as [string, PyObject]));
    child.queueBridge = (q, item) => {
      const id = queueIdOf.get(q);
      if (id !== undefined) out.puts.push({ queue: id, item: toPlain(child, item) });
    };
    child.decref(child.callObject(target, a, k));
  } catch (e) {
    if (e instanceof PyRaise) {
      out.errors += `Process ${procName}:\n${child.formatTraceback(e.exc)}`;
      out.exitcode = 1;
    } else if (e instanceof SimStop && e.reason.kind === 'budget') {
      // the child runs to completion inside start(): its budget is what was left of the parent's
      throw new SimStop({ ...e.reason, message: `${e.reason.message} in child process ${procName} (children run to completion when start() is called)` });
    } else if (e instanceof Error) {
      out.errors += `pymem: the child process could not be simulated: ${e.message}\n`;
      out.exitcode = 1;
    } else throw e;
  }
  out.output = child.stdout;
  out.errors = child.stderr + out.errors;
  out.instructions = child.steps;
  return out;
}
