// The `weakref` module: ref (with callbacks, the shared basic ref), proxy, getweakrefcount,
// getweakrefs, and -- written in Python on top of them, as CPython's Lib/weakref.py does --
// WeakValueDictionary, WeakKeyDictionary-free subset, and finalize. A weak reference never counts in
// a refcount.
import { F_DEAD, PyFunction, PyInstance, PyModule, PyObject, PySet, PyType, PyWeakRef } from '../objects/model';
import { arity } from '../objects/builtins/args';
import type { Interpreter } from '../vm/machine';

/** Lib/weakref.py's WeakValueDictionary and finalize, in the subset the engine runs. */
const PRELUDE = `
class WeakValueDictionary:
    def __init__(self, other=None):
        self.data = {}
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if wr.key in self.data and self.data[wr.key] is wr:
                    del self.data[wr.key]
        self._remove = remove
        if other is not None:
            for k, v in other.items():
                self[k] = v
    def __setitem__(self, key, value):
        wr = KeyedRef(value, self._remove, key)
        self.data[key] = wr
    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o
    def __delitem__(self, key):
        del self.data[key]
    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None
    def __len__(self):
        return len(self.data)
    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o
    def keys(self):
        return [k for k, wr in self.data.items() if wr() is not None]
    def values(self):
        return [wr() for wr in self.data.values() if wr() is not None]
    def items(self):
        return [(k, wr()) for k, wr in self.data.items() if wr() is not None]
    def __iter__(self):
        return iter(self.keys())
    def pop(self, key, *default):
        try:
            o = self.data.pop(key)()
        except KeyError:
            if default:
                return default[0]
            raise
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

class finalize:
    _registry = {}
    def __init__(self, obj, func, *args, **kwargs):
        self._key = _next_id()
        finalize._registry[self._key] = (func, args, kwargs)
        self._ref = ref(obj, self)
        self.atexit = True
    def __call__(self, _=None):
        info = finalize._registry.pop(self._key, None)
        if info is not None:
            func, args, kwargs = info
            return func(*args, **kwargs)
    def detach(self):
        info = finalize._registry.pop(self._key, None)
        obj = self._ref()
        if info is not None and obj is not None:
            return (obj, info[0], info[1], info[2])
    def peek(self):
        info = finalize._registry.get(self._key)
        obj = self._ref()
        if info is not None and obj is not None:
            return (obj, info[0], info[1], info[2])
    @property
    def alive(self):
        return self._key in finalize._registry
`;

export function installWeakref(vm: Interpreter): void {
  vm.moduleFactories.set('weakref', () => makeWeakrefModule(vm));
}

function supportsWeakrefs(vm: Interpreter, o: PyObject): boolean {
  return (o instanceof PyInstance && o.type !== vm.T.object && o.type.instWeak) || o instanceof PyFunction || o instanceof PyType || o instanceof PySet;
}

function makeWeakrefModule(vm: Interpreter): PyModule {
  const fn = vm.builtin.bind(vm);
  let serial = 0;
  const refType = vm.T.weakref;
  const keyedType = vm.newStaticType('KeyedRef', 'weakref', refType, true);
  const newRef = (t: PyType, args: PyObject[], proxy = false): PyObject => {
    const [target, cb] = args;
    if (!supportsWeakrefs(vm, target)) vm.typeError(`cannot create weak reference to '${vm.typeName(target)}' object`);
    const callback = cb && !vm.isNone(cb) ? cb : null;
    const list = vm.weakrefs.get(target) ?? [];
    // the basic ref (no callback) is shared
    if (!callback && t === refType && !proxy) {
      const basic = list.find((w) => !w.callback && w.type === refType && !w.proxy);
      if (basic) {
        vm.incref(basic);
        return basic;
      }
    }
    const w = vm.track(new PyWeakRef(t, target, callback), vm.profile.sizes.weakref + subclassSlots(vm, t), true);
    w.proxy = proxy;
    if (callback) vm.increfBy(callback, [w, '__callback__']);
    if (!callback) list.unshift(w);
    else {
      const basicCount = list.filter((x) => !x.callback).length;
      list.splice(basicCount, 0, w);
    }
    vm.weakrefs.set(target, list);
    return w;
  };
  vm.nativeConstructors.set(refType, (t, args) => {
    arity(vm, 'ref', args, 1, 2);
    return newRef(t, args);
  });
  vm.nativeConstructors.set(keyedType, (t, args) => {
    arity(vm, 'KeyedRef', args, 3, 3);
    const w = newRef(t, args.slice(0, 2)) as PyWeakRef;
    vm.incref(args[2]);
    w.key = args[2];
    return w;
  });
  const attrs: Record<string, PyObject> = {
    ref: refType,
    ReferenceType: refType,
    KeyedRef: keyedType,
    proxy: fn('proxy', (args) => {
      arity(vm, 'proxy', args, 1, 2);
      return newRef(vm.T.weakproxy, args, true);
    }),
    getweakrefcount: fn('getweakrefcount', (args) => {
      arity(vm, 'getweakrefcount', args, 1, 1);
      return vm.newInt((vm.weakrefs.get(args[0]) ?? []).length);
    }),
    getweakrefs: fn('getweakrefs', (args) => {
      arity(vm, 'getweakrefs', args, 1, 1);
      const list = [...(vm.weakrefs.get(args[0]) ?? [])];
      for (const w of list) vm.incref(w);
      return vm.newList(list);
    }),
    _next_id: fn('_next_id', () => vm.newInt(++serial)),
  };
  const m = vm.newModule('weakref', attrs);
  vm.runPrelude(PRELUDE, m);
  void F_DEAD;
  return m;
}

/**
 * The slots a Python subclass of weakref.ref adds (ref has neither a dict nor a weak list): 3.10 both
 * as pointers, 3.11 a weak-list pointer after the managed-dict pre-header, 3.12+ both in the pre-header.
 */
function subclassSlots(vm: Interpreter, t: PyType): number {
  if (!t.isHeap) return 0;
  if (!vm.profile.managedDicts) return 16;
  return vm.profile.version === '3.11' ? 24 : 16;
}
