// Python indexes str by code point, JS by UTF-16 unit. These helpers give Python's view of a JS
// string: O(1) length/indexing when the string has no surrogates (the common case), an offset table
// otherwise. A lone surrogate counts as one code point, as it does in Python.

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** The code points of s, each as a string (1 or 2 UTF-16 units). */
export function codePoints(s: string): string[] {
  if (!hasSurrogates(s)) return s.split('');
  return Array.from(s);
}

/** Python len(s). */
export function pyLen(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _c of s) n++;
  return n;
}

/** Python ord() of a one-code-point string. */
export function ord(c: string): number {
  return c.codePointAt(0)!;
}

/** Python chr(); the caller checks 0 <= cp <= 0x10FFFF. */
export function chr(cp: number): string {
  return String.fromCodePoint(cp);
}

/** Python's str ordering (by code point; JS compares UTF-16 units): -1, 0 or 1. */
export function pyStrCompare(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  if (!hasSurrogates(a) || !hasSurrogates(b)) {
    // one side is surrogate-free: the first differing unit decides, read as the code point it starts
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x !== y) return codeAt(a, i, x) < codeAt(b, i, y) ? -1 : 1;
    }
    return a.length < b.length ? -1 : 1;
  }
  const ca = a[Symbol.iterator]();
  const cb = b[Symbol.iterator]();
  for (;;) {
    const x = ca.next();
    const y = cb.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    if (x.value !== y.value) {
      const p = x.value.codePointAt(0)!;
      const q = y.value.codePointAt(0)!;
      if (p !== q) return p < q ? -1 : 1;
      return x.value.length < y.value.length ? -1 : 1;
    }
  }
}

/** The code point starting at unit i (whose value is u): an astral one when u leads a surrogate pair. */
function codeAt(s: string, i: number, u: number): number {
  if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 0x10000 + ((u - 0xd800) << 10) + (d - 0xdc00);
  }
  return u;
}

/** How CPython stores a str (PEP 393): bytes per character and whether it is compact ASCII. */
export interface StrStorage {
  length: number;
  /** 1 (Latin-1), 2 (UCS-2) or 4 (UCS-4) bytes per character */
  kind: 1 | 2 | 4;
  ascii: boolean;
}

export function strStorage(s: string): StrStorage {
  let max = 0;
  let astral = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { astral = true; i++; }
    }
  }
  const length = astral ? pyLen(s) : s.length;
  if (astral) return { length, kind: 4, ascii: false };
  return { length, kind: max < 256 ? 1 : 2, ascii: max < 128 };
}

/** Normalized (start, stop, step) and slice length, as PySlice_GetIndicesEx computes them. */
export interface SliceBounds {
  start: number;
  stop: number;
  step: number;
  length: number;
}

/** PySlice_AdjustIndices for a sequence of `len` items; undefined = None. step must not be 0. */
export function sliceBounds(len: number, start: number | undefined, stop: number | undefined,
  step: number | undefined): SliceBounds {
  const st = step ?? 1;
  let a: number;
  let b: number;
  if (st > 0) {
    a = start === undefined ? 0 : start < 0 ? Math.max(start + len, 0) : Math.min(start, len);
    b = stop === undefined ? len : stop < 0 ? Math.max(stop + len, 0) : Math.min(stop, len);
  } else {
    a = start === undefined ? len - 1 : start < 0 ? Math.max(start + len, -1) : Math.min(start, len - 1);
    b = stop === undefined ? -1 : stop < 0 ? Math.max(stop + len, -1) : Math.min(stop, len - 1);
  }
  let length = 0;
  if (st > 0) { if (a < b) length = Math.floor((b - a - 1) / st) + 1; }
  else if (b < a) length = Math.floor((a - b - 1) / -st) + 1;
  return { start: a, stop: b, step: st, length };
}

/** The (start, end) of Python's find/count/startswith slice arguments, clamped to [0, len]. */
export function clampRange(len: number, start: number | undefined, end: number | undefined): [number, number] {
  let a = start ?? 0;
  let b = end ?? len;
  if (b > len) b = len;
  else if (b < 0) { b += len; if (b < 0) b = 0; }
  if (a < 0) { a += len; if (a < 0) a = 0; }
  return [a, b];
}

/**
 * Python's view of one JS string. Build it once per str object: `length`, `at`, `slice` are O(1)/O(k)
 * for strings without surrogates; strings with astral characters use a code-point offset table.
 */
export class PyStrView {
  readonly s: string;
  readonly length: number;
  /** UTF-16 offset of each code point, plus one past the end; undefined when the string is BMP-only */
  private readonly offsets: Uint32Array | undefined;

  constructor(s: string) {
    this.s = s;
    if (!hasSurrogates(s)) {
      this.length = s.length;
      this.offsets = undefined;
      return;
    }
    const offs: number[] = [];
    let i = 0;
    while (i < s.length) {
      offs.push(i);
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
      } else i++;
    }
    offs.push(s.length);
    this.offsets = Uint32Array.from(offs);
    this.length = offs.length - 1;
  }

  get isAstral(): boolean {
    return this.offsets !== undefined;
  }

  /** UTF-16 offset of code point index i (0 <= i <= length). */
  unitOffset(i: number): number {
    return this.offsets === undefined ? i : this.offsets[i];
  }

  /** Code point index of a UTF-16 offset that starts a code point (or is the end). */
  cpIndex(unit: number): number {
    const o = this.offsets;
    if (o === undefined) return unit;
    let lo = 0, hi = o.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (o[mid] < unit) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** s[i] with Python's negative indexing; undefined when out of range (IndexError). */
  at(i: number): string | undefined {
    const k = i < 0 ? i + this.length : i;
    if (k < 0 || k >= this.length) return undefined;
    if (this.offsets === undefined) return this.s[k];
    return this.s.slice(this.offsets[k], this.offsets[k + 1]);
  }

  /** s[a:b] for already-normalized code point bounds 0 <= a <= b <= length. */
  substring(a: number, b: number): string {
    if (b <= a) return '';
    return this.s.slice(this.unitOffset(a), this.unitOffset(b));
  }

  /** s[start:stop:step] with Python's rules; undefined = None; step must not be 0 (ValueError). */
  slice(start?: number, stop?: number, step?: number): string {
    const b = sliceBounds(this.length, start, stop, step);
    if (b.length <= 0) return '';
    if (b.step === 1) return this.substring(b.start, b.start + b.length);
    let out = '';
    for (let i = 0, k = b.start; i < b.length; i++, k += b.step) out += this.at(k)!;
    return out;
  }

  *[Symbol.iterator](): IterableIterator<string> {
    if (this.offsets === undefined) { for (let i = 0; i < this.s.length; i++) yield this.s[i]; return; }
    for (let i = 0; i < this.length; i++) yield this.s.slice(this.offsets[i], this.offsets[i + 1]);
  }
}
