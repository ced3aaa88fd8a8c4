// Abstract object protocol (CPython's Objects/abstract.c in small): truth, repr/str, hashing keys,
// equality and ordering, arithmetic with dunder dispatch, exceptions raised by the runtime.
import { floatRepr } from '../objects/text/float-format';
import * as I from '../objects/intmath';
import {
  F_DEAD, PyMemberDescr, PyBool, PyBuiltin, PyCell, PyDict, PyException, PyFloat, PyFunction, PyInstance, PyInt, PyList,
  PyMethod, PyMethodDescr, PyModule, PyNone, PyObject, PyRange, PySet, PySlice, PyStr, PyTuple, PyType,
  PyGenerator, PySeqIter, PyRangeIter, PyNativeIter, PyCell as _Cell, PyWeakRef, PyStaticMethod, PyClassMethod, PyProperty, PyCode,
} from '../objects/model';
import { intToDecimal, strRepr } from '../objects/text';
import { BIN_OPS, type BinOpName } from '../compile/opcodes';
import { PyRaise } from './errors';
import { Factory } from './factory';

const DUNDER: Record<BinOpName, [string, string, string]> = {
  '+': ['__add__', '__radd__', '__iadd__'],
  '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'],
  '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'],
  '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'],
  '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'],
  '|': ['__or__', '__ror__', '__ior__'],
  '^': ['__xor__', '__rxor__', '__ixor__'],
  '&': ['__and__', '__rand__', '__iand__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
};

export abstract class Ops extends Factory {
  /** the script's name as `python3 <filename>` was given it (co_filename, tracebacks) */
  abstract readonly filename: string;
  /** stop the simulation at the current instruction: a construct outside the simulated subset */
  abstract stopHere(construct: string): never;
  // provided by later layers
  abstract callObject(f: PyObject, args: PyObject[], kwargs?: Map<string, PyObject> | null): PyObject;
  abstract getattr(o: PyObject, name: string): PyObject;
  abstract lookupType(t: PyType, name: string): PyObject | null;
  abstract nativeBinary(a: PyObject, b: PyObject, op: BinOpName): PyObject | null;

  // ------------------------------------------------------------ types

  isSubtype(t: PyType, base: PyType): boolean {
    return t === base || t.mro.includes(base);
  }
  isInstance(o: PyObject, t: PyType): boolean {
    return o.type === t || o.type.mro.includes(t);
  }
  typeName(o: PyObject): string {
    return o.type ? o.type.name : 'type';
  }

  // ------------------------------------------------------------ exceptions

  newException(typeName: string | PyType, message?: string | null, args?: PyObject[]): PyException {
    const t = typeof typeName === 'string' ? this.T[typeName] : typeName;
    const argv = args ?? (message === null || message === undefined ? [] : [this.newStr(message)]);
    const e = this.instantiateException(t, argv);
    return e;
  }

  abstract instantiateException(t: PyType, args: PyObject[]): PyException;

  raise(typeName: string, message?: string): never {
    throw new PyRaise(this.newException(typeName, message));
  }

  typeError(message: string): never {
    return this.raise('TypeError', message);
  }

  // ------------------------------------------------------------ truth

  truthy(o: PyObject): boolean {
    if (o instanceof PyBool) return o === this.True;
    if (o instanceof PyNone) return false;
    if (o instanceof PyInt) return o.v !== 0 && o.v !== 0n;
    if (o instanceof PyFloat) return o.v !== 0;
    if (o instanceof PyStr) return o.s.length > 0;
    if (o instanceof PyList || o instanceof PyTuple) return o.items.length > 0;
    if (o instanceof PyDict) return o.map.size > 0;
    if (o instanceof PySet) return o.map.size > 0;
    if (o instanceof PyRange) return rangeLen(o) > 0;
    if (o instanceof PyInstance) {
      const b = this.lookupType(o.type, '__bool__');
      if (b) {
        const r = this.callMethodOf(o, '__bool__', []);
        const v = r === this.True;
        if (!(r instanceof PyBool)) this.typeError(`__bool__ should return bool, returned ${this.typeName(r)}`);
        this.decref(r);
        return v;
      }
      const l = this.lookupType(o.type, '__len__');
      if (l) {
        const r = this.callMethodOf(o, '__len__', []);
        const v = this.truthy(r);
        this.decref(r);
        return v;
      }
    }
    return true;
  }

  /** call a method found on the instance's type with the instance as self */
  callMethodOf(o: PyObject, name: string, args: PyObject[]): PyObject {
    const m = this.getattr(o, name);
    try {
      return this.callObject(m, args);
    } finally {
      this.decref(m);
    }
  }

  // ------------------------------------------------------------ repr / str

  repr(o: PyObject, depth = 0): string {
    if (depth > 200) this.raise('RecursionError', 'maximum recursion depth exceeded while getting the repr of an object');
    if (o instanceof PyStr) return strRepr(o.s);
    if (o instanceof PyBool) return o === this.True ? 'True' : 'False';
    if (o instanceof PyInt) return this.intToStr(o.v);
    if (o instanceof PyFloat) return floatRepr(o.v);
    if (o instanceof PyNone) return 'None';
    if (o === this.Ellipsis) return 'Ellipsis';
    if (o === this.NotImplemented) return 'NotImplemented';
    if (o instanceof PyList) return this.reprGuard(o, '[...]', () => '[' + o.items.map((x) => this.repr(x, depth + 1)).join(', ') + ']');
    if (o instanceof PyTuple && o.fields) return `${o.structName}(${o.fields.map((f, i) => `${f}=${this.repr(o.items[i], depth + 1)}`).join(', ')})`;
    if (o instanceof PyTuple) {
      if (o.items.length === 1) return '(' + this.repr(o.items[0], depth + 1) + ',)';
      return this.reprGuard(o, '(...)', () => '(' + o.items.map((x) => this.repr(x, depth + 1)).join(', ') + ')');
    }
    if (o instanceof PyDict) {
      return this.reprGuard(o, '{...}', () => '{' + [...o.map.values()].map((e) => this.repr(e.key, depth + 1) + ': ' + this.repr(e.value, depth + 1)).join(', ') + '}');
    }
    if (o instanceof PySet) {
      const name = o.frozen ? 'frozenset' : 'set';
      if (o.map.size === 0) return name + '()';
      return this.reprGuard(o, `${name}(...)`, () => {
        const inner = '{' + this.setOrder(o).map((x) => this.repr(x, depth + 1)).join(', ') + '}';
        return o.frozen ? `frozenset(${inner})` : inner;
      });
    }
    if (o instanceof PyInstance) {
      const r = this.lookupType(o.type, '__repr__');
      if (r && !(r instanceof PyMethodDescr && r.owner === this.T.object)) {
        if (r instanceof PyMethodDescr) return this.nativeRepr(o);
        return this.callStringDunder(o, '__repr__');
      }
      return this.nativeRepr(o);
    }
    return this.nativeRepr(o);
  }

  private reprStack = new Set<PyObject>();
  private reprGuard(o: PyObject, recursive: string, f: () => string): string {
    if (this.reprStack.has(o)) return recursive;
    this.reprStack.add(o);
    try {
      return f();
    } finally {
      this.reprStack.delete(o);
    }
  }

  hex(o: PyObject): string {
    return '0x' + o.id.toString(16);
  }

  nativeRepr(o: PyObject): string {
    if (o instanceof PyException) {
      const args = o.args?.items ?? [];
      const inner = args.length === 1 ? this.repr(args[0]) : args.length === 0 ? '' : args.map((a) => this.repr(a)).join(', ');
      return `${o.type.name}(${inner})`;
    }
    if (o instanceof PyType) return `<class '${o.isHeap ? '__main__.' : ''}${o.qualname}'>`;
    if (o instanceof PyFunction) return `<function ${o.qualname} at ${this.hex(o)}>`;
    if (o instanceof PyBuiltin) return o.self && !(o.self instanceof PyModule) ? `<built-in method ${o.name} of ${this.typeName(o.self)} object at ${this.hex(o.self)}>` : `<built-in function ${o.name}>`;
    if (o instanceof PyMethod) return `<bound method ${o.func instanceof PyFunction ? o.func.qualname : '?'} of ${this.repr(o.self)}>`;
    if (o instanceof PyMethodDescr) return `<method '${o.name}' of '${o.owner.name}' objects>`;
    if (o instanceof PyMemberDescr) return `<member '${o.name}' of '${o.owner.name}' objects>`;
    if (o instanceof PyModule) return `<module '${o.name}'${o.name === 'sys' || o.name === 'builtins' ? " (built-in)" : ''}>`;
    if (o instanceof PyRange) return o.step === 1 ? `range(${o.start}, ${o.stop})` : `range(${o.start}, ${o.stop}, ${o.step})`;
    if (o instanceof PySlice) return `slice(${this.repr(o.start)}, ${this.repr(o.stop)}, ${this.repr(o.step)})`;
    if (o instanceof PyCell) return `<cell at ${this.hex(o)}: ${o.ref ? `${this.typeName(o.ref)} object at ${this.hex(o.ref)}` : 'empty'}>`;
    if (o instanceof PyGenerator) return `<generator object ${o.qualname} at ${this.hex(o)}>`;
    if (o instanceof PyWeakRef) return o.target && !(o.target.flags & F_DEAD) ? `<weakref at ${this.hex(o)}; to '${this.typeName(o.target)}' at ${this.hex(o.target)}>` : `<weakref at ${this.hex(o)}; dead>`;
    if (o instanceof PyStaticMethod) return `<staticmethod(${this.repr(o.func)})>`;
    if (o instanceof PyClassMethod) return `<classmethod(${this.repr(o.func)})>`;
    if (o instanceof PyProperty) return `<property object at ${this.hex(o)}>`;
    if (o instanceof PyCode) return `<code object ${o.code.name} at ${this.hex(o)}, file "${this.filename}", line ${o.code.coFirstLineno ?? o.code.firstLine}>`;
    const mod = o.type.isHeap ? '__main__.' : '';
    return `<${mod}${o.type.qualname} object at ${this.hex(o)}>`;
  }

  str(o: PyObject): string {
    if (o instanceof PyStr) return o.s;
    if (o instanceof PyException && !this.hasUserMethod(o.type, '__str__')) return this.exceptionStr(o);
    if (o instanceof PyInstance && this.hasUserMethod(o.type, '__str__')) {
      return this.callStringDunder(o, '__str__');
    }
    return this.repr(o);
  }

  /** the text a user-defined __repr__/__str__ returns; TypeError when it is not a str */
  private callStringDunder(o: PyObject, name: '__repr__' | '__str__'): string {
    const v = this.callMethodOf(o, name, []);
    if (!(v instanceof PyStr)) {
      this.decref(v);
      this.typeError(`${name} returned non-string (type ${this.typeName(v)})`);
    }
    const s = v.s;
    this.decref(v);
    return s;
  }

  exceptionStr(e: PyException): string {
    const args = e.args?.items ?? [];
    if (this.isSubtype(e.type, this.T.KeyError) && args.length === 1) return this.repr(args[0]);
    if (args.length === 0) return '';
    if (args.length === 1) return this.str(args[0]);
    return this.repr(e.args!);
  }

  hasUserMethod(t: PyType, name: string): boolean {
    const m = this.lookupType(t, name);
    return !!m && !(m instanceof PyMethodDescr) && !(m instanceof PyBuiltin);
  }

  intToStr(v: number | bigint): string {
    if (typeof v === 'number') return String(v);
    const r = intToDecimal(v, { version: this.profile.version });
    if (typeof r !== 'string') this.raise(r.error, r.message);
    return r as string;
  }

  /** set iteration order: CPython's table order, simulated for int keys (hash = value) */
  setOrder(s: PySet): PyObject[] {
    const items = [...s.map.values()];
    const size = s.mask + 1;
    if (!items.every((x) => x instanceof PyInt)) return items;
    // linear-probing placement in insertion order gives the slot order CPython iterates in
    const slots: (PyObject | null)[] = new Array(size).fill(null);
    for (const x of items) {
      const h = Number(I.mod((x as PyInt).v, size));
      let i = h;
      let perturb = Number(I.big((x as PyInt).v) < 0n ? -1 : 1) * 0;
      let probes = 0;
      while (slots[i] !== null) {
        probes++;
        if (probes <= 9 && i + 1 < size) i = i + 1;
        else {
          perturb = 0;
          i = (i * 5 + 1 + perturb) % size;
          probes = 0;
        }
      }
      slots[i] = x;
    }
    return slots.filter((x): x is PyObject => x !== null);
  }

  // ------------------------------------------------------------ hashing

  /** A key such that two objects are equal dict keys iff their keys are equal. */
  hashKey(o: PyObject): string {
    if (o instanceof PyStr) return 's' + o.s;
    if (o instanceof PyInt) return 'n' + String(o.v);
    if (o instanceof PyFloat) {
      if (Number.isInteger(o.v)) return 'n' + (Math.abs(o.v) < 2 ** 53 ? String(o.v) : BigInt(o.v).toString());
      return 'f' + String(o.v);
    }
    if (o instanceof PyNone) return 'N';
    if (o instanceof PyTuple) return '(' + o.items.map((x) => this.hashKey(x)).join(',') + ')';
    if (o instanceof PyList || o instanceof PyDict || (o instanceof PySet && !o.frozen)) this.typeError(`unhashable type: '${this.typeName(o)}'`);
    if (o instanceof PySet) return 'fs{' + [...o.map.keys()].sort().join(',') + '}';
    if (o instanceof PyInstance) {
      const h = this.lookupType(o.type, '__hash__');
      if (h instanceof PyNone) this.typeError(`unhashable type: '${this.typeName(o)}'`);
      if (h && !(h instanceof PyMethodDescr)) {
        const r = this.callMethodOf(o, '__hash__', []);
        const k = 'h' + (r instanceof PyInt ? String(r.v) : '?');
        this.decref(r);
        return k;
      }
    }
    return 'o' + o.id;
  }

  // ------------------------------------------------------------ equality and ordering

  eq(a: PyObject, b: PyObject): boolean {
    if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v));
    const r = this.richCompare(a, b, '==');
    const v = this.truthy(r);
    this.decref(r);
    return v;
  }

  /** returns a new reference */
  richCompare(a: PyObject, b: PyObject, op: '<' | '<=' | '==' | '!=' | '>' | '>='): PyObject {
    const native = this.nativeCompare(a, b, op);
    if (native !== null) return this.newBool(native);
    const names: Record<string, [string, string]> = {
      '<': ['__lt__', '__gt__'], '<=': ['__le__', '__ge__'], '==': ['__eq__', '__eq__'],
      '!=': ['__ne__', '__ne__'], '>': ['__gt__', '__lt__'], '>=': ['__ge__', '__le__'],
    };
    const [fwd, rev] = names[op];
    const tryCall = (x: PyObject, y: PyObject, name: string): PyObject | null => {
      if (!(x instanceof PyInstance) || !this.hasUserMethod(x.type, name)) return null;
      const r = this.callMethodOf(x, name, [y]);
      if (r === this.NotImplemented) {
        this.decref(r);
        return null;
      }
      return r;
    };
    const reflectedFirst = b.type !== a.type && this.isSubtype(b.type, a.type);
    let r = reflectedFirst ? tryCall(b, a, rev) : null;
    if (!r) r = tryCall(a, b, fwd);
    if (!r && !reflectedFirst) r = tryCall(b, a, rev);
    if (r) return r;
    if (op === '==') return this.newBool(a === b);
    if (op === '!=') {
      if (a instanceof PyInstance && this.hasUserMethod(a.type, '__eq__')) {
        const e = this.callMethodOf(a, '__eq__', [b]);
        if (e !== this.NotImplemented) {
          const v = !this.truthy(e);
          this.decref(e);
          return this.newBool(v);
        }
        this.decref(e);
      }
      return this.newBool(a !== b);
    }
    return this.typeError(`'${op}' not supported between instances of '${this.typeName(a)}' and '${this.typeName(b)}'`);
  }

  /** comparison of builtin values; null when a dunder method must decide */
  nativeCompare(a: PyObject, b: PyObject, op: string): boolean | null {
    let c: number | null = null;
    if ((a instanceof PyInt || a instanceof PyFloat) && (b instanceof PyInt || b instanceof PyFloat)) {
      if (a instanceof PyInt && b instanceof PyInt) c = I.cmp(a.v, b.v);
      else {
        const x = a instanceof PyFloat ? a.v : I.toFloat(a.v);
        const y = b instanceof PyFloat ? b.v : I.toFloat(b.v);
        if (Number.isNaN(x) || Number.isNaN(y)) return op === '!=';
        c = x < y ? -1 : x > y ? 1 : 0;
      }
    } else if (a instanceof PyStr && b instanceof PyStr) {
      c = a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
    } else if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
      const x = a.items;
      const y = b.items;
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        if (x[i] === y[i]) continue;
        if (!this.eq(x[i], y[i])) {
          if (op === '==') return false;
          if (op === '!=') return true;
          const r = this.richCompare(x[i], y[i], op as '<');
          const v = this.truthy(r);
          this.decref(r);
          return v;
        }
      }
      c = x.length - y.length;
    } else if (a instanceof PyDict && b instanceof PyDict) {
      if (op !== '==' && op !== '!=') return null;
      let same = a.map.size === b.map.size;
      if (same)
        for (const [k, e] of a.map) {
          const o = b.map.get(k);
          if (!o || !this.eq(e.value, o.value)) {
            same = false;
            break;
          }
        }
      return op === '==' ? same : !same;
    } else if (a instanceof PySet && b instanceof PySet) {
      const sub = [...a.map.keys()].every((k) => b.map.has(k));
      const sup = [...b.map.keys()].every((k) => a.map.has(k));
      switch (op) {
        case '==': return sub && sup;
        case '!=': return !(sub && sup);
        case '<=': return sub;
        case '>=': return sup;
        case '<': return sub && !sup;
        case '>': return sup && !sub;
      }
    } else if (a instanceof PyRange && b instanceof PyRange) {
      const la = rangeLen(a);
      const lb = rangeLen(b);
      const same = la === lb && (la === 0 || (a.start === b.start && (la === 1 || a.step === b.step)));
      if (op === '==') return same;
      if (op === '!=') return !same;
      return null;
    } else if (a instanceof PyMethod && b instanceof PyMethod) {
      const same = a.func === b.func && a.self === b.self;
      if (op === '==') return same;
      if (op === '!=') return !same;
      return null;
    } else if (a instanceof PyNone || b instanceof PyNone || a instanceof PyType || b instanceof PyType || a instanceof PyFunction) {
      if (op === '==') return a === b;
      if (op === '!=') return a !== b;
      return null;
    } else return null;
    if (c === null) return null;
    switch (op) {
      case '<': return c < 0;
      case '<=': return c <= 0;
      case '==': return c === 0;
      case '!=': return c !== 0;
      case '>': return c > 0;
      case '>=': return c >= 0;
    }
    return null;
  }

  // ------------------------------------------------------------ arithmetic

  /** a op b; a new reference. `inplace` tries __iadd__ & co first. */
  binaryOp(a: PyObject, b: PyObject, op: BinOpName, inplace = false): PyObject {
    const [fwd, rev, inp] = DUNDER[op];
    if (inplace && a instanceof PyList && op === '+') return this.listIadd(a, b);
    if (inplace && a instanceof PyList && op === '*') return this.listImul(a, b);
    if (inplace && a instanceof PyInstance && this.hasUserMethod(a.type, inp)) {
      const r = this.callMethodOf(a, inp, [b]);
      if (r !== this.NotImplemented) return r;
      this.decref(r);
    }
    if (!(a instanceof PyInstance) && !(b instanceof PyInstance)) {
      const r = this.nativeBinary(a, b, op);
      if (r) return r;
    } else {
      const reflectedFirst = b.type !== a.type && this.isSubtype(b.type, a.type) && b instanceof PyInstance && this.hasUserMethod(b.type, rev);
      if (reflectedFirst) {
        const r = this.callMethodOf(b, rev, [a]);
        if (r !== this.NotImplemented) return r;
        this.decref(r);
      }
      if (a instanceof PyInstance && this.hasUserMethod(a.type, fwd)) {
        const r = this.callMethodOf(a, fwd, [b]);
        if (r !== this.NotImplemented) return r;
        this.decref(r);
      } else if (!(a instanceof PyInstance)) {
        const r = this.nativeBinary(a, b, op);
        if (r) return r;
      }
      if (!reflectedFirst && b instanceof PyInstance && this.hasUserMethod(b.type, rev) && b.type !== a.type) {
        const r = this.callMethodOf(b, rev, [a]);
        if (r !== this.NotImplemented) return r;
        this.decref(r);
      }
    }
    const sym = op + (inplace ? '=' : '');
    if (op === '**' && !inplace) return this.typeError(`unsupported operand type(s) for ** or pow(): '${this.typeName(a)}' and '${this.typeName(b)}'`);
    if (op === '+' && a instanceof PyStr && !inplace) return this.typeError(`can only concatenate str (not "${this.typeName(b)}") to str`);
    if (op === '+' && a instanceof PyList && !inplace) return this.typeError(`can only concatenate list (not "${this.typeName(b)}") to list`);
    if (op === '+' && a instanceof PyTuple && !inplace) return this.typeError(`can only concatenate tuple (not "${this.typeName(b)}") to tuple`);
    return this.typeError(`unsupported operand type(s) for ${sym}: '${this.typeName(a)}' and '${this.typeName(b)}'`);
  }

  abstract listIadd(a: PyList, b: PyObject): PyObject;
  abstract listImul(a: PyList, b: PyObject): PyObject;

  unaryOp(o: PyObject, op: number): PyObject {
    if (op === 0) return this.newBool(!this.truthy(o));
    if (o instanceof PyInt) {
      const v = o instanceof PyBool ? (o === this.True ? 1 : 0) : o.v;
      if (op === 1) return this.newInt(I.neg(v));
      if (op === 2) return this.newInt(v);
      return this.newInt(I.invert(v));
    }
    if (o instanceof PyFloat) {
      if (op === 1) return this.newFloat(-o.v);
      if (op === 2) return this.newFloat(o.v);
    }
    const name = ['', '__neg__', '__pos__', '__invert__'][op];
    if (o instanceof PyInstance && this.hasUserMethod(o.type, name)) return this.callMethodOf(o, name, []);
    return this.typeError(`bad operand type for unary ${['not', '-', '+', '~'][op]}: '${this.typeName(o)}'`);
  }
}

export function rangeLen(r: PyRange): number {
  if (r.step > 0) return Math.max(0, Math.ceil((r.stop - r.start) / r.step));
  return Math.max(0, Math.ceil((r.start - r.stop) / -r.step));
}

export { BIN_OPS, PySeqIter, PyRangeIter, PyNativeIter, _Cell };
