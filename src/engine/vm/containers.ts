// Containers' storage with CPython's growth rules (list over-allocation, dict keys tables, set tables)
// and the sequence/mapping protocol: len, getitem/setitem/delitem, contains, iteration.
import * as I from '../objects/intmath';
import {
  PyBool, PyDict, PyFloat, PyInstance, PyInt, PyList, PyNativeIter, PyObject, PyRange, PyRangeIter, PySeqIter,
  PySet, PySlice, PyStr, PyTuple, PyNone, PyGenerator, PyType,
} from '../objects/model';
import { dictSize, listSize, setSize, usable } from '../objects/sizes';
import { codePoints, hasSurrogates } from '../objects/text';
import { Ops, rangeLen } from './ops';
import { indexLabel } from './labels';

export abstract class Containers extends Ops {
  // ------------------------------------------------------------ list

  /** list_resize: the allocation CPython would choose for `newsize` items */
  listResize(l: PyList, newsize: number): void {
    const allocated = l.allocated;
    if (allocated >= newsize && newsize >= allocated >> 1) return;
    let na = newsize === 0 ? 0 : (newsize + (newsize >> 3) + 6) & ~3;
    if (newsize - l.items.length > na - newsize) na = (newsize + 3) & ~3;
    this.checkMemory((na - allocated) * 8);
    l.allocated = na;
    this.resize(l, listSize(this.profile, na));
  }

  /**
   * Index labels of list slots ([i]) follow the items when a list is reordered: before the change the
   * slots from `from` on are unlabelled (moved to "(moving)"), after it they get their new index.
   * Only events; no refcount changes.
   */
  static readonly MOVING = '(moving)';
  listUnlabel(l: PyList, from = 0): void {
    if (!this.rec.enabled) return;
    for (let i = from; i < l.items.length; i++) this.emitMove(l.items[i], this.holderOf([l, indexLabel(i)]), this.holderOf([l, Containers.MOVING]));
  }
  listRelabel(l: PyList, from = 0): void {
    if (!this.rec.enabled) return;
    for (let i = from; i < l.items.length; i++) this.emitMove(l.items[i], this.holderOf([l, Containers.MOVING]), this.holderOf([l, indexLabel(i)]));
  }

  /** exact allocation for an empty list extended by n items (list_preallocate_exact) */
  listPreallocate(l: PyList, n: number): void {
    const na = (n + 1) & ~1;
    this.checkMemory(na * 8);
    l.allocated = na;
    this.resize(l, listSize(this.profile, na));
  }

  /** append a new reference (stolen) */
  listAppend(l: PyList, v: PyObject): void {
    this.listResize(l, l.items.length + 1);
    l.items.push(v);
    this.moveTo(v, [l, `[${l.items.length - 1}]`]);
    this.lengthChanged(l);
  }

  /** the trace learns a container's new length (its summary text in views) */
  lengthChanged(o: PyObject): void {
    if (this.rec.enabled && o.id) this.rec.update(o.id, undefined, this.shortRepr(o), this.lengthOf(o));
  }

  /** extend with borrowed items (increfs them) */
  listExtend(l: PyList, items: PyObject[]): void {
    if (l.items.length === 0 && l.allocated === 0 && items.length) this.listPreallocate(l, items.length);
    else if (l.items.length + items.length > l.allocated) this.listResize(l, l.items.length + items.length);
    for (const x of items) {
      l.items.push(x);
      this.increfBy(x, [l, `[${l.items.length - 1}]`]);
    }
    this.lengthChanged(l);
  }

  /**
   * list_extend from any iterable, with CPython's allocation: a sized source preallocates exactly
   * (list(iterable) only, `exact`), others reserve their length hint (8 when unknown), fill, grow by
   * appends when full, and shrink at the end. `items` are owned references.
   */
  listExtendFrom(l: PyList, src: PyObject, items: PyObject[], exact: boolean): void {
    if (src instanceof PyList || src instanceof PyTuple) {
      this.listExtendOwned(l, items);
      return;
    }
    const sized = this.hasLen(src);
    if (exact && sized && l.items.length === 0 && l.allocated === 0 && items.length > 0) {
      this.listPreallocate(l, items.length);
    } else {
      const hint = sized ? items.length : this.lengthHint(src) ?? 8;
      const m = l.items.length;
      if (m + hint > l.allocated) this.listResize(l, m + hint);
    }
    for (const x of items) {
      if (l.items.length >= l.allocated) this.listResize(l, l.items.length + 1);
      l.items.push(x);
      this.moveTo(x, [l, `[${l.items.length - 1}]`]);
    }
    if (l.items.length < l.allocated) this.listResize(l, l.items.length);
    this.lengthChanged(l);
  }

  /** objects with __len__ (sq_length / mp_length) */
  hasLen(o: PyObject): boolean {
    return o instanceof PyStr || o instanceof PyDict || o instanceof PySet || o instanceof PyRange || (o instanceof PyInstance && this.hasUserMethod(o.type, '__len__'));
  }

  /** operator.length_hint for builtin iterators (what is left), or null */
  lengthHint(o: PyObject): number | null {
    if (o instanceof PySeqIter) {
      const s = o.seq;
      if (!s) return 0;
      if (s instanceof PyList || s instanceof PyTuple) return Math.max(0, s.items.length - o.index);
      if (o.snapshot) return Math.max(0, o.snapshot.length - o.index);
      return null;
    }
    if (o instanceof PyRangeIter) return Math.max(0, Math.ceil((o.stop - o.next) / o.step));
    return null;
  }

  listIadd(a: PyList, b: PyObject): PyObject {
    const items = this.iterToArray(b);
    this.listExtendOwned(a, items);
    this.incref(a);
    return a;
  }

  listImul(a: PyList, b: PyObject): PyObject {
    if (!(b instanceof PyInt)) this.typeError(`can't multiply sequence by non-int of type '${this.typeName(b)}'`);
    const n = Number(b.v);
    const orig = [...a.items];
    if (n <= 0) this.listClear(a);
    else {
      this.checkMemory(orig.length * (n - 1) * 8);
      for (let k = 1; k < n; k++) this.listExtend(a, orig);
    }
    this.incref(a);
    return a;
  }

  /** extend with owned references */
  listExtendOwned(l: PyList, items: PyObject[]): void {
    this.listExtend(l, items);
    for (const x of items) this.decref(x);
  }

  listClear(l: PyList): void {
    const items = l.items;
    l.items = [];
    l.allocated = 0;
    this.resize(l, listSize(this.profile, 0));
    for (let i = items.length - 1; i >= 0; i--) this.decrefBy(items[i], [l, indexLabel(i)]);
  }

  // ------------------------------------------------------------ dict

  dictGet(d: PyDict, key: PyObject): PyObject | null {
    const e = d.map.get(this.hashKey(key));
    return e ? e.value : null;
  }

  /** d[key] = value; key and value borrowed */
  dictSet(d: PyDict, key: PyObject, value: PyObject, label?: string): void {
    const k = this.hashKey(key);
    const e = d.map.get(k);
    const lab = label ?? (this.rec.enabled ? `[${this.shortRepr(key)}]` : '');
    if (e) {
      const old = e.value;
      e.value = value;
      if (!d.gcTracked && this.mayBeTracked(value)) this.gcTrack(d);
      this.increfBy(value, [d, lab]);
      this.decrefBy(old, [d, lab]);
      return;
    }
    if (d.tableSize === 0) {
      d.tableSize = 8;
      d.tableFill = 0;
    } else if (d.tableFill >= usable(d.tableSize)) {
      // insertion_resize: GROWTH_RATE = used * 3
      let size = 8;
      while (size < d.map.size * 3) size <<= 1;
      d.tableSize = size;
      d.tableFill = d.map.size;
    }
    if (!(key instanceof PyStr)) d.unicodeKeys = false;
    d.tableFill++;
    d.map.set(k, { key, value });
    if (!d.gcTracked && (this.mayBeTracked(key) || this.mayBeTracked(value))) this.gcTrack(d);
    this.increfBy(key, [d, 'key']);
    this.increfBy(value, [d, lab]);
    if (d.id) this.resize(d, dictSize(this.profile, d));
    this.lengthChanged(d);
  }

  /** remove key; returns the removed value as an owned reference, or null */
  dictPop(d: PyDict, key: PyObject): PyObject | null {
    const k = this.hashKey(key);
    const e = d.map.get(k);
    if (!e) return null;
    d.map.delete(k);
    this.decrefBy(e.key, [d, 'key']);
    this.moveFrom(e.value, [d, this.rec.enabled ? `[${this.shortRepr(key)}]` : '']);
    return e.value;
  }

  dictClear(d: PyDict): void {
    const entries = [...d.map.values()];
    d.map.clear();
    d.tableSize = 0;
    d.tableFill = 0;
    d.unicodeKeys = true;
    if (d.id) this.resize(d, dictSize(this.profile, d));
    for (const e of entries) {
      this.decrefBy(e.key, [d, 'key']);
      this.decrefBy(e.value, [d, this.rec.enabled ? `[${this.shortRepr(e.key)}]` : '']);
    }
  }

  dictGetStr(d: PyDict, name: string): PyObject | null {
    const e = d.map.get('s' + name);
    return e ? e.value : null;
  }

  // ------------------------------------------------------------ set

  setAdd(s: PySet, v: PyObject): void {
    const k = this.hashKey(v);
    if (s.map.has(k)) return;
    s.map.set(k, v);
    this.increfBy(v, [s, 'item']);
    this.lengthChanged(s);
    s.fill++;
    if (s.fill * 5 >= s.mask * 3) {
      const used = s.map.size;
      const minused = used > 50000 ? used * 2 : used * 4;
      let size = 8;
      while (size <= minused) size <<= 1;
      s.mask = size - 1;
      s.fill = used;
      this.resize(s, setSize(this.profile, s.mask));
    }
  }

  setClear(s: PySet): void {
    const items = [...s.map.values()];
    s.map.clear();
    s.mask = 7;
    s.fill = 0;
    this.resize(s, setSize(this.profile, 7));
    for (const x of items) this.decrefBy(x, [s, 'item']);
  }

  setDiscard(s: PySet, v: PyObject): boolean {
    const k = this.hashKey(v);
    const x = s.map.get(k);
    if (!x) return false;
    s.map.delete(k);
    this.decrefBy(x, [s, 'item']);
    return true;
  }

  // ------------------------------------------------------------ sequence protocol

  len(o: PyObject): number {
    if (o instanceof PyStr) return hasSurrogates(o.s) ? codePoints(o.s).length : o.s.length;
    if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
    if (o instanceof PyDict || o instanceof PySet) return o.map.size;
    if (o instanceof PyRange) return rangeLen(o);
    if (o instanceof PyInstance && this.hasUserMethod(o.type, '__len__')) {
      const r = this.callMethodOf(o, '__len__', []);
      if (!(r instanceof PyInt)) {
        this.decref(r);
        this.typeError(`'${this.typeName(r)}' object cannot be interpreted as an integer`);
      }
      const n = Number(r.v);
      this.decref(r);
      if (n < 0) this.raise('ValueError', '__len__() should return >= 0');
      return n;
    }
    return this.typeError(`object of type '${this.typeName(o)}' has no len()`);
  }

  lengthOf(o: PyObject): number | undefined {
    if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
    if (o instanceof PyDict || o instanceof PySet) return o.map.size;
    if (o instanceof PyStr) return o.s.length;
    return undefined;
  }

  /** Python index -> JS index for a sequence of length n; raises IndexError */
  index(idx: PyObject, n: number, what: string): number {
    if (!(idx instanceof PyInt)) {
      if (idx instanceof PyInstance && this.hasUserMethod(idx.type, '__index__')) {
        const r = this.callMethodOf(idx, '__index__', []);
        const v = this.index(r, n, what);
        this.decref(r);
        return v;
      }
      this.typeError(`${what} indices must be integers or slices, not ${this.typeName(idx)}`);
    }
    let i = Number(idx.v);
    if (i < 0) i += n;
    if (i < 0 || i >= n || !Number.isFinite(i)) this.raise('IndexError', `${what} index out of range`);
    return i;
  }

  /** slice.indices(n): [start, stop, step, length] */
  sliceIndices(s: PySlice, n: number): [number, number, number, number] {
    const num = (o: PyObject, dflt: number | null): number | null => {
      if (o instanceof PyNone) return dflt;
      if (o instanceof PyInt) return Number(o.v);
      if (o instanceof PyInstance && this.hasUserMethod(o.type, '__index__')) {
        const r = this.callMethodOf(o, '__index__', []);
        const v = r instanceof PyInt ? Number(r.v) : 0;
        this.decref(r);
        return v;
      }
      return this.typeError('slice indices must be integers or None or have an __index__ method');
    };
    const step = num(s.step, 1)!;
    if (step === 0) this.raise('ValueError', 'slice step cannot be zero');
    let start = num(s.start, null);
    let stop = num(s.stop, null);
    if (step > 0) {
      start = start === null ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
      stop = stop === null ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
    } else {
      start = start === null ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
      stop = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
    }
    const len = step > 0 ? (stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0) : stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
    return [start, stop, step, len];
  }

  sliceItems<T>(items: T[], s: PySlice): T[] {
    const [start, , step, len] = this.sliceIndices(s, items.length);
    if (step === 1) return items.slice(start, start + len);
    const out: T[] = [];
    for (let i = 0, j = start; i < len; i++, j += step) out.push(items[j]);
    return out;
  }

  // ------------------------------------------------------------ iteration

  /** iter(o): a new reference to an iterator */
  iter(o: PyObject): PyObject {
    const T = this.T;
    let it: PyObject | null = null;
    if (o instanceof PyList) it = new PySeqIter(T.list_iterator, o);
    else if (o instanceof PyTuple) it = new PySeqIter(T.tuple_iterator, o);
    else if (o instanceof PyStr) it = new PySeqIter(T.str_iterator, o);
    else if (o instanceof PyDict) it = new PySeqIter(T.dict_keyiterator, o);
    else if (o instanceof PySet) it = new PySeqIter(T.set_iterator, o);
    else if (o instanceof PyRange) {
      // 3.12 shrank range iterators to 40 bytes
      const r = this.track(new PyRangeIter(T.range_iterator, o.start, o.stop, o.step), this.profile.version >= '3.12' ? 40 : this.profile.sizes.iterator);
      return r;
    } else if (o instanceof PySeqIter || o instanceof PyRangeIter || o instanceof PyNativeIter || o instanceof PyGenerator) {
      this.incref(o);
      return o;
    } else if (o instanceof PyInstance || o instanceof PyType) {
      if (o instanceof PyInstance && this.hasUserMethod(o.type, '__iter__')) {
        const r = this.callMethodOf(o, '__iter__', []);
        if (!this.isIterator(r)) {
          const n = this.typeName(r);
          this.decref(r);
          this.typeError(`iter() returned non-iterator of type '${n}'`);
        }
        return r;
      }
      if (o instanceof PyInstance && this.hasUserMethod(o.type, '__getitem__')) {
        it = new PySeqIter(T.iterator, o);
      }
    }
    if (!it) return this.typeError(`'${this.typeName(o)}' object is not iterable`);
    this.track(it, this.profile.sizes.iterator, true);
    if ((it as PySeqIter).seq) this.increfBy(o, [it, 'iterated']);
    if (o instanceof PySet || o instanceof PyDict) (it as PySeqIter).snapshot = [...(o instanceof PySet ? this.setOrder(o) : [...o.map.values()].map((e) => e.key))];
    return it;
  }

  isIterator(o: PyObject): boolean {
    if (o instanceof PySeqIter || o instanceof PyRangeIter || o instanceof PyNativeIter || o instanceof PyGenerator) return true;
    return o instanceof PyInstance && this.hasUserMethod(o.type, '__next__');
  }

  /** next(it): a new reference, or null when exhausted (StopIteration swallowed) */
  abstract next(it: PyObject): PyObject | null;

  /** seq iterator step for builtin sequences */
  seqNext(it: PySeqIter): PyObject | null {
    const s = it.seq;
    if (!s) return null;
    let v: PyObject | null = null;
    if (s instanceof PyList || s instanceof PyTuple) {
      if (it.index < s.items.length) v = s.items[it.index++];
    } else if (s instanceof PyStr) {
      const cps = hasSurrogates(s.s) ? codePoints(s.s) : null;
      const n = cps ? cps.length : s.s.length;
      if (it.index < n) return this.newStr(cps ? cps[it.index++] : s.s[it.index++]);
    } else if (it.snapshot) {
      if ((s instanceof PyDict || s instanceof PySet) && s.map.size !== it.snapshot.length) {
        it.index = it.snapshot.length;
        this.raise('RuntimeError', `${s instanceof PyDict ? 'dictionary' : 'Set'} changed size during iteration`);
      }
      if (it.index < it.snapshot.length) v = it.snapshot[it.index++];
    } else if (s instanceof PyInstance) {
      const idx = this.newInt(it.index++);
      try {
        return this.getitem(s, idx);
      } catch (e) {
        if (this.isExc(e, 'IndexError') || this.isExc(e, 'StopIteration')) {
          this.clearRaise(e);
          this.exhaust(it);
          return null;
        }
        throw e;
      } finally {
        this.decref(idx);
      }
    }
    if (v === null) {
      this.exhaust(it);
      return null;
    }
    this.incref(v);
    return v;
  }

  private exhaust(it: PySeqIter): void {
    if (it.seq) {
      const s = it.seq;
      it.seq = null;
      this.decrefBy(s, [it, 'iterated']);
    }
  }

  abstract isExc(e: unknown, typeName: string): boolean;
  abstract clearRaise(e: unknown): void;
  abstract getitem(o: PyObject, key: PyObject): PyObject;

  rangeNext(it: PyRangeIter): PyObject | null {
    if (it.step > 0 ? it.next >= it.stop : it.next <= it.stop) return null;
    const v = it.next;
    it.next += it.step;
    return this.newInt(v);
  }

  /** materialize an iterable as owned references */
  iterToArray(o: PyObject): PyObject[] {
    if (o instanceof PyList || o instanceof PyTuple) {
      for (const x of o.items) this.incref(x);
      return [...o.items];
    }
    const it = this.iter(o);
    const out: PyObject[] = [];
    try {
      for (;;) {
        const v = this.next(it);
        if (!v) break;
        out.push(v);
        if ((out.length & 0xfff) === 0) this.checkMemory(out.length * 8);
      }
    } catch (e) {
      for (const x of out) this.decref(x);
      throw e;
    } finally {
      this.decref(it);
    }
    return out;
  }

  // ------------------------------------------------------------ numbers as JS values

  asIndex(o: PyObject, what = 'integer'): number {
    if (o instanceof PyInt) return Number(o.v);
    if (o instanceof PyFloat) this.typeError(`'float' object cannot be interpreted as an ${what}`);
    return this.typeError(`'${this.typeName(o)}' object cannot be interpreted as an ${what}`);
  }

  intValue(o: PyInt): I.IntV {
    return o instanceof PyBool ? (o === this.True ? 1 : 0) : o.v;
  }
}

