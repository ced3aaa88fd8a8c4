// Methods of list, tuple, dict and set (listobject.c, dictobject.c, setobject.c), with the reference
// and size behaviour of CPython: pop moves the reference out, sort keeps the list's items, and so on.
import {
  PyDict, PyDictView, PyInt, PyRange, PyList, PyNone, PyObject, PySet, PyStr, PyTuple,
} from '../model';
import type { Interpreter } from '../../vm/machine';
import { PyRaise } from '../../vm/errors';
import { arity, kw, noKwargs } from './args';
import { nativeIter } from './functions';

export function installContainerMethods(vm: Interpreter): void {
  const T = vm.T;
  const m = (t: string, name: string, fn: (self: PyObject, args: PyObject[], kwargs: Map<string, PyObject> | null) => PyObject): void =>
    vm.method(T[t], name, (args, kwargs, self) => fn(self!, args, kwargs));

  // ---------------------------------------------------------------- list
  m('list', 'append', (self, args) => {
    arity(vm, 'append', args, 1, 1);
    vm.incref(args[0]);
    vm.listAppend(self as PyList, args[0]);
    return vm.none();
  });
  m('list', 'extend', (self, args) => {
    arity(vm, 'extend', args, 1, 1);
    const l = self as PyList;
    const src = args[0];
    if (src instanceof PyList || src instanceof PyTuple) vm.listExtend(l, [...src.items]);
    else vm.listExtendFrom(l, src, vm.iterToArray(src), false);
    return vm.none();
  });
  m('list', 'insert', (self, args) => {
    arity(vm, 'insert', args, 2, 2);
    const l = self as PyList;
    let i = vm.asIndex(args[0]);
    const n = l.items.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    vm.listResize(l, n + 1);
    vm.listUnlabel(l, i);
    l.items.splice(i, 0, args[1]);
    vm.increfBy(args[1], [l, `[${i}]`]);
    vm.listRelabel(l, i + 1);
    return vm.none();
  });
  m('list', 'pop', (self, args) => {
    arity(vm, 'pop', args, 0, 1);
    const l = self as PyList;
    if (!l.items.length) vm.raise('IndexError', 'pop from empty list');
    let i = args.length ? vm.asIndex(args[0]) : -1;
    if (i < 0) i += l.items.length;
    if (i < 0 || i >= l.items.length) vm.raise('IndexError', 'pop index out of range');
    vm.listUnlabel(l, i + 1);
    const [v] = l.items.splice(i, 1);
    vm.moveFrom(v, [l, `[${i}]`]);
    vm.listRelabel(l, i);
    vm.listResize(l, l.items.length);
    return v;
  });
  m('list', 'remove', (self, args) => {
    arity(vm, 'remove', args, 1, 1);
    const l = self as PyList;
    for (let i = 0; i < l.items.length; i++) {
      const x = l.items[i];
      if (x === args[0] || vm.eq(x, args[0])) {
        vm.listUnlabel(l, i + 1);
        l.items.splice(i, 1);
        vm.listRelabel(l, i);
        vm.listResize(l, l.items.length);
        vm.decrefBy(x, [l, `[${i}]`]);
        return vm.none();
      }
    }
    return vm.raise('ValueError', 'list.remove(x): x not in list');
  });
  m('list', 'index', (self, args) => {
    arity(vm, 'index', args, 1, 3);
    const items = (self as PyList).items;
    const [start, stop] = bounds(vm, items.length, args[1], args[2]);
    for (let i = start; i < stop; i++) if (items[i] === args[0] || vm.eq(items[i], args[0])) return vm.newInt(i);
    return vm.raise('ValueError', `${vm.repr(args[0])} is not in list`);
  });
  m('list', 'count', (self, args) => {
    arity(vm, 'count', args, 1, 1);
    return vm.newInt((self as PyList).items.filter((x) => x === args[0] || vm.eq(x, args[0])).length);
  });
  m('list', 'reverse', (self) => {
    vm.listUnlabel(self as PyList);
    (self as PyList).items.reverse();
    vm.listRelabel(self as PyList);
    return vm.none();
  });
  m('list', 'clear', (self) => {
    vm.listClear(self as PyList);
    return vm.none();
  });
  m('list', 'copy', (self) => {
    const items = [...(self as PyList).items];
    for (const x of items) vm.incref(x);
    const l = vm.newList(items);
    if (vm.rec.enabled) items.forEach((x, i) => vm.moveTo(x, [l, `[${i}]`]));
    return l;
  });
  m('list', 'sort', (self, args, kwargs) => {
    if (args.length) vm.typeError('sort() takes no positional arguments');
    const k = kw(vm, 'sort', kwargs, ['key', 'reverse']);
    vm.listSort(self as PyList, k.key ?? null, k.reverse ? vm.truthy(k.reverse) : false);
    return vm.none();
  });

  // ---------------------------------------------------------------- range
  m('range', 'index', (self, args) => {
    arity(vm, 'index', args, 1, 1);
    if (!vm.contains(self, args[0])) vm.raise('ValueError', `${vm.repr(args[0])} is not in range`);
    const r = self as PyRange;
    return vm.newInt((Number((args[0] as PyInt).v) - r.start) / r.step);
  });
  m('range', 'count', (self, args) => {
    arity(vm, 'count', args, 1, 1);
    return vm.newInt(vm.contains(self, args[0]) ? 1 : 0);
  });

  // ---------------------------------------------------------------- tuple
  m('tuple', 'index', (self, args) => {
    arity(vm, 'index', args, 1, 3);
    const items = (self as PyTuple).items;
    const [start, stop] = bounds(vm, items.length, args[1], args[2]);
    for (let i = start; i < stop; i++) if (items[i] === args[0] || vm.eq(items[i], args[0])) return vm.newInt(i);
    return vm.raise('ValueError', 'tuple.index(x): x not in tuple');
  });
  m('tuple', 'count', (self, args) => {
    arity(vm, 'count', args, 1, 1);
    return vm.newInt((self as PyTuple).items.filter((x) => x === args[0] || vm.eq(x, args[0])).length);
  });

  // ---------------------------------------------------------------- dict
  m('dict', 'get', (self, args, kwargs) => {
    noKwargs(vm, 'get', kwargs);
    arity(vm, 'get', args, 1, 2);
    const v = vm.dictGet(self as PyDict, args[0]) ?? args[1] ?? vm.None;
    vm.incref(v);
    return v;
  });
  m('dict', 'setdefault', (self, args) => {
    arity(vm, 'setdefault', args, 1, 2);
    const d = self as PyDict;
    const v = vm.dictGet(d, args[0]);
    if (v) {
      vm.incref(v);
      return v;
    }
    const dflt = args[1] ?? vm.None;
    vm.dictSet(d, args[0], dflt);
    vm.incref(dflt);
    return dflt;
  });
  m('dict', 'pop', (self, args) => {
    arity(vm, 'pop', args, 1, 2);
    const v = vm.dictPop(self as PyDict, args[0]);
    if (v) return v;
    if (args.length === 2) {
      vm.incref(args[1]);
      return args[1];
    }
    throw new PyRaise(vm.newException('KeyError', null, [args[0]]));
  });
  m('dict', 'popitem', (self) => {
    const d = self as PyDict;
    const last = [...d.map.values()].pop();
    if (!last) vm.raise('KeyError', 'popitem(): dictionary is empty');
    const key = last!.key;
    vm.incref(key);
    const v = vm.dictPop(d, key)!;
    return vm.newTuple([key, v]);
  });
  m('dict', 'keys', (self) => view(vm, self as PyDict, 'keys'));
  m('dict', 'values', (self) => view(vm, self as PyDict, 'values'));
  m('dict', 'items', (self) => view(vm, self as PyDict, 'items'));
  m('dict', 'update', (self, args, kwargs) => {
    arity(vm, 'update', args, 0, 1);
    if (args.length) vm.dictUpdateFrom(self as PyDict, args[0]);
    if (kwargs) for (const [k, v] of kwargs) {
      const key = vm.newStr(k);
      vm.dictSet(self as PyDict, key, v);
      vm.decref(key);
    }
    return vm.none();
  });
  m('dict', 'copy', (self) => {
    const d = vm.newDict();
    vm.dictUpdateFrom(d, self);
    return d;
  });
  m('dict', 'clear', (self) => {
    vm.dictClear(self as PyDict);
    return vm.none();
  });
  vm.T.dict.dict.set('fromkeys', vm.builtin('fromkeys', (args) => {
    const [_cls, it, val] = args.length === 3 ? args : [null, args[0], args[1]];
    const d = vm.newDict();
    const keys = vm.iterToArray(it!);
    for (const k of keys) {
      vm.dictSet(d, k, val ?? vm.None);
      vm.decref(k);
    }
    return d;
  }));

  // ---------------------------------------------------------------- set
  m('set', 'add', (self, args) => {
    arity(vm, 'add', args, 1, 1);
    vm.setAdd(self as PySet, args[0]);
    return vm.none();
  });
  m('set', 'discard', (self, args) => {
    arity(vm, 'discard', args, 1, 1);
    vm.setDiscard(self as PySet, args[0]);
    return vm.none();
  });
  m('set', 'remove', (self, args) => {
    arity(vm, 'remove', args, 1, 1);
    if (!vm.setDiscard(self as PySet, args[0])) throw new PyRaise(vm.newException('KeyError', null, [args[0]]));
    return vm.none();
  });
  m('set', 'pop', (self) => {
    const s = self as PySet;
    const first = vm.setOrder(s)[0];
    if (!first) vm.raise('KeyError', 'pop from an empty set');
    vm.incref(first);
    vm.setDiscard(s, first);
    return first;
  });
  m('set', 'clear', (self) => {
    vm.setClear(self as PySet);
    return vm.none();
  });
  m('set', 'update', (self, args) => {
    for (const a of args) for (const x of vm.iterToArray(a)) {
      vm.setAdd(self as PySet, x);
      vm.decref(x);
    }
    return vm.none();
  });
  for (const t of ['set', 'frozenset']) {
    const s2 = (a: PyObject): PySet => {
      if (a instanceof PySet) {
        vm.incref(a);
        return a;
      }
      const s = vm.newSet(true);
      for (const x of vm.iterToArray(a)) {
        vm.setAdd(s, x);
        vm.decref(x);
      }
      return s;
    };
    const binop = (name: string, op: '|' | '&' | '-' | '^'): void =>
      m(t, name, (self, args) => {
        let acc: PyObject = self;
        vm.incref(acc);
        for (const a of args) {
          const other = s2(a);
          const r = vm.nativeBinary(acc, other, op)!;
          vm.decref(other);
          vm.decref(acc);
          acc = r;
        }
        if (!args.length) {
          vm.decref(acc);
          const c = vm.newSet((self as PySet).frozen);
          for (const x of vm.setOrder(self as PySet)) vm.setAdd(c, x);
          return c;
        }
        return acc;
      });
    binop('union', '|');
    binop('intersection', '&');
    binop('difference', '-');
    binop('symmetric_difference', '^');
    m(t, 'copy', (self) => {
      const c = vm.newSet((self as PySet).frozen);
      for (const x of vm.setOrder(self as PySet)) vm.setAdd(c, x);
      return c;
    });
    const rel = (name: string, test: (a: PySet, b: PySet) => boolean): void =>
      m(t, name, (self, args) => {
        arity(vm, name, args, 1, 1);
        const o = s2(args[0]);
        const r = test(self as PySet, o);
        vm.decref(o);
        return vm.newBool(r);
      });
    rel('issubset', (a, b) => [...a.map.keys()].every((k) => b.map.has(k)));
    rel('issuperset', (a, b) => [...b.map.keys()].every((k) => a.map.has(k)));
    rel('isdisjoint', (a, b) => [...a.map.keys()].every((k) => !b.map.has(k)));
  }
  void PyInt;
  void PyNone;
  void PyStr;
}

function bounds(vm: Interpreter, n: number, a?: PyObject, b?: PyObject): [number, number] {
  let start = a ? vm.asIndex(a) : 0;
  let stop = b ? vm.asIndex(b) : n;
  if (start < 0) start = Math.max(0, start + n);
  if (stop < 0) stop = Math.max(0, stop + n);
  return [start, Math.min(stop, n)];
}

function view(vm: Interpreter, d: PyDict, kind: 'keys' | 'values' | 'items'): PyObject {
  const v = vm.track(new PyDictView(vm.T[`dict_${kind}`], d, kind), 40, true);
  vm.increfBy(d, [v, 'mapping']);
  return v;
}

/** iteration over a dict view: a snapshot iterator */
export function viewIter(vm: Interpreter, v: PyDictView): PyObject {
  const entries = [...v.dict.map.values()];
  const size = v.dict.map.size;
  let i = 0;
  vm.incref(v.dict);
  return nativeIter(vm, 'dict_keyiterator', [v.dict], () => {
    if (v.dict.map.size !== size) vm.raise('RuntimeError', 'dictionary changed size during iteration');
    if (i >= entries.length) return null;
    const e = entries[i++];
    if (v.kind === 'keys') {
      vm.incref(e.key);
      return e.key;
    }
    if (v.kind === 'values') {
      vm.incref(e.value);
      return e.value;
    }
    vm.incref(e.key);
    vm.incref(e.value);
    return vm.newTuple([e.key, e.value]);
  });
}
