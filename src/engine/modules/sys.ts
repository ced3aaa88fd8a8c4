// The `sys` module as a program sees it: getrefcount (the object's own count, which includes the
// argument's reference, as in CPython), getsizeof, the recursion limit, intern, version_info, stdout.
import { F_IMMORTAL, F_SHARED, PyException, PyInstance, PyModule, PyObject, PyStr, PyTuple, PyType } from '../objects/model';
import { arity } from '../objects/builtins/args';
import type { Interpreter } from '../vm/machine';

export function makeSysModule(vm: Interpreter): PyModule {
  const p = vm.profile;
  const fn = vm.builtin.bind(vm);
  const vi = p.versionInfo;
  const versionInfo = vm.newTuple([vm.newInt(vi[0]), vm.newInt(vi[1]), vm.newInt(vi[2]), vm.newStr(vi[3]), vm.newInt(vi[4])]);
  vm.makeShared(versionInfo);
  (versionInfo as PyTuple).fields = ['major', 'minor', 'micro', 'releaselevel', 'serial'];
  (versionInfo as PyTuple).structName = 'sys.version_info';
  const out = streamObject(vm, 'stdout', (s) => vm.write(s));
  const err = streamObject(vm, 'stderr', (s) => vm.stderrWrite(s));
  vm.stderrObj = err;
  const version = vm.newStr(`${vi[0]}.${vi[1]}.${vi[2]} (simulated by Python Memory Lens)`);
  vm.makeShared(version);
  const attrs: Record<string, PyObject> = {
    getrefcount: fn('getrefcount', (args) => {
      arity(vm, 'getrefcount', args, 1, 1);
      const o = args[0];
      if (o.flags & F_IMMORTAL) return vm.newInt(p.immortalRefcount);
      return vm.newInt(o.rc);
    }),
    getsizeof: fn('getsizeof', (args) => {
      arity(vm, 'getsizeof', args, 1, 2);
      const o = args[0];
      if (o instanceof PyInstance && vm.hasUserMethod(o.type, '__sizeof__')) {
        const r = vm.callMethodOf(o, '__sizeof__', []);
        const n = vm.asIndex(r);
        vm.decref(r);
        return vm.newInt(n + (o.gcTracked || o.type.isHeap ? 16 : 0));
      }
      return vm.newInt(vm.sizeof(o));
    }),
    getrecursionlimit: fn('getrecursionlimit', () => vm.newInt(p.recursionLimit)),
    setrecursionlimit: fn('setrecursionlimit', (args) => {
      arity(vm, 'setrecursionlimit', args, 1, 1);
      const n = vm.asIndex(args[0]);
      if (n < 1) vm.raise('ValueError', 'recursion limit must be greater or equal than 1');
      (p as { recursionLimit: number }).recursionLimit = Math.min(n, 100_000);
      return vm.none();
    }),
    intern: fn('intern', (args) => {
      arity(vm, 'intern', args, 1, 1);
      if (!(args[0] instanceof PyStr)) vm.typeError(`intern() argument must be str, not ${vm.typeName(args[0])}`);
      return vm.intern(args[0] as PyStr);
    }),
    exc_info: fn('exc_info', () => {
      const e = vm.handledExc;
      if (!e) return vm.newTuple([vm.none(), vm.none(), vm.none()]);
      vm.incref(e.type);
      vm.incref(e);
      return vm.newTuple([e.type, e, vm.none()]);
    }),
    exception: fn('exception', () => vm.retOrNone(vm.handledExc)),
    getswitchinterval: fn('getswitchinterval', () => vm.newFloat(vm.switchInterval)),
    setswitchinterval: fn('setswitchinterval', (args) => {
      arity(vm, 'setswitchinterval', args, 1, 1);
      const v = vm.asNumber(args[0]);
      if (!(v > 0)) vm.raise('ValueError', 'switch interval must be strictly positive');
      vm.switchInterval = v;
      if (vm.sched) vm.sched.switchIntervalNs = Math.round(v * 1e9);
      return vm.none();
    }),
    version_info: versionInfo,
    version,
    maxsize: vm.newInt(9223372036854775807n),
    byteorder: vm.newStr('little'),
    platform: vm.newStr('linux'),
    stdout: out,
    stderr: err,
    argv: vm.newList([vm.newStr(vm.filename)]),
  };
  for (const k of ['maxsize', 'byteorder', 'platform', 'argv']) vm.makeShared(attrs[k]);
  return vm.newModule('sys', attrs);
}

/** sys.stdout / sys.stderr: an object with write() and flush() */
function streamObject(vm: Interpreter, name: string, write: (s: string) => void): PyObject {
  const t = vm.newStaticType('TextIOWrapper', 'object', vm.T.object);
  vm.method(t, 'write', (args) => {
    arity(vm, 'write', args, 1, 1);
    if (!(args[0] instanceof PyStr)) vm.typeError(`write() argument must be str, not ${vm.typeName(args[0])}`);
    write((args[0] as PyStr).s);
    return vm.newInt((args[0] as PyStr).s.length);
  });
  vm.method(t, 'flush', () => vm.none());
  const o = new PyInstance(t);
  vm.makeShared(o);
  void name;
  void PyException;
  void PyType;
  void F_SHARED;
  return o;
}
