// Subscription, membership, formatting and the arithmetic of builtin types (int, float, str, list,
// tuple, set, dict), with CPython's error messages.
import type { BinOpName } from '../compile/opcodes';
import * as I from '../objects/intmath';
import {
  PyBool, PyDict, PyFloat, PyInstance, PyInt, PyList, PyObject, PyRange, PySet, PySlice, PyStr, PyTuple, PyNone,
  PyMethodDescr, type PyType,
} from '../objects/model';
import { codePoints, floatRepr, formatFloat, formatInt, formatStr, hasSurrogates, isPyError, percentFormat, strAscii, type PyError } from '../objects/text';
import { listSize } from '../objects/sizes';
import { instanceBytes } from '../objects/slots';
import { Calls } from './calls';
import { Containers } from './containers';
import { PyRaise } from './errors';
import { indexLabel } from './labels';

export abstract class Items extends Calls {
  throwText(e: PyError): never {
    return this.raise(e.error, e.message);
  }

  // ------------------------------------------------------------ subscription

  getitem(o: PyObject, key: PyObject): PyObject {
    if (o instanceof PyList || o instanceof PyTuple) {
      if (key instanceof PySlice) {
        const items = this.sliceItems(o.items, key);
        for (const x of items) this.incref(x);
        if (o instanceof PyTuple) {
          if (items.length === o.items.length) {
            for (const x of items) this.decref(x);
            this.incref(o);
            return o;
          }
          return this.newTuple(items);
        }
        const l = this.newList(items);
        if (this.rec.enabled) items.forEach((x, i) => this.moveTo(x, [l, indexLabel(i)]));
        return l;
      }
      const v = o.items[this.index(key, o.items.length, o instanceof PyList ? 'list' : 'tuple')];
      this.incref(v);
      return v;
    }
    if (o instanceof PyDict) {
      const v = this.dictGet(o, key);
      if (!v) {
        if (o.type !== this.T.dict) {
          const missing = this.lookupType(o.type, '__missing__');
          if (missing) return this.callMethodOf(o, '__missing__', [key]);
        }
        throw new PyRaise(this.newException('KeyError', null, [key]));
      }
      this.incref(v);
      return v;
    }
    if (o instanceof PyStr) {
      const cps = hasSurrogates(o.s) ? codePoints(o.s) : null;
      if (key instanceof PySlice) {
        const chars = cps ?? o.s.split('');
        const [start, , step, len] = this.sliceIndices(key, chars.length);
        if (start === 0 && step === 1 && len === chars.length && o.type === this.T.str) {
          this.incref(o);
          return o;
        }
        return this.newStr(this.sliceItems(chars, key).join(''));
      }
      const n = cps ? cps.length : o.s.length;
      const i = this.index(key, n, 'string');
      return this.newStr(cps ? cps[i] : o.s[i]);
    }
    if (o instanceof PyRange) {
      if (key instanceof PySlice) {
        const n = this.len(o);
        const [start, stop, step] = this.sliceIndices(key, n);
        return this.track(new PyRange(this.T.range, o.start + start * o.step, o.start + stop * o.step, o.step * step), this.profile.sizes.range);
      }
      const i = this.index(key, this.len(o), 'range object');
      return this.newInt(o.start + i * o.step);
    }
    if (o instanceof PyInstance && this.hasUserMethod(o.type, '__getitem__')) return this.callMethodOf(o, '__getitem__', [key]);
    if (o instanceof PyInstance && o.type !== undefined && this.findNativeAncestor(o) === 'dict') return this.typeError('subscript');
    if (o === this.T.list || o === this.T.dict || o === this.T.tuple || o === this.T.type || o === this.T.set) {
      this.incref(o);
      return o; // list[int] and friends: typing is not simulated; the class itself stands in
    }
    return this.typeError(`'${this.typeName(o)}' object is not subscriptable`);
  }

  private findNativeAncestor(o: PyObject): string | null {
    for (const k of o.type.mro) if (!k.isHeap) return k.name;
    return null;
  }

  setitem(o: PyObject, key: PyObject, v: PyObject): void {
    if (o instanceof PyList) {
      if (key instanceof PySlice) return this.listSetSlice(o, key, v);
      const i = this.index(key, o.items.length, 'list assignment');
      const old = o.items[i];
      o.items[i] = v;
      this.increfBy(v, [o, indexLabel(i)]);
      this.decrefBy(old, [o, indexLabel(i)]);
      return;
    }
    if (o instanceof PyDict) return this.dictSet(o, key, v);
    if (o instanceof PyInstance && this.hasUserMethod(o.type, '__setitem__')) {
      this.decref(this.callMethodOf(o, '__setitem__', [key, v]));
      return;
    }
    this.typeError(`'${this.typeName(o)}' object does not support item assignment`);
  }

  private listSetSlice(l: PyList, s: PySlice, v: PyObject): void {
    const newItems = this.iterToArray(v);
    const [start, stop, step, len] = this.sliceIndices(s, l.items.length);
    if (step === 1) {
      const end = Math.max(start, stop);
      this.listUnlabel(l, start);
      const removed = l.items.splice(start, end - start, ...newItems);
      const newLen = l.items.length;
      if (newLen > l.allocated || newLen < l.allocated >> 1) {
        l.allocated = newLen === 0 ? 0 : (newLen + (newLen >> 3) + 6) & ~3;
        this.resize(l, listSize(this.profile, l.allocated));
      }
      // the new items arrive from the stack; the shifted old ones get their new index
      if (this.rec.enabled) {
        for (let i = start + newItems.length; i < l.items.length; i++) this.emitMove(l.items[i], this.holderOf([l, Containers.MOVING]), this.holderOf([l, indexLabel(i)]));
        newItems.forEach((x, i) => this.moveTo(x, [l, indexLabel(start + i)]));
      }
      for (let k = removed.length - 1; k >= 0; k--) this.decrefBy(removed[k], [l, Containers.MOVING]);
      return;
    }
    if (newItems.length !== len) {
      for (const x of newItems) this.decref(x);
      this.raise('ValueError', `attempt to assign sequence of size ${newItems.length} to extended slice of size ${len}`);
    }
    const old: [PyObject, number][] = [];
    for (let i = 0, j = start; i < len; i++, j += step) {
      old.push([l.items[j], j]);
      l.items[j] = newItems[i];
      this.moveTo(newItems[i], [l, indexLabel(j)]);
    }
    for (const [x, j] of old) this.decrefBy(x, [l, indexLabel(j)]);
  }

  delitem(o: PyObject, key: PyObject): void {
    if (o instanceof PyList) {
      if (key instanceof PySlice) {
        const [start, , step, len] = this.sliceIndices(key, o.items.length);
        const idx: number[] = [];
        for (let i = 0, j = start; i < len; i++, j += step) idx.push(j);
        idx.sort((a, b) => b - a);
        const removed: PyObject[] = [];
        this.listUnlabel(o, 0);
        for (const j of idx) removed.push(...o.items.splice(j, 1));
        this.listRelabel(o, 0);
        this.listResize(o, o.items.length);
        for (const x of removed) this.decrefBy(x, [o, Containers.MOVING]);
        return;
      }
      const i = this.index(key, o.items.length, 'list assignment');
      this.listUnlabel(o, i + 1);
      const [old] = o.items.splice(i, 1);
      this.listRelabel(o, i);
      this.listResize(o, o.items.length);
      this.decrefBy(old, [o, indexLabel(i)]);
      return;
    }
    if (o instanceof PyDict) {
      const v = this.dictPop(o, key);
      if (!v) {
        throw new PyRaise(this.newException('KeyError', null, [key]));
      }
      this.decref(v);
      return;
    }
    if (o instanceof PyInstance && this.hasUserMethod(o.type, '__delitem__')) {
      this.decref(this.callMethodOf(o, '__delitem__', [key]));
      return;
    }
    this.typeError(`'${this.typeName(o)}' object doesn't support item deletion`);
  }

  contains(container: PyObject, item: PyObject): boolean {
    if (container instanceof PyDict) return container.map.has(this.hashKey(item));
    if (container instanceof PySet) return container.map.has(this.hashKey(item));
    if (container instanceof PyStr) {
      if (!(item instanceof PyStr)) this.typeError(`'in <string>' requires string as left operand, not ${this.typeName(item)}`);
      return container.s.includes((item as PyStr).s);
    }
    if (container instanceof PyList || container instanceof PyTuple) {
      for (const x of container.items) if (x === item || this.eq(x, item)) return true;
      return false;
    }
    if (container instanceof PyRange) {
      if (!(item instanceof PyInt)) return false;
      const v = Number(item.v);
      const r = container;
      if (r.step > 0 ? v < r.start || v >= r.stop : v > r.start || v <= r.stop) return false;
      return (v - r.start) % r.step === 0;
    }
    if (container instanceof PyInstance && this.hasUserMethod(container.type, '__contains__')) {
      const r = this.callMethodOf(container, '__contains__', [item]);
      const t = this.truthy(r);
      this.decref(r);
      return t;
    }
    const it = this.iter(container);
    try {
      for (;;) {
        const v = this.next(it);
        if (!v) return false;
        const same = v === item || this.eq(v, item);
        this.decref(v);
        if (same) return true;
      }
    } finally {
      this.decref(it);
    }
  }

  // ------------------------------------------------------------ formatting

  /** f-string FORMAT_VALUE: conversion 0 none, 1 str, 2 repr, 3 ascii */
  formatValue(v: PyObject, conversion: number, spec: string): PyObject {
    let target = v;
    let tmp: PyObject | null = null;
    if (conversion === 1) target = tmp = this.newStr(this.str(v));
    else if (conversion === 2) target = tmp = this.newStr(this.repr(v));
    else if (conversion === 3) target = tmp = this.newStr(strAscii(this.repr(v)));
    try {
      if (!spec && target instanceof PyStr) {
        this.incref(target);
        return target;
      }
      return this.newStr(this.format(target, spec));
    } finally {
      if (tmp) this.decref(tmp);
    }
  }

  format(v: PyObject, spec: string): string {
    const opts = { version: this.profile.version };
    if (v instanceof PyInstance && this.hasUserMethod(v.type, '__format__')) {
      const s = this.newStr(spec);
      try {
        const r = this.callMethodOf(v, '__format__', [s]);
        const out = r instanceof PyStr ? r.s : '';
        this.decref(r);
        return out;
      } finally {
        this.decref(s);
      }
    }
    let r: string | PyError;
    if (v instanceof PyBool && spec === '') r = this.str(v);
    else if (v instanceof PyInt) {
      // decimal presentation types are subject to the int max str digits limit
      const t = spec.slice(-1);
      if (!/[bcoxXeEfFgG%]/.test(t) && typeof v.v === 'bigint') this.intToStr(v.v);
      r = formatInt(I.big(this.intValue(v)), spec, opts);
    }
    else if (v instanceof PyFloat) r = formatFloat(v.v, spec, opts);
    else if (v instanceof PyStr) r = formatStr(v.s, spec, opts);
    else if (spec === '') r = this.str(v);
    else r = { error: 'TypeError', message: `unsupported format string passed to ${this.typeName(v)}.__format__` } as PyError;
    if (isPyError(r)) this.throwText(r);
    return r as string;
  }

  percent(fmt: string, args: PyObject): PyObject {
    const a = args instanceof PyTuple ? { kind: 'tuple' as const, items: args.items } : args instanceof PyDict ? { kind: 'mapping' as const, value: args as PyObject } : { kind: 'single' as const, value: args };
    const r = percentFormat<PyObject>(fmt, a, {
      str: (o) => this.str(o),
      repr: (o) => this.repr(o),
      typeName: (o) => this.typeName(o),
      classify: (o) =>
        o instanceof PyInt ? { kind: 'int', value: I.big(this.intValue(o)) } : o instanceof PyFloat ? { kind: 'float', value: o.v } : o instanceof PyStr ? { kind: 'str', value: o.s } : { kind: 'other' },
      getItem: (m, key) => {
        const v = m instanceof PyDict ? this.dictGetStr(m, key) : null;
        return v ?? { error: 'KeyError', message: `'${key}'` };
      },
    });
    if (isPyError(r)) this.throwText(r);
    return this.newStr(r as string);
  }

  // ------------------------------------------------------------ builtin arithmetic

  nativeBinary(a: PyObject, b: PyObject, op: BinOpName): PyObject | null {
    if (a instanceof PyBool && b instanceof PyBool && (op === '&' || op === '|' || op === '^')) {
      const x = a === this.True;
      const y = b === this.True;
      return this.newBool(op === '&' ? x && y : op === '|' ? x || y : x !== y);
    }
    if (a instanceof PyInt && b instanceof PyInt) return this.intBinary(this.intValue(a), this.intValue(b), op);
    if ((a instanceof PyFloat || a instanceof PyInt) && (b instanceof PyFloat || b instanceof PyInt)) {
      const x = a instanceof PyFloat ? a.v : I.toFloat(this.intValue(a as PyInt));
      const y = b instanceof PyFloat ? b.v : I.toFloat(this.intValue(b as PyInt));
      return this.floatBinary(x, y, op);
    }
    if (a instanceof PyStr) {
      if (op === '+' && b instanceof PyStr) {
        this.checkMemory(a.s.length + b.s.length);
        return this.newStr(a.s + b.s);
      }
      if (op === '*' && b instanceof PyInt) {
        if (Number(b.v) === 1 && a.type === this.T.str) {
          this.incref(a);
          return a;
        }
        return this.newStr(this.repeatStr(a.s, Number(b.v)));
      }
      if (op === '%') return this.percent(a.s, b);
      return null;
    }
    if (b instanceof PyStr && op === '*' && a instanceof PyInt) return this.newStr(this.repeatStr(b.s, Number(a.v)));
    if ((a instanceof PyList || a instanceof PyTuple) && op === '+' && b.type === a.type) {
      const items = [...a.items, ...(b as PyList).items];
      for (const x of items) this.incref(x);
      if (a instanceof PyTuple) return this.newTuple(items);
      const l = this.newList(items);
      if (this.rec.enabled) items.forEach((x, i) => this.moveTo(x, [l, indexLabel(i)]));
      return l;
    }
    if ((a instanceof PyList || a instanceof PyTuple) && op === '*' && b instanceof PyInt) return this.repeatSeq(a, Number(b.v));
    if ((b instanceof PyList || b instanceof PyTuple) && op === '*' && a instanceof PyInt) return this.repeatSeq(b, Number(a.v));
    if (a instanceof PySet && b instanceof PySet && '|&-^'.includes(op)) return this.setBinary(a, b, op);
    if (a instanceof PyDict && b instanceof PyDict && op === '|') {
      const d = this.newDict();
      for (const e of a.map.values()) this.dictSet(d, e.key, e.value);
      for (const e of b.map.values()) this.dictSet(d, e.key, e.value);
      return d;
    }
    return null;
  }

  private repeatStr(s: string, n: number): string {
    if (n <= 0) return '';
    this.checkMemory(s.length * n);
    return s.repeat(n);
  }

  private repeatSeq(a: PyList | PyTuple, n: number): PyObject {
    const count = Math.max(0, n) * a.items.length;
    if (count > 2 ** 60 / 8) this.memoryError(count);
    this.checkMemory(count * 8 + 64);
    const items: PyObject[] = [];
    for (let k = 0; k < n; k++) for (const x of a.items) items.push(x);
    for (const x of items) this.incref(x);
    if (a instanceof PyTuple) {
      if (n === 1) {
        for (const x of items) this.decref(x);
        this.incref(a);
        return a;
      }
      return this.newTuple(items);
    }
    const l = this.newList(items);
    if (this.rec.enabled) items.forEach((x, i) => this.moveTo(x, [l, indexLabel(i)]));
    return l;
  }

  private setBinary(a: PySet, b: PySet, op: string): PyObject {
    const s = this.newSet(a.frozen);
    const add = (x: PyObject): void => this.setAdd(s, x);
    if (op === '|') {
      for (const x of this.setOrder(a)) add(x);
      for (const x of this.setOrder(b)) add(x);
    } else if (op === '&') {
      for (const x of this.setOrder(a.map.size <= b.map.size ? a : b)) if ((a.map.size <= b.map.size ? b : a).map.has(this.hashKey(x))) add(x);
    } else if (op === '-') {
      for (const x of this.setOrder(a)) if (!b.map.has(this.hashKey(x))) add(x);
    } else {
      for (const x of this.setOrder(a)) if (!b.map.has(this.hashKey(x))) add(x);
      for (const x of this.setOrder(b)) if (!a.map.has(this.hashKey(x))) add(x);
    }
    return s;
  }

  intBinary(x: I.IntV, y: I.IntV, op: BinOpName): PyObject | null {
    const zero = y === 0 || y === 0n;
    switch (op) {
      case '+':
        return this.newInt(I.add(x, y));
      case '-':
        return this.newInt(I.sub(x, y));
      case '*':
        return this.newInt(I.mul(x, y));
      case '//':
        if (zero) this.raise('ZeroDivisionError', 'integer division or modulo by zero');
        return this.newInt(I.floordiv(x, y));
      case '%':
        if (zero) this.raise('ZeroDivisionError', this.profile.version === '3.10' ? 'integer division or modulo by zero' : 'integer modulo by zero');
        return this.newInt(I.mod(x, y));
      case '/':
        if (zero) this.raise('ZeroDivisionError', 'division by zero');
        return this.newFloat(I.truediv(x, y));
      case '**':
        if (I.cmp(y, 0) < 0) {
          if (x === 0 || x === 0n) this.raise('ZeroDivisionError', this.profile.version >= '3.13' ? 'zero to a negative power' : '0.0 cannot be raised to a negative power');
          return this.newFloat(Math.pow(I.toFloat(x), I.toFloat(y)));
        }
        if (I.bitLength(x) * I.toFloat(y) > 64 * 1024 * 1024) this.memoryError(0);
        return this.newInt(I.pow(x, y));
      case '<<':
        if (I.cmp(y, 0) < 0) this.raise('ValueError', 'negative shift count');
        if (I.toFloat(y) > 2 ** 26 && x !== 0) this.memoryError(0);
        return this.newInt(I.lshift(x, y));
      case '>>':
        if (I.cmp(y, 0) < 0) this.raise('ValueError', 'negative shift count');
        return this.newInt(I.rshift(x, y));
      case '&':
        return this.newInt(I.and(x, y));
      case '|':
        return this.newInt(I.or(x, y));
      case '^':
        return this.newInt(I.xor(x, y));
      default:
        return null;
    }
  }

  floatBinary(x: number, y: number, op: BinOpName): PyObject | null {
    switch (op) {
      case '+':
        return this.newFloat(x + y);
      case '-':
        return this.newFloat(x - y);
      case '*':
        return this.newFloat(x * y);
      case '/':
        if (y === 0) this.raise('ZeroDivisionError', this.profile.version >= '3.13' ? 'division by zero' : 'float division by zero');
        return this.newFloat(x / y);
      case '//':
        if (y === 0) this.raise('ZeroDivisionError', this.profile.version >= '3.13' ? 'division by zero' : 'float floor division by zero');
        return this.newFloat(Math.floor(x / y));
      case '%': {
        if (y === 0) this.raise('ZeroDivisionError', this.profile.version >= '3.13' ? 'division by zero' : 'float modulo');
        let m = x % y;
        if (m !== 0 && (m < 0) !== (y < 0)) m += y;
        else if (m === 0) m = y < 0 ? -0 : 0;
        return this.newFloat(m);
      }
      case '**': {
        if (x === 0 && y < 0) this.raise('ZeroDivisionError', this.profile.version >= '3.13' ? 'zero to a negative power' : '0.0 cannot be raised to a negative power');
        const r = Math.pow(x, y);
        if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) this.raise('OverflowError', '(34, \'Numerical result out of range\')');
        return this.newFloat(r);
      }
      default:
        return null;
    }
  }

  /** sys.getsizeof-style size of an instance of a class */
  instanceSize(t: PyType): number {
    return t.isHeap && t.layout === 'object' ? instanceBytes(this.profile, t) : this.profile.sizes.instance;
  }

  floatStr(v: number): string {
    return floatRepr(v);
  }

  isNone(o: PyObject): boolean {
    return o instanceof PyNone;
  }

  isNativeMethod(o: PyObject): boolean {
    return o instanceof PyMethodDescr;
  }
}

