// The builtin functions a program reaches for (bltinmodule.c): print, len, id, isinstance, sorted,
// min/max, sum, zip, enumerate, reversed, iter/next, getattr & co, abs, round, divmod, hash, ...
import * as I from '../intmath';
import {
  PyBool, PyDict, PyFloat, PyInstance, PyInt, PyList, PyNativeIter, PyNone, PyObject, PyStr, PyTuple, PyType,
  PyFunction, PyBuiltin, PyMethod, PyMethodDescr, PySeqIter,
} from '../model';
import { chr as chrCp, codePoints, floatRepr, hasSurrogates, ord as ordCp, pyBin, pyHex, pyOct } from '../text';
import type { Interpreter } from '../../vm/machine';
import { PyRaise } from '../../vm/errors';
import { arity, kw, noKwargs } from './args';

export function installFunctions(vm: Interpreter): void {
  const def = (name: string, fn: (args: PyObject[], kwargs: Map<string, PyObject> | null) => PyObject): void => vm.setBuiltin(name, vm.builtin(name, fn));

  def('print', (args, kwargs) => {
    const k = kw(vm, 'print', kwargs, ['sep', 'end', 'file', 'flush']);
    const sep = k.sep && !(k.sep instanceof PyNone) ? vm.str(k.sep) : ' ';
    const end = k.end && !(k.end instanceof PyNone) ? vm.str(k.end) : '\n';
    const text = args.map((a) => vm.str(a)).join(sep) + end;
    if (k.file && !(k.file instanceof PyNone) && k.file === vm.stderrObj) vm.stderrWrite(text);
    else vm.write(text);
    return vm.none();
  });
  def('len', (args, kwargs) => {
    noKwargs(vm, 'len', kwargs);
    arity(vm, 'len', args, 1, 1);
    return vm.newInt(vm.len(args[0]));
  });
  def('id', (args) => {
    arity(vm, 'id', args, 1, 1);
    return vm.newInt(args[0].id);
  });
  def('repr', (args) => {
    arity(vm, 'repr', args, 1, 1);
    return vm.newStr(vm.repr(args[0]));
  });
  def('ascii', (args) => {
    arity(vm, 'ascii', args, 1, 1);
    return vm.newStr(vm.repr(args[0]).replace(/[^\x00-\x7f]/gu, (c) => {
      const cp = c.codePointAt(0)!;
      return cp < 256 ? '\\x' + cp.toString(16).padStart(2, '0') : cp < 65536 ? '\\u' + cp.toString(16).padStart(4, '0') : '\\U' + cp.toString(16).padStart(8, '0');
    }));
  });
  def('isinstance', (args) => {
    arity(vm, 'isinstance', args, 2, 2);
    return vm.newBool(classCheck(vm, args[1], (t) => vm.isInstance(args[0], t), 'isinstance() arg 2 must be a type, a tuple of types, or a union'));
  });
  def('issubclass', (args) => {
    arity(vm, 'issubclass', args, 2, 2);
    if (!(args[0] instanceof PyType)) vm.typeError('issubclass() arg 1 must be a class');
    return vm.newBool(classCheck(vm, args[1], (t) => vm.isSubtype(args[0] as PyType, t), 'issubclass() arg 2 must be a class, a tuple of classes, or a union'));
  });
  def('callable', (args) => {
    arity(vm, 'callable', args, 1, 1);
    const o = args[0];
    return vm.newBool(o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyMethod || o instanceof PyType || o instanceof PyMethodDescr || (o instanceof PyInstance && !!vm.lookupType(o.type, '__call__')));
  });
  def('hash', (args) => {
    arity(vm, 'hash', args, 1, 1);
    const o = args[0];
    if (o instanceof PyInt) return vm.newInt(hashInt(vm.intValue(o)));
    if (o instanceof PyInstance && vm.hasUserMethod(o.type, '__hash__')) return vm.callMethodOf(o, '__hash__', []);
    vm.hashKey(o); // raises for unhashable
    if (o instanceof PyStr || o instanceof PyFloat || o instanceof PyTuple) {
      if (o instanceof PyFloat && Number.isInteger(o.v)) return vm.newInt(hashInt(I.norm(BigInt(o.v))));
      // str/tuple hashes are randomized per process in CPython: any stable value will do
      let h = 0;
      for (const ch of vm.hashKey(o)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
      return vm.newInt(h === -1 ? -2 : h);
    }
    return vm.newInt(Math.floor(o.id / 16));
  });
  def('abs', (args) => {
    arity(vm, 'abs', args, 1, 1);
    const o = args[0];
    if (o instanceof PyInt) {
      const v = vm.intValue(o);
      return vm.newInt(I.cmp(v, 0) < 0 ? I.neg(v) : v);
    }
    if (o instanceof PyFloat) return vm.newFloat(Math.abs(o.v));
    if (o instanceof PyInstance && vm.hasUserMethod(o.type, '__abs__')) return vm.callMethodOf(o, '__abs__', []);
    return vm.typeError(`bad operand type for abs(): '${vm.typeName(o)}'`);
  });
  def('round', (args, kwargs) => {
    const k = kw(vm, 'round', kwargs, ['ndigits']);
    arity(vm, 'round', args, 1, 2);
    const o = args[0];
    const nd = args[1] ?? k.ndigits;
    if (o instanceof PyInt) {
      if (!nd || nd instanceof PyNone) return vm.newInt(vm.intValue(o));
      const n = vm.asIndex(nd);
      if (n >= 0) return vm.newInt(vm.intValue(o));
      const p = I.pow(10, -n);
      const v = vm.intValue(o);
      const q = I.floordiv(v, p);
      const r = I.sub(v, I.mul(q, p));
      const twice = I.mul(r, 2);
      let qq = q;
      const c = I.cmp(twice, p);
      if (c > 0 || (c === 0 && I.cmp(I.mod(q, 2), 1) === 0)) qq = I.add(q, 1);
      return vm.newInt(I.mul(qq, p));
    }
    if (o instanceof PyFloat) {
      if (!nd || nd instanceof PyNone) {
        if (!Number.isFinite(o.v)) vm.raise(Number.isNaN(o.v) ? 'ValueError' : 'OverflowError', Number.isNaN(o.v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
        return vm.newInt(roundHalfEven(o.v));
      }
      const n = vm.asIndex(nd);
      return vm.newFloat(roundFloat(o.v, n));
    }
    if (o instanceof PyInstance && vm.hasUserMethod(o.type, '__round__')) return vm.callMethodOf(o, '__round__', nd ? [nd] : []);
    return vm.typeError(`type ${vm.typeName(o)} doesn't define __round__ method`);
  });
  def('divmod', (args) => {
    arity(vm, 'divmod', args, 2, 2);
    const q = vm.binaryOp(args[0], args[1], '//');
    const r = vm.binaryOp(args[0], args[1], '%');
    return vm.newTuple([q, r]);
  });
  def('pow', (args) => {
    arity(vm, 'pow', args, 2, 3);
    if (args.length === 3) {
      const [b, e, m] = args.map((a) => I.big(vm.intValue(a as PyInt)));
      if (m === 0n) vm.raise('ValueError', 'pow() 3rd argument cannot be 0');
      let r = 1n;
      let base = ((b % m) + m) % m;
      let ex = e;
      if (ex < 0n) {
        // modular inverse (3.8+)
        let [g, x0, x1, a0, a1] = [m, 0n, 1n, m, base];
        while (a1 !== 0n) {
          const q = a0 / a1;
          [a0, a1] = [a1, a0 - q * a1];
          [x0, x1] = [x1, x0 - q * x1];
        }
        g = a0;
        if (g !== 1n && g !== -1n) vm.raise('ValueError', 'base is not invertible for the given modulus');
        base = ((x0 % m) + m) % m;
        ex = -ex;
      }
      while (ex > 0n) {
        if (ex & 1n) r = (r * base) % m;
        base = (base * base) % m;
        ex >>= 1n;
      }
      return vm.newInt(I.norm(r));
    }
    return vm.binaryOp(args[0], args[1], '**');
  });
  def('min', (args, kwargs) => minmax(vm, 'min', args, kwargs, -1));
  def('max', (args, kwargs) => minmax(vm, 'max', args, kwargs, 1));
  def('sum', (args, kwargs) => {
    const k = kw(vm, 'sum', kwargs, ['start']);
    arity(vm, 'sum', args, 1, 2);
    let acc = args[1] ?? k.start ?? null;
    if (acc) {
      if (acc instanceof PyStr) vm.typeError("sum() can't sum strings [use ''.join(seq) instead]");
      vm.incref(acc);
    } else acc = vm.newInt(0);
    const it = vm.iter(args[0]);
    // 3.12+: floats are added with Neumaier's compensated summation
    let comp = 0;
    let fsum: number | null = null;
    try {
      for (;;) {
        const v = vm.next(it);
        if (!v) break;
        if (vm.profile.version >= '3.12' && v instanceof PyFloat && (acc instanceof PyFloat || (acc instanceof PyInt && fsum === null && !(acc instanceof PyBool)))) {
          const x = v.v;
          const s0: number = fsum ?? (acc instanceof PyFloat ? acc.v : I.toFloat((acc as PyInt).v));
          const t: number = s0 + x;
          if (Number.isFinite(t)) comp += Math.abs(s0) >= Math.abs(x) ? s0 - t + x : x - t + s0;
          fsum = t;
          vm.decref(v);
          continue;
        }
        if (fsum !== null) {
          vm.decref(acc);
          acc = vm.newFloat(comp && Number.isFinite(comp) ? fsum + comp : fsum);
          fsum = null;
          comp = 0;
        }
        let r: PyObject;
        try {
          r = vm.binaryOp(acc, v, '+');
        } finally {
          vm.decref(v);
        }
        vm.decref(acc);
        acc = r;
      }
    } catch (e) {
      vm.decref(acc);
      throw e;
    } finally {
      vm.decref(it);
    }
    if (fsum !== null) {
      vm.decref(acc);
      acc = vm.newFloat(comp && Number.isFinite(comp) ? fsum + comp : fsum);
    }
    return acc;
  });
  def('any', (args) => {
    arity(vm, 'any', args, 1, 1);
    return vm.newBool(scan(vm, args[0], true));
  });
  def('all', (args) => {
    arity(vm, 'all', args, 1, 1);
    return vm.newBool(!scan(vm, args[0], false));
  });
  def('sorted', (args, kwargs) => {
    const k = kw(vm, 'sorted', kwargs, ['key', 'reverse']);
    arity(vm, 'sorted', args, 1, 1);
    const items = vm.iterToArray(args[0]);
    const l = vm.newList([]);
    vm.listExtendFrom(l, args[0], items, true);
    try {
      vm.listSort(l, k.key ?? null, k.reverse ? vm.truthy(k.reverse) : false);
    } catch (e) {
      vm.decref(l);
      throw e;
    }
    return l;
  });
  def('iter', (args) => {
    arity(vm, 'iter', args, 1, 2);
    if (args.length === 2) vm.typeError('iter(callable, sentinel) is not simulated');
    return vm.iter(args[0]);
  });
  def('next', (args) => {
    arity(vm, 'next', args, 1, 2);
    if (!vm.isIterator(args[0])) vm.typeError(`'${vm.typeName(args[0])}' object is not an iterator`);
    const v = vm.next(args[0]);
    if (v) return v;
    if (args.length === 2) {
      vm.incref(args[1]);
      return args[1];
    }
    const it = args[0] as { returnValue?: PyObject | null };
    if (it.returnValue) {
      const rv = it.returnValue;
      it.returnValue = null;
      const e = vm.newException('StopIteration', null, [rv]);
      vm.decref(rv);
      throw new PyRaise(e);
    }
    return vm.raise('StopIteration');
  });
  def('getattr', (args) => {
    arity(vm, 'getattr', args, 2, 3);
    const name = attrName(vm, args[1], 'getattr');
    if (args.length === 3) {
      const v = vm.getattrOrNull(args[0], name);
      if (v) return v;
      vm.incref(args[2]);
      return args[2];
    }
    return vm.getattr(args[0], name);
  });
  def('setattr', (args) => {
    arity(vm, 'setattr', args, 3, 3);
    vm.setattr(args[0], attrName(vm, args[1], 'setattr'), args[2]);
    return vm.none();
  });
  def('delattr', (args) => {
    arity(vm, 'delattr', args, 2, 2);
    vm.delattr(args[0], attrName(vm, args[1], 'delattr'));
    return vm.none();
  });
  def('hasattr', (args) => {
    arity(vm, 'hasattr', args, 2, 2);
    const name = attrName(vm, args[1], 'hasattr');
    try {
      const v = vm.getattrOrNull(args[0], name);
      if (v) vm.decref(v);
      return vm.newBool(!!v);
    } catch (e) {
      if (vm.isExc(e, 'AttributeError')) {
        vm.clearRaise(e);
        return vm.newBool(false);
      }
      throw e;
    }
  });
  def('ord', (args) => {
    arity(vm, 'ord', args, 1, 1);
    const s = args[0];
    if (!(s instanceof PyStr)) return vm.typeError(`ord() expected string of length 1, but ${vm.typeName(s)} found`);
    const cps = codePoints(s.s);
    if (cps.length !== 1) vm.typeError(`ord() expected a character, but string of length ${cps.length} found`);
    return vm.newInt(ordCp(cps[0]));
  });
  def('chr', (args) => {
    arity(vm, 'chr', args, 1, 1);
    const n = vm.asIndex(args[0]);
    if (n < 0 || n > 0x10ffff) vm.raise('ValueError', 'chr() arg not in range(0x110000)');
    return vm.newStr(chrCp(n));
  });
  def('hex', (args) => vm.newStr(pyHex(I.big(vm.intValue(intArg(vm, args[0]))))));
  def('oct', (args) => vm.newStr(pyOct(I.big(vm.intValue(intArg(vm, args[0]))))));
  def('bin', (args) => vm.newStr(pyBin(I.big(vm.intValue(intArg(vm, args[0]))))));
  def('format', (args) => {
    arity(vm, 'format', args, 1, 2);
    return vm.newStr(vm.format(args[0], args[1] ? vm.str(args[1]) : ''));
  });
  def('vars', (args) => {
    arity(vm, 'vars', args, 1, 1);
    const d = vm.getattrOrNull(args[0], '__dict__');
    return d ?? vm.typeError('vars() argument must have __dict__ attribute');
  });
  def('globals', () => {
    vm.incref(vm.mainModule.dict);
    return vm.mainModule.dict;
  });
  def('dir', (args) => {
    arity(vm, 'dir', args, 1, 1);
    const o = args[0];
    const names = new Set<string>();
    if (o instanceof PyInstance) vm.attrNames(o).forEach((n) => names.add(n));
    for (const t of o instanceof PyType ? o.mro : o.type.mro) for (const k of t.dict.keys()) names.add(k);
    const items = [...names].sort().map((n) => vm.newStr(n));
    const l = vm.newList(items);
    return l;
  });
  def('enumerate', (args, kwargs) => {
    const k = kw(vm, 'enumerate', kwargs, ['start']);
    arity(vm, 'enumerate', args, 1, 2);
    const start = args[1] ?? k.start;
    let i: I.IntV = start ? vm.intValue(start as PyInt) : 0;
    const it = vm.iter(args[0]);
    const result = vm.newTuple([vm.none(), vm.none()]);
    return nativeIter(vm, 'enumerate', [it, result], () => {
      const v = vm.next(it);
      if (!v) return null;
      const idx = vm.newInt(i);
      i = I.add(i, 1);
      return reuseTuple(vm, result, [idx, v]);
    });
  });
  def('zip', (args, kwargs) => {
    const k = kw(vm, 'zip', kwargs, ['strict']);
    const strict = k.strict ? vm.truthy(k.strict) : false;
    const its = args.map((a) => vm.iter(a));
    const result = vm.newTuple(its.map(() => vm.none()));
    return nativeIter(vm, 'zip', [...its, result], () => {
      if (!its.length) return null;
      const out: PyObject[] = [];
      for (let n = 0; n < its.length; n++) {
        const v = vm.next(its[n]);
        if (!v) {
          for (const x of out) vm.decref(x);
          if (strict && n > 0) vm.raise('ValueError', `zip() argument ${n + 1} is shorter than argument${n > 1 ? 's 1-' + n : ' 1'}`);
          return null;
        }
        out.push(v);
      }
      return reuseTuple(vm, result, out);
    });
  });
  def('map', (args) => {
    if (args.length < 2) vm.typeError('map() must have at least two arguments.');
    const fn = args[0];
    const its = args.slice(1).map((a) => vm.iter(a));
    vm.incref(fn);
    return nativeIter(vm, 'map', [fn, ...its], () => {
      const vals: PyObject[] = [];
      for (const it of its) {
        const v = vm.next(it);
        if (!v) {
          for (const x of vals) vm.decref(x);
          return null;
        }
        vals.push(v);
      }
      try {
        return vm.callObject(fn, vals);
      } finally {
        for (const x of vals) vm.decref(x);
      }
    });
  });
  def('filter', (args) => {
    arity(vm, 'filter', args, 2, 2);
    const fn = args[0];
    const it = vm.iter(args[1]);
    vm.incref(fn);
    return nativeIter(vm, 'filter', [fn, it], () => {
      for (;;) {
        const v = vm.next(it);
        if (!v) return null;
        let keep: boolean;
        if (fn instanceof PyNone) keep = vm.truthy(v);
        else {
          const r = vm.callObject(fn, [v]);
          keep = vm.truthy(r);
          vm.decref(r);
        }
        if (keep) return v;
        vm.decref(v);
      }
    });
  });
  def('reversed', (args) => {
    arity(vm, 'reversed', args, 1, 1);
    const o = args[0];
    if (o instanceof PyInstance && vm.hasUserMethod(o.type, '__reversed__')) return vm.callMethodOf(o, '__reversed__', []);
    let items: PyObject[];
    if (o instanceof PyList || o instanceof PyTuple) {
      const seq = o;
      let i = seq.items.length - 1;
      vm.incref(seq);
      return nativeIter(vm, o instanceof PyList ? 'list_reverseiterator' : 'reversed', [seq], () => {
        if (i < 0 || i >= seq.items.length) return null;
        const v = seq.items[i--];
        vm.incref(v);
        return v;
      });
    }
    if (o instanceof PyDict || o instanceof PyStr || o.type.name === 'range') items = vm.iterToArray(o).reverse();
    else return vm.typeError(`'${vm.typeName(o)}' object is not reversible`);
    let j = 0;
    return nativeIter(vm, 'reversed', items, () => {
      if (j >= items.length) return null;
      const v = items[j++];
      vm.incref(v);
      return v;
    });
  });
  def('input', () => vm.stopHere('`input()` (the simulation has no standard input)'));
  def('open', () => vm.stopHere('`open()` and file objects'));
  def('exit', () => vm.raise('SystemExit'));
  def('quit', () => vm.raise('SystemExit'));
}

function classCheck(vm: Interpreter, spec: PyObject, test: (t: PyType) => boolean, msg: string): boolean {
  if (spec instanceof PyType) return test(spec);
  if (spec instanceof PyTuple) return spec.items.some((s) => classCheck(vm, s, test, msg));
  return vm.typeError(msg);
}

function intArg(vm: Interpreter, o: PyObject | undefined): PyInt {
  if (!(o instanceof PyInt)) return vm.typeError(`'${o ? vm.typeName(o) : 'NoneType'}' object cannot be interpreted as an integer`);
  return o;
}

function attrName(vm: Interpreter, o: PyObject, fn: string): string {
  if (!(o instanceof PyStr)) vm.typeError(`attribute name must be string, not '${vm.typeName(o)}'`);
  void fn;
  return (o as PyStr).s;
}

export function hashInt(v: I.IntV): I.IntV {
  const M = (1n << 61n) - 1n;
  const b = I.big(v);
  let h = (b < 0n ? -b : b) % M;
  if (b < 0n) h = -h;
  if (h === -1n) h = -2n;
  return I.norm(h);
}

function roundHalfEven(x: number): number | bigint {
  const f = Math.floor(x);
  const d = x - f;
  let r = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  if (r === 0) r = 0;
  return Number.isSafeInteger(r) ? r : BigInt(r);
}

function roundFloat(x: number, n: number): number {
  if (!Number.isFinite(x)) return x;
  if (n > 308) return x;
  // CPython rounds the exact decimal value of the double, half-even: use the shortest repr digits via toFixed on exact expansion
  const s = x.toFixed(Math.min(100, Math.max(0, n + 20)));
  const neg = s.startsWith('-');
  const [ip, fp = ''] = (neg ? s.slice(1) : s).split('.');
  if (n >= 0) {
    const keep = fp.slice(0, n);
    const rest = fp.slice(n);
    let digits = BigInt(ip + keep);
    const half = rest[0] === undefined ? -1 : rest[0] > '5' ? 1 : rest[0] < '5' ? -1 : /[1-9]/.test(rest.slice(1)) ? 1 : 0;
    if (half > 0 || (half === 0 && digits % 2n === 1n)) digits += 1n;
    const str = digits.toString().padStart(n + 1, '0');
    const v = parseFloat(str.slice(0, str.length - n) + '.' + str.slice(str.length - n));
    return neg ? -v : v;
  }
  const p = 10 ** -n;
  const q = x / p;
  const r = Math.round(q);
  const adj = Math.abs(q - Math.trunc(q)) === 0.5 ? (Math.trunc(q) % 2 === 0 ? Math.trunc(q) : Math.trunc(q) + Math.sign(q)) : r;
  return adj * p;
}

function scan(vm: Interpreter, o: PyObject, want: boolean): boolean {
  const it = vm.iter(o);
  try {
    for (;;) {
      const v = vm.next(it);
      if (!v) return false;
      const t = vm.truthy(v);
      vm.decref(v);
      if (t === want) return true;
    }
  } finally {
    vm.decref(it);
  }
}

function minmax(vm: Interpreter, name: 'min' | 'max', args: PyObject[], kwargs: Map<string, PyObject> | null, sign: number): PyObject {
  const k = kw(vm, name, kwargs, ['key', 'default']);
  if (!args.length) vm.typeError(`${name} expected at least 1 argument, got 0`);
  const items = args.length === 1 ? vm.iterToArray(args[0]) : args.map((a) => (vm.incref(a), a));
  if (args.length > 1 && k.default) {
    for (const x of items) vm.decref(x);
    vm.typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  try {
    if (!items.length) {
      if (k.default) {
        vm.incref(k.default);
        return k.default;
      }
      return vm.raise('ValueError', `${name}() ${vm.profile.version >= '3.12' ? 'iterable argument is empty' : 'arg is an empty sequence'}`);
    }
    const key = k.key && !(k.key instanceof PyNone) ? k.key : null;
    let best = items[0];
    let bestKey = key ? vm.callObject(key, [best]) : best;
    for (let i = 1; i < items.length; i++) {
      const kv = key ? vm.callObject(key, [items[i]]) : items[i];
      const r = vm.richCompare(kv, bestKey, sign > 0 ? '>' : '<');
      const better = vm.truthy(r);
      vm.decref(r);
      if (better) {
        if (key) vm.decref(bestKey);
        best = items[i];
        bestKey = kv;
      } else if (key) vm.decref(kv);
    }
    if (key) vm.decref(bestKey);
    vm.incref(best);
    return best;
  } finally {
    for (const x of items) vm.decref(x);
  }
}

/** sys.getsizeof of the builtin iterator objects, per version (measured) */
const NATIVE_ITER_SIZES: Record<string, (v: string) => number> = {
  enumerate: (v) => (v === '3.10' ? 64 : 72),
  zip: () => 64,
  map: () => 48,
  filter: () => 48,
  reversed: () => 48,
  list_reverseiterator: () => 48,
};

/**
 * enumerate/zip/dict items reuse their result tuple when nobody else holds it (refcount 1), as CPython
 * does; `items` are owned and move into the tuple. Returns a new reference.
 */
function reuseTuple(vm: Interpreter, result: PyTuple, items: PyObject[]): PyTuple {
  if (result.rc === 1 && result.items.length === items.length) {
    vm.incref(result);
    const old = result.items;
    result.items = items;
    if (vm.rec.enabled) items.forEach((x, i) => vm.moveTo(x, [result, `[${i}]`]));
    for (let k = 0; k < old.length; k++) vm.decrefBy(old[k], [result, `[${k}]`]);
    return result;
  }
  return vm.newTuple(items);
}

/** a native iterator object holding `refs` (owned) and producing values with `next` */
export function nativeIter(vm: Interpreter, typeName: string, refs: PyObject[], next: () => PyObject | null): PyNativeIter {
  let done = false;
  const it = new PyNativeIter(vm.T[typeName] ?? vm.T.iterator, () => {
    if (done) return null;
    const v = next();
    if (!v) done = true;
    return v;
  }, refs);
  vm.track(it, NATIVE_ITER_SIZES[typeName]?.(vm.profile.version) ?? 48, true);
  if (vm.rec.enabled) refs.forEach((r) => vm.moveTo(r, [it, 'iterated']));
  return it;
}

export { PySeqIter, PyBool, PyDict, floatRepr, hasSurrogates };
