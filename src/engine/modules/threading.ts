// The `threading` and `time` modules over the simulated scheduler (threads/scheduler.ts): Thread,
// Lock, RLock, Event natively; Condition, Semaphore and BoundedSemaphore in Python on top of Lock, as
// CPython's Lib/threading.py builds them. Blocking calls suspend the calling thread (its CALL is retried
// when it resumes) and release the GIL.
import { PyFunction, PyInstance, PyMethod, PyModule, PyNone, PyObject, PyStr, PyTuple, PyType, PyDict } from '../objects/model';
import { arity, kw } from '../objects/builtins/args';
import { BlockThread, INSTRUCTION_NS, type ThreadState } from '../threads/scheduler';
import type { Interpreter } from '../vm/machine';

const PRELUDE = `
class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = name
        self._daemon = False if daemon is None else daemon
        self._ident = None
        self._started = False
    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._ident = _start(self, self.run, self._name, self._daemon)
        if self._name is None:
            self._name = _name_of(self._ident)
    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)
    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self._ident == _current_ident():
            raise RuntimeError("cannot join current thread")
        _join(self._ident, timeout)
    def is_alive(self):
        return self._started and _is_alive(self._ident)
    @property
    def name(self):
        return self._name if self._name is not None else "Thread"
    @property
    def ident(self):
        return self._ident
    @property
    def native_id(self):
        return self._ident
    @property
    def daemon(self):
        return self._daemon
    def __repr__(self):
        state = "started" if self._started else "initial"
        if self._started and not _is_alive(self._ident):
            state = "stopped"
        return "<%s(%s, %s)>" % (type(self).__name__, self.name, state)

class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []
    def __enter__(self):
        return self._lock.__enter__()
    def __exit__(self, *args):
        return self._lock.__exit__(*args)
    def wait(self, timeout=None):
        waiter = Lock()
        waiter.acquire()
        self._waiters.append(waiter)
        self._lock.release()
        try:
            if timeout is None:
                waiter.acquire()
                return True
            got = waiter.acquire(True, timeout)
            if not got:
                self._waiters.remove(waiter)
            return got
        finally:
            self._lock.acquire()
    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            self.wait(timeout)
            result = predicate()
        return result
    def notify(self, n=1):
        for waiter in self._waiters[:n]:
            waiter.release()
        self._waiters = self._waiters[n:]
    def notify_all(self):
        self.notify(len(self._waiters))

class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value
    def acquire(self, blocking=True, timeout=None):
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                self._cond.wait(timeout)
            self._value -= 1
            return True
    def release(self, n=1):
        with self._cond:
            self._value += n
            self._cond.notify(n)
    def __enter__(self):
        self.acquire()
    def __exit__(self, *args):
        self.release()

class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value
    def release(self, n=1):
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        Semaphore.release(self, n)

def current_thread():
    return _thread_object(_current_ident())

def main_thread():
    return _thread_object(0)

def active_count():
    return _active_count()

def get_ident():
    return _current_ident()
`;

export function installThreading(vm: Interpreter): void {
  vm.moduleFactories.set('threading', () => makeThreading(vm));
  vm.moduleFactories.set('time', () => makeTime(vm));
}

function sched(vm: Interpreter) {
  return vm.ensureScheduler();
}

function currentThread(vm: Interpreter): ThreadState {
  return sched(vm).current;
}

/** a blocking wait: returns when the condition holds, else suspends the thread (the call is retried) */
function waitFor(vm: Interpreter, reason: string, ready: () => boolean, timeoutS: number | null, sleeping = false): boolean {
  const t = currentThread(vm);
  if (t.resumed) {
    t.resumed = false;
    if (t.timedOut) {
      t.timedOut = false;
      return false;
    }
    if (sleeping) return true;
  }
  if (!sleeping && ready()) return true;
  if (timeoutS !== null && timeoutS <= 0 && !sleeping) return false;
  const s = sched(vm);
  const deadline = timeoutS === null ? Infinity : s.clock + Math.round(timeoutS * 1e9);
  throw new BlockThread({ reason, ready: sleeping ? () => false : ready, deadline });
}

function seconds(vm: Interpreter, o: PyObject | undefined): number | null {
  if (!o || o instanceof PyNone) return null;
  const v = vm.asNumber(o);
  return v;
}

function makeTime(vm: Interpreter): PyModule {
  const fn = vm.builtin.bind(vm);
  const now = (): number => sched(vm).clock / 1e9;
  return vm.newModule('time', {
    sleep: fn('sleep', (args) => {
      arity(vm, 'sleep', args, 1, 1);
      const s = seconds(vm, args[0]) ?? 0;
      if (s < 0) vm.raise('ValueError', 'sleep length must be non-negative');
      waitFor(vm, 'time.sleep', () => false, s, true);
      return vm.none();
    }),
    perf_counter: fn('perf_counter', () => vm.newFloat(now())),
    monotonic: fn('monotonic', () => vm.newFloat(now())),
    time: fn('time', () => vm.newFloat(1_700_000_000 + now())),
    perf_counter_ns: fn('perf_counter_ns', () => vm.newInt(Math.round(sched(vm).clock))),
    monotonic_ns: fn('monotonic_ns', () => vm.newInt(Math.round(sched(vm).clock))),
    process_time: fn('process_time', () => vm.newFloat(sched(vm).threads.reduce((n, t) => n + t.runNs, 0) / 1e9)),
  });
}

function makeThreading(vm: Interpreter): PyModule {
  const fn = vm.builtin.bind(vm);
  const s = sched(vm);
  let unnamed = 0;
  const byIdent = (o: PyObject): ThreadState => {
    const id = vm.asIndex(o);
    const t = s.threads[id];
    if (!t) vm.raise('ValueError', `no thread ${id}`);
    return t;
  };

  // Lock and RLock: native types
  const lockType = vm.newStaticType('lock', 'object', vm.T.object);
  const rlockType = vm.newStaticType('RLock', 'object', vm.T.object);
  interface LockState {
    owner: number;
    count: number;
  }
  const locks = new WeakMap<PyObject, LockState>();
  const stateOf = (o: PyObject): LockState => {
    let st = locks.get(o);
    if (!st) locks.set(o, (st = { owner: -1, count: 0 }));
    return st;
  };
  // trace times are simulated microseconds (the scheduler counts nanoseconds)
  const recLock = (what: 'acquire' | 'wait' | 'release', lock: PyObject, thread: number): void => {
    if (vm.rec.enabled) vm.rec.lock(what, lock.id, thread, sched(vm).clock / 1000);
  };
  const acquire = (self: PyObject, args: PyObject[], kwargs: Map<string, PyObject> | null, reentrant: boolean): PyObject => {
    const k = kw(vm, 'acquire', kwargs, ['blocking', 'timeout']);
    const blocking = args[0] ?? k.blocking;
    const timeoutArg = args[1] ?? k.timeout;
    const st = stateOf(self);
    const me = currentThread(vm).id;
    if (reentrant && st.owner === me) {
      st.count++;
      return vm.newBool(true);
    }
    const nonBlocking = blocking !== undefined && !vm.truthy(blocking);
    let timeout = timeoutArg !== undefined ? seconds(vm, timeoutArg) : null;
    if (timeout !== null && timeout < 0) timeout = null;
    if (nonBlocking) {
      if (st.owner >= 0) return vm.newBool(false);
    } else {
      let got: boolean;
      try {
        got = waitFor(vm, reentrant ? 'RLock.acquire' : 'Lock.acquire', () => st.owner < 0, timeout);
      } catch (e) {
        if (e instanceof BlockThread) recLock('wait', self, me);
        throw e;
      }
      if (!got) return vm.newBool(false);
    }
    st.owner = me;
    st.count = 1;
    recLock('acquire', self, me);
    return vm.newBool(true);
  };
  const release = (self: PyObject, reentrant: boolean): PyObject => {
    const st = stateOf(self);
    if (st.owner < 0) vm.raise('RuntimeError', reentrant ? 'cannot release un-acquired lock' : 'release unlocked lock');
    if (reentrant && st.owner !== currentThread(vm).id) vm.raise('RuntimeError', 'cannot release un-acquired lock');
    if (--st.count <= 0) {
      recLock('release', self, st.owner);
      st.owner = -1;
      st.count = 0;
    }
    return vm.none();
  };
  for (const [t, re] of [[lockType, false], [rlockType, true]] as const) {
    vm.method(t, 'acquire', (args, kwargs, self) => acquire(self!, args, kwargs, re));
    vm.method(t, 'release', (_a, _k, self) => release(self!, re));
    vm.method(t, '__enter__', (args, kwargs, self) => acquire(self!, args, kwargs, re));
    vm.method(t, '__exit__', (_a, _k, self) => (release(self!, re), vm.newBool(false)));
    vm.method(t, 'locked', (_a, _k, self) => vm.newBool(stateOf(self!).owner >= 0));
    vm.nativeConstructors.set(t, (ty) => vm.newInstance(ty));
  }

  // Event: a flag threads wait on
  const eventType = vm.newStaticType('Event', 'object', vm.T.object);
  const flags = new WeakMap<PyObject, { set: boolean }>();
  const flagOf = (o: PyObject): { set: boolean } => {
    let f = flags.get(o);
    if (!f) flags.set(o, (f = { set: false }));
    return f;
  };
  vm.method(eventType, 'set', (_a, _k, self) => ((flagOf(self!).set = true), vm.none()));
  vm.method(eventType, 'clear', (_a, _k, self) => ((flagOf(self!).set = false), vm.none()));
  vm.method(eventType, 'is_set', (_a, _k, self) => vm.newBool(flagOf(self!).set));
  vm.method(eventType, 'wait', (args, kwargs, self) => {
    const k = kw(vm, 'wait', kwargs, ['timeout']);
    const f = flagOf(self!);
    return vm.newBool(waitFor(vm, 'Event.wait', () => f.set, seconds(vm, args[0] ?? k.timeout)));
  });
  vm.nativeConstructors.set(eventType, (ty) => vm.newInstance(ty));

  const attrs: Record<string, PyObject> = {
    Lock: lockType,
    RLock: rlockType,
    Event: eventType,
    _start: fn('_start', (args) => {
      const [pyThread, run, name, daemon] = args;
      const t = s.newThread(name instanceof PyStr ? name.s : '', vm.truthy(daemon));
      // threading._newname: only unnamed threads use up a number
      if (!(name instanceof PyStr)) t.name = `Thread-${++unnamed}${targetSuffix(vm, pyThread)}`;
      t.pyThread = pyThread;
      vm.incref(pyThread);
      vm.startThread(t, run);
      return vm.newInt(t.id);
    }),
    _join: fn('_join', (args) => {
      const t = byIdent(args[0]);
      waitFor(vm, `join ${t.name}`, () => t.status === 'done', seconds(vm, args[1]));
      return vm.none();
    }),
    _is_alive: fn('_is_alive', (args) => vm.newBool(byIdent(args[0]).status !== 'done')),
    _name_of: fn('_name_of', (args) => vm.newStr(byIdent(args[0]).name)),
    _current_ident: fn('_current_ident', () => vm.newInt(currentThread(vm).id)),
    _active_count: fn('_active_count', () => vm.newInt(s.threads.filter((t) => t.status !== 'done' && t.status !== 'new').length)),
    _thread_object: fn('_thread_object', (args) => {
      const t = byIdent(args[0]);
      if (!t.pyThread) {
        const main = vm.getattr(vm.modules.get('threading')!, 'Thread');
        const name = vm.newStr(t.name);
        const kwargs = new Map<string, PyObject>([['name', name]]);
        const obj = vm.callObject(main, [], kwargs);
        vm.decref(name);
        vm.decref(main);
        const d = (obj as PyInstance).attrs;
        if (d) {
          const set = (k: string, v: PyObject): void => vm.setattr(obj, k, v);
          const ident = vm.newInt(t.id);
          set('_ident', ident);
          set('_started', vm.True);
          vm.decref(ident);
        }
        t.pyThread = obj;
      }
      vm.incref(t.pyThread);
      return t.pyThread;
    }),
    TIMEOUT_MAX: vm.newFloat(4294967.0),
  };
  const m = vm.newModule('threading', attrs);
  vm.runPrelude(PRELUDE, m);
  void INSTRUCTION_NS;
  void PyTuple;
  void PyType;
  void PyDict;
  void PyFunction;
  void PyMethod;
  return m;
}

/** CPython 3.10+ names an unnamed thread "Thread-N (target)" */
function targetSuffix(vm: Interpreter, pyThread: PyObject): string {
  if (vm.profile.version === '3.10' && false) return '';
  const target = pyThread instanceof PyInstance && pyThread.attrs ? vm.dictGetStr(pyThread.attrs, '_target') : null;
  if (target instanceof PyFunction) return ` (${target.name})`;
  if (target instanceof PyMethod && target.func instanceof PyFunction) return ` (${target.func.name})`;
  return '';
}
