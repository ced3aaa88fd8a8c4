// Constructors of the builtin types: int(), float(), str(), bool(), list(), tuple(), dict(), set(),
// frozenset(), range(), slice(), object(), super(), staticmethod(), classmethod(), property(), type(),
// and the exception classes.
import * as I from '../intmath';
import {
  PyBool, PyClassMethod, PyDict, PyException, PyFloat, PyInstance, PyInt, PyList, PyNone, PyObject, PyProperty,
  PyRange, PySet, PySlice, PyStaticMethod, PyStr, PySuper, PyTuple, PyType,
} from '../model';
import { isPyError, parsePyFloat, parsePyInt } from '../text';
import type { Interpreter } from '../../vm/machine';
import { arity, kw } from './args';

type Ctor = (t: PyType, args: PyObject[], kwargs: Map<string, PyObject> | null) => PyObject;

export function installCtors(vm: Interpreter): void {
  const T = vm.T;
  const ctor = (t: PyType, fn: Ctor): void => {
    vm.nativeConstructors.set(t, fn);
  };

  ctor(T.object, (t, args) => {
    if (args.length && t === T.object) vm.typeError('object() takes no arguments');
    return vm.newInstance(t);
  });
  ctor(T.int, (_t, args, kwargs) => {
    const k = kw(vm, 'int', kwargs, ['base']);
    arity(vm, 'int', args, 0, 2);
    const base = args[1] ?? k.base;
    const o = args[0];
    if (!o) return vm.newInt(0);
    if (base) {
      if (!(o instanceof PyStr)) vm.typeError("int() can't convert non-string with explicit base");
      const r = parsePyInt((o as PyStr).s, vm.asIndex(base), { version: vm.profile.version });
      if (isPyError(r)) vm.throwText(r);
      return vm.newInt(I.norm(r as bigint));
    }
    if (o instanceof PyInt) return vm.newInt(vm.intValue(o));
    if (o instanceof PyFloat) {
      if (!Number.isFinite(o.v)) vm.raise(Number.isNaN(o.v) ? 'ValueError' : 'OverflowError', Number.isNaN(o.v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      return vm.newInt(I.norm(BigInt(Math.trunc(o.v))));
    }
    if (o instanceof PyStr) {
      const r = parsePyInt(o.s, 10, { version: vm.profile.version });
      if (isPyError(r)) vm.throwText(r);
      return vm.newInt(I.norm(r as bigint));
    }
    if (o instanceof PyInstance) {
      for (const m of ['__int__', '__index__']) if (vm.hasUserMethod(o.type, m)) return vm.callMethodOf(o, m, []);
    }
    return vm.typeError(`int() argument must be a string, a bytes-like object or a real number, not '${vm.typeName(o)}'`);
  });
  ctor(T.bool, (_t, args) => {
    arity(vm, 'bool', args, 0, 1);
    return vm.newBool(args.length ? vm.truthy(args[0]) : false);
  });
  ctor(T.float, (_t, args) => {
    arity(vm, 'float', args, 0, 1);
    const o = args[0];
    if (!o) return vm.newFloat(0);
    if (o instanceof PyFloat) {
      vm.incref(o);
      return o;
    }
    if (o instanceof PyInt) {
      const v = I.toFloat(vm.intValue(o));
      if (!Number.isFinite(v)) vm.raise('OverflowError', 'int too large to convert to float');
      return vm.newFloat(v);
    }
    if (o instanceof PyStr) {
      const r = parsePyFloat(o.s);
      if (isPyError(r)) vm.throwText(r);
      return vm.newFloat(r as number);
    }
    if (o instanceof PyInstance && vm.hasUserMethod(o.type, '__float__')) return vm.callMethodOf(o, '__float__', []);
    return vm.typeError(`float() argument must be a string or a real number, not '${vm.typeName(o)}'`);
  });
  ctor(T.str, (_t, args) => {
    arity(vm, 'str', args, 0, 1);
    if (!args.length) return vm.newStr('');
    const o = args[0];
    if (o instanceof PyStr && o.type === T.str) {
      vm.incref(o);
      return o;
    }
    return vm.newStr(vm.str(o));
  });
  ctor(T.list, (t, args) => {
    arity(vm, 'list', args, 0, 1);
    const l = vm.newList([]);
    if (t !== T.list) retype(vm, l, t);
    if (args.length) vm.listExtendFrom(l, args[0], vm.iterToArray(args[0]), true);
    return l;
  });
  ctor(T.tuple, (_t, args) => {
    arity(vm, 'tuple', args, 0, 1);
    if (!args.length) return vm.newTuple([]);
    if (args[0] instanceof PyTuple) {
      vm.incref(args[0]);
      return args[0];
    }
    return vm.newTuple(vm.iterToArray(args[0]));
  });
  ctor(T.dict, (t, args, kwargs) => {
    arity(vm, 'dict', args, 0, 1);
    const d = vm.newDict();
    if (t !== T.dict) retype(vm, d, t);
    if (args.length) vm.dictUpdateFrom(d, args[0]);
    if (kwargs) for (const [k, v] of kwargs) {
      const key = vm.newStr(k);
      vm.dictSet(d, key, v);
      vm.decref(key);
    }
    return d;
  });
  const setCtor = (frozen: boolean): Ctor => (_t, args) => {
    arity(vm, frozen ? 'frozenset' : 'set', args, 0, 1);
    const s = vm.newSet(frozen);
    if (args.length) {
      const items = vm.iterToArray(args[0]);
      for (const x of items) {
        vm.setAdd(s, x);
        vm.decref(x);
      }
    }
    return s;
  };
  ctor(T.set, setCtor(false));
  ctor(T.frozenset, setCtor(true));
  ctor(T.range, (_t, args) => {
    arity(vm, 'range', args, 1, 3);
    const n = args.map((a) => {
      if (!(a instanceof PyInt)) vm.typeError(`'${vm.typeName(a)}' object cannot be interpreted as an integer`);
      return Number((a as PyInt).v);
    });
    const [start, stop, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? 1];
    if (step === 0) vm.raise('ValueError', 'range() arg 3 must not be zero');
    return vm.track(new PyRange(T.range, start, stop, step), vm.profile.sizes.range);
  });
  ctor(T.slice, (_t, args) => {
    arity(vm, 'slice', args, 1, 3);
    const [a, b, c] = args.length === 1 ? [vm.None, args[0], vm.None] : [args[0], args[1], args[2] ?? vm.None];
    for (const x of [a, b, c]) vm.incref(x);
    return vm.track(new PySlice(T.slice, a, b, c), vm.profile.sizes.slice);
  });
  ctor(T.staticmethod, (_t, args) => {
    arity(vm, 'staticmethod', args, 1, 1);
    const s = vm.track(new PyStaticMethod(T.staticmethod, args[0]), 56, true);
    vm.increfBy(args[0], [s, '__func__']);
    return s;
  });
  ctor(T.classmethod, (_t, args) => {
    arity(vm, 'classmethod', args, 1, 1);
    const s = vm.track(new PyClassMethod(T.classmethod, args[0]), 56, true);
    vm.increfBy(args[0], [s, '__func__']);
    return s;
  });
  ctor(T.property, (_t, args, kwargs) => {
    const k = kw(vm, 'property', kwargs, ['fget', 'fset', 'fdel', 'doc']);
    const [g, s, d] = [args[0] ?? k.fget, args[1] ?? k.fset, args[2] ?? k.fdel].map((x) => (x && !(x instanceof PyNone) ? x : null));
    const p = vm.track(new PyProperty(T.property, g, s, d), 80, true);
    for (const [x, l] of [[g, 'fget'], [s, 'fset'], [d, 'fdel']] as const) if (x) vm.increfBy(x, [p, l]);
    return p;
  });
  ctor(T.super, (_t, args) => {
    let cls: PyObject;
    let obj: PyObject;
    if (args.length === 0) {
      const f = vm.frame;
      const ci = f ? f.code.freevars.indexOf('__class__') : -1;
      if (!f || ci < 0) vm.raise('RuntimeError', 'super(): __class__ cell not found');
      const cell = f!.cells[f!.code.cellvars.length + ci];
      if (!cell.ref) vm.raise('RuntimeError', 'super(): empty __class__ cell');
      cls = cell.ref!;
      const first = f!.fast[0] ?? (f!.code.cell2arg[0] === 0 ? f!.cells[0].ref : null);
      obj = first ?? vm.raise('RuntimeError', 'super(): no arguments');
    } else [cls, obj] = args;
    if (!(cls instanceof PyType)) vm.typeError('super() argument 1 must be a type');
    const s = vm.track(new PySuper(T.super, cls as PyType, obj), 56, true); // sizeof(superobject) + GC header, 3.10-3.13
    vm.increfBy(cls, [s, '__thisclass__']);
    vm.increfBy(obj, [s, '__self__']);
    return s;
  });
  ctor(T.type, (_t, args) => {
    if (args.length === 1) {
      vm.incref(args[0].type);
      return args[0].type;
    }
    arity(vm, 'type', args, 3, 3);
    const [name, bases, ns] = args;
    if (!(name instanceof PyStr) || !(bases instanceof PyTuple) || !(ns instanceof PyDict)) vm.typeError('type.__new__() argument types');
    return vm.typeObjects.typeCall(() => vm.makeClass((name as PyStr).s, (bases as PyTuple).items, ns as PyDict, (name as PyStr).s, (bases as PyTuple).items.length ? (bases as PyTuple) : null));
  });
  const excCtor: Ctor = (t, args) => {
    const e = vm.instantiateException(t, args);
    if (vm.isSubtype(t, T.StopIteration) && args.length) {
      vm.incref(args[0]);
      e.value = args[0];
    }
    return e;
  };
  for (const t of Object.values(T)) if (t.layout === 'BaseException') ctor(t, excCtor);
  void PyException;
  void PyList;
  void PySet;
  void PyBool;
}

/** a subclass of a builtin container: the object keeps its layout with the subclass as its type */
function retype(vm: Interpreter, o: PyObject, t: PyType): void {
  o.type = t;
  vm.increfBy(t, [o, '__class__']);
}
