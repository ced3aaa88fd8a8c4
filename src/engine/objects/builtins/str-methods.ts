// Methods of str, int, float, object, type, generators and exceptions. The text semantics come from
// objects/text (pure functions checked against CPython); this file adapts them to objects.
import * as I from '../intmath';
import { PyException, PyFloat, PyGenerator, PyInt, PyList, PyNone, PyObject, PyStr, PyTuple, PyType, PyInstance } from '../model';
import * as X from '../text';
import { preHeaderBytes } from '../slots';
import type { Interpreter } from '../../vm/machine';
import { PyRaise } from '../../vm/errors';
import { arity } from './args';

export function installStrMethods(vm: Interpreter): void {
  const T = vm.T;
  const m = (t: string, name: string, fn: (self: PyObject, args: PyObject[], kwargs: Map<string, PyObject> | null) => PyObject): void =>
    vm.method(T[t], name, (args, kwargs, self) => fn(self!, args, kwargs));
  const s = (o: PyObject): string => (o as PyStr).s;
  const strArg = (o: PyObject | undefined, what: string): string | undefined => {
    if (o === undefined || o instanceof PyNone) return undefined;
    if (!(o instanceof PyStr)) vm.typeError(`${what} arg must be None or str`);
    return (o as PyStr).s;
  };
  const optInt = (o: PyObject | undefined): number | undefined => (o === undefined || o instanceof PyNone ? undefined : vm.asIndex(o));
  const check = <V>(r: V | X.PyError): V => {
    if (X.isPyError(r)) vm.throwText(r);
    return r as V;
  };
  const strList = (items: string[]): PyObject => {
    const objs = items.map((x) => vm.newStr(x));
    const l = vm.newList(objs);
    if (vm.rec.enabled) objs.forEach((x, i) => vm.moveTo(x, [l, `[${i}]`]));
    return l;
  };
  const unary = (name: string, f: (x: string) => string): void => m('str', name, (self) => vm.newStr(f(s(self))));
  const pred = (name: string, f: (x: string) => boolean): void => m('str', name, (self) => vm.newBool(f(s(self))));

  unary('upper', X.pyUpper);
  unary('lower', X.pyLower);
  unary('title', X.pyTitle);
  unary('capitalize', X.pyCapitalize);
  unary('swapcase', X.pySwapcase);
  unary('casefold', X.pyCasefold);
  pred('isdigit', X.pyIsDigit);
  pred('isalpha', X.pyIsAlpha);
  pred('isalnum', X.pyIsAlnum);
  pred('isspace', X.pyIsSpace);
  pred('isnumeric', X.pyIsNumeric);
  pred('isdecimal', X.pyIsDecimal);
  pred('isascii', X.pyIsAscii);
  pred('isprintable', X.pyIsPrintable);
  pred('isupper', X.pyIsUpper);
  pred('islower', X.pyIsLower);
  pred('istitle', X.pyIsTitle);
  pred('isidentifier', X.pyIsIdentifier);
  m('str', 'strip', (self, a) => vm.newStr(X.pyStrip(s(self), strArg(a[0], 'strip'))));
  m('str', 'lstrip', (self, a) => vm.newStr(X.pyLstrip(s(self), strArg(a[0], 'lstrip'))));
  m('str', 'rstrip', (self, a) => vm.newStr(X.pyRstrip(s(self), strArg(a[0], 'rstrip'))));
  m('str', 'split', (self, a, k) => strList(check(X.pySplit(s(self), strArg(a[0] ?? k?.get('sep'), 'split'), optInt(a[1] ?? k?.get('maxsplit')) ?? -1))));
  m('str', 'rsplit', (self, a, k) => strList(check(X.pyRsplit(s(self), strArg(a[0] ?? k?.get('sep'), 'rsplit'), optInt(a[1] ?? k?.get('maxsplit')) ?? -1))));
  m('str', 'splitlines', (self, a, k) => strList(X.pySplitlines(s(self), vm.truthy(a[0] ?? k?.get('keepends') ?? vm.False))));
  m('str', 'join', (self, a) => {
    arity(vm, 'join', a, 1, 1);
    const items = vm.iterToArray(a[0]);
    try {
      const parts = items.map((x, i) => {
        if (!(x instanceof PyStr)) vm.typeError(`sequence item ${i}: expected str instance, ${vm.typeName(x)} found`);
        return (x as PyStr).s;
      });
      return vm.newStr(parts.join(s(self)));
    } finally {
      for (const x of items) vm.decref(x);
    }
  });
  m('str', 'replace', (self, a) => {
    arity(vm, 'replace', a, 2, 3);
    return vm.newStr(X.pyReplace(s(self), s(a[0]), s(a[1]), optInt(a[2]) ?? -1));
  });
  const search = (name: string, f: (x: string, sub: string, start?: number, end?: number) => number | X.PyError): void =>
    m('str', name, (self, a) => {
      arity(vm, name, a, 1, 3);
      if (!(a[0] instanceof PyStr)) vm.typeError(`must be str, not ${vm.typeName(a[0])}`);
      return vm.newInt(check(f(s(self), s(a[0]), optInt(a[1]), optInt(a[2]))));
    });
  search('find', X.pyFind);
  search('rfind', X.pyRfind);
  search('index', X.pyIndex);
  search('rindex', X.pyRindex);
  search('count', X.pyCount);
  const affix = (name: string, f: (x: string, p: string | readonly string[], start?: number, end?: number) => boolean): void =>
    m('str', name, (self, a) => {
      arity(vm, name, a, 1, 3);
      const p = a[0] instanceof PyTuple ? a[0].items.map((x) => s(x)) : s(a[0]);
      return vm.newBool(f(s(self), p, optInt(a[1]), optInt(a[2])));
    });
  affix('startswith', X.pyStartswith);
  affix('endswith', X.pyEndswith);
  m('str', 'partition', (self, a) => vm.newTuple(check(X.pyPartition(s(self), s(a[0]))).map((x) => vm.newStr(x))));
  m('str', 'rpartition', (self, a) => vm.newTuple(check(X.pyRpartition(s(self), s(a[0]))).map((x) => vm.newStr(x))));
  m('str', 'center', (self, a) => vm.newStr(check(X.pyCenter(s(self), vm.asIndex(a[0]), a[1] ? s(a[1]) : ' '))));
  m('str', 'ljust', (self, a) => vm.newStr(check(X.pyLjust(s(self), vm.asIndex(a[0]), a[1] ? s(a[1]) : ' '))));
  m('str', 'rjust', (self, a) => vm.newStr(check(X.pyRjust(s(self), vm.asIndex(a[0]), a[1] ? s(a[1]) : ' '))));
  m('str', 'zfill', (self, a) => vm.newStr(X.pyZfill(s(self), vm.asIndex(a[0]))));
  m('str', 'expandtabs', (self, a) => vm.newStr(X.pyExpandtabs(s(self), a[0] ? vm.asIndex(a[0]) : 8)));
  m('str', 'removeprefix', (self, a) => vm.newStr(X.pyRemoveprefix(s(self), s(a[0]))));
  m('str', 'removesuffix', (self, a) => vm.newStr(X.pyRemovesuffix(s(self), s(a[0]))));
  m('str', 'encode', () => vm.stopHere('`bytes` objects'));
  m('str', 'format', (self, a, k) => vm.newStr(strFormat(vm, s(self), a, k)));
  m('str', '__format__', (self, a) => vm.newStr(vm.format(self, s(a[0]))));

  // ---------------------------------------------------------------- int / float
  m('int', 'bit_length', (self) => vm.newInt(I.bitLength(vm.intValue(self as PyInt))));
  m('int', 'bit_count', (self) => vm.newInt([...I.big(vm.intValue(self as PyInt)).toString(2)].filter((c) => c === '1').length));
  m('int', 'conjugate', (self) => vm.newInt(vm.intValue(self as PyInt)));
  m('int', 'is_integer', (self) => vm.newBool(!!self));
  m('int', '__index__', (self) => vm.newInt(vm.intValue(self as PyInt)));
  m('float', 'is_integer', (self) => vm.newBool(Number.isInteger((self as PyFloat).v)));
  m('float', 'as_integer_ratio', (self) => {
    const x = (self as PyFloat).v;
    if (!Number.isFinite(x)) vm.raise(Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert NaN to integer ratio' : 'cannot convert Infinity to integer ratio');
    let den = 1n;
    let v = x;
    while (!Number.isInteger(v)) {
      v *= 2;
      den *= 2n;
    }
    return vm.newTuple([vm.newInt(I.norm(BigInt(v))), vm.newInt(I.norm(den))]);
  });

  // ---------------------------------------------------------------- object / type
  m('object', '__init__', () => vm.none());
  m('object', '__repr__', (self) => vm.newStr(vm.nativeRepr(self)));
  m('object', '__str__', (self) => vm.newStr(vm.str(self)));
  m('object', '__eq__', (self, a) => {
    if (self === a[0]) return vm.newBool(true);
    vm.incref(vm.NotImplemented);
    return vm.NotImplemented;
  });
  m('object', '__ne__', (self, a) => vm.newBool(self !== a[0]));
  m('object', '__hash__', (self) => vm.newInt(Math.floor(self.id / 16)));
  m('object', '__setattr__', (self, a) => {
    vm.instanceSet(self as PyInstance, s(a[0]), a[1]);
    return vm.none();
  });
  m('object', '__getattribute__', (self, a) => vm.getattr(self, s(a[0])));
  // a static method in CPython: reached through a class (`A.__new__(A)`) the class may arrive as self
  m('object', '__new__', (self, a) => {
    const cls = a.length > 0 ? a[0] : self;
    if (cls === undefined) return vm.typeError('object.__new__(): not enough arguments');
    if (!(cls instanceof PyType)) return vm.typeError(`object.__new__(X): X is not a type object (${vm.typeName(cls)})`);
    return vm.newInstance(cls);
  });
  // object.__sizeof__: what sys.getsizeof counts without the GC header and the pre-header
  m('object', '__sizeof__', (self) => vm.newInt(vm.sizeof(self) - (self.gcType || self.type.gcInstances ? 16 : 0) - preHeaderBytes(vm.profile, self)));
  m('object', '__dir__', (self) => strList(self instanceof PyInstance ? vm.attrNames(self) : []));
  // tp_subclasses: the live classes that name this one as a base, in the order they were made
  m('type', '__subclasses__', (self) => {
    // a builtin type's subclasses include the interpreter's own classes, which are not simulated
    if (!(self as PyType).isHeap) vm.stopHere('`__subclasses__()` of a builtin type');
    const subs: PyObject[] = [];
    for (const o of vm.heap) if (o instanceof PyType && o.bases.includes(self as PyType)) subs.push((vm.incref(o), o));
    return vm.newList(subs);
  });
  m('type', 'mro', (self) => {
    const items = (self as PyType).mro.map((t) => (vm.incref(t), t));
    const l = vm.newList(items);
    return l;
  });

  // ---------------------------------------------------------------- generators, exceptions
  m('generator', 'send', (self, a) => {
    arity(vm, 'send', a, 1, 1);
    const g = self as PyGenerator;
    const r = vm.resumeGenerator(g, a[0]);
    if (r) return r;
    const rv = g.returnValue;
    g.returnValue = null;
    const e = vm.newException('StopIteration', null, rv ? [rv] : []);
    if (rv) vm.decref(rv);
    throw new PyRaise(e);
  });
  m('generator', 'close', (self) => {
    const g = self as PyGenerator;
    if (g.frame && !g.finished) {
      g.finished = true;
      vm.releaseGenerator(g);
    }
    return vm.none();
  });
  m('generator', '__next__', (self) => {
    const v = vm.next(self);
    if (v) return v;
    return vm.raise('StopIteration');
  });
  m('generator', '__iter__', (self) => {
    vm.incref(self);
    return self;
  });
  m('BaseException', 'with_traceback', (self) => {
    vm.incref(self);
    return self;
  });
  m('BaseException', '__str__', (self) => vm.newStr(vm.exceptionStr(self as PyException)));
  // BaseException_init: args becomes the call's arguments (super().__init__(msg) in a subclass)
  m('BaseException', '__init__', (self, a) => {
    const e = self as PyException;
    for (const x of a) vm.incref(x);
    const t = vm.newTuple(a);
    vm.moveTo(t, [e, 'args']);
    const old = e.args;
    e.args = t;
    if (old) vm.decrefBy(old, [e, 'args']);
    return vm.none();
  });
  void PyList;
}

/** str.format: {} / {0} / {name} fields with conversions and format specs */
function strFormat(vm: Interpreter, fmt: string, args: PyObject[], kwargs: Map<string, PyObject> | null): string {
  let out = '';
  let auto = 0;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        j++;
      }
      if (depth) vm.raise('ValueError', "Single '{' encountered in format string");
      const field = fmt.slice(i + 1, j - 1);
      i = j;
      const m = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(field)!;
      const [, name, conv, rawSpec] = m;
      const spec = rawSpec ? strFormat(vm, rawSpec, args, kwargs) : '';
      const [first, ...rest] = name.split(/(?=[.[])/);
      let obj: PyObject;
      if (first === '') {
        if (auto < 0) vm.raise('ValueError', 'cannot switch from manual field specification to automatic field numbering');
        obj = args[auto++] ?? vm.raise('IndexError', `Replacement index ${auto - 1} out of range for positional args tuple`);
      } else if (/^\d+$/.test(first)) {
        if (auto > 0) vm.raise('ValueError', 'cannot switch from automatic field numbering to manual field specification');
        auto = -1;
        obj = args[Number(first)] ?? vm.raise('IndexError', `Replacement index ${first} out of range for positional args tuple`);
      } else {
        obj = kwargs?.get(first) ?? vm.raise('KeyError', `'${first}'`);
      }
      vm.incref(obj);
      for (const part of rest) {
        let next: PyObject;
        if (part.startsWith('.')) next = vm.getattr(obj, part.slice(1));
        else {
          const key = part.slice(1, -1);
          const k = /^\d+$/.test(key) ? vm.newInt(Number(key)) : vm.newStr(key);
          next = vm.getitem(obj, k);
          vm.decref(k);
        }
        vm.decref(obj);
        obj = next;
      }
      try {
        const converted = conv === 'r' ? vm.newStr(vm.repr(obj)) : conv === 's' ? vm.newStr(vm.str(obj)) : conv === 'a' ? vm.newStr(X.strAscii(vm.repr(obj))) : null;
        out += vm.format(converted ?? obj, spec);
        if (converted) vm.decref(converted);
      } finally {
        vm.decref(obj);
      }
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      vm.raise('ValueError', "Single '}' encountered in format string");
    }
    out += c;
    i++;
  }
  return out;
}
