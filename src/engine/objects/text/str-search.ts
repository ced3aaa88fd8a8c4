// str searching with Python's semantics on JS strings: find/rfind/index/rindex/count/startswith/
// endswith with slice-style start/end in code points, replace with count, partition/rpartition,
// removeprefix/removesuffix. Indices in and out are code point indices.
import { pyError, type PyError } from './errors';
import { PyStrView, clampRange, hasSurrogates, pyLen } from './codepoints';

interface Region {
  /** UTF-16 bounds of the clamped [start, end) region, or undefined when end - start < len(sub) */
  ua: number;
  ub: number;
  /** code point bounds */
  a: number;
  b: number;
  view: PyStrView | undefined;
}

function region(s: string, sub: string, start: number | undefined, end: number | undefined): Region | undefined {
  const astral = hasSurrogates(s);
  const view = astral ? new PyStrView(s) : undefined;
  const len = view ? view.length : s.length;
  const [a, b] = clampRange(len, start, end);
  if (b - a < pyLen(sub)) return undefined;
  return { ua: view ? view.unitOffset(a) : a, ub: view ? view.unitOffset(b) : b, a, b, view };
}

function toCp(r: Region, unit: number): number {
  return r.view ? r.view.cpIndex(unit) : unit;
}

export function pyFind(s: string, sub: string, start?: number, end?: number): number {
  const r = region(s, sub, start, end);
  if (!r) return -1;
  if (sub.length === 0) return r.a;
  const i = s.indexOf(sub, r.ua);
  return i >= 0 && i + sub.length <= r.ub ? toCp(r, i) : -1;
}

export function pyRfind(s: string, sub: string, start?: number, end?: number): number {
  const r = region(s, sub, start, end);
  if (!r) return -1;
  if (sub.length === 0) return r.b;
  const i = s.lastIndexOf(sub, r.ub - sub.length);
  return i >= r.ua ? toCp(r, i) : -1;
}

export function pyIndex(s: string, sub: string, start?: number, end?: number): number | PyError {
  const i = pyFind(s, sub, start, end);
  return i < 0 ? pyError('ValueError', 'substring not found') : i;
}

export function pyRindex(s: string, sub: string, start?: number, end?: number): number | PyError {
  const i = pyRfind(s, sub, start, end);
  return i < 0 ? pyError('ValueError', 'substring not found') : i;
}

export function pyCount(s: string, sub: string, start?: number, end?: number): number {
  const r = region(s, sub, start, end);
  if (!r) return 0;
  if (sub.length === 0) return r.b - r.a + 1;
  let n = 0;
  let i = s.indexOf(sub, r.ua);
  while (i >= 0 && i + sub.length <= r.ub) {
    n++;
    i = s.indexOf(sub, i + sub.length);
  }
  return n;
}

function tailMatch(s: string, sub: string, start: number | undefined, end: number | undefined, atEnd: boolean): boolean {
  const view = hasSurrogates(s) ? new PyStrView(s) : undefined;
  const len = view ? view.length : s.length;
  const [a, b0] = clampRange(len, start, end);
  const subLen = pyLen(sub);
  const b = b0 - subLen;
  if (b < a) return false;
  if (subLen === 0) return true;
  const at = atEnd ? b : a;
  const u = view ? view.unitOffset(at) : at;
  return s.startsWith(sub, u);
}

export function pyStartswith(s: string, prefix: string | readonly string[], start?: number, end?: number): boolean {
  if (typeof prefix === 'string') return tailMatch(s, prefix, start, end, false);
  return prefix.some((p) => tailMatch(s, p, start, end, false));
}

export function pyEndswith(s: string, suffix: string | readonly string[], start?: number, end?: number): boolean {
  if (typeof suffix === 'string') return tailMatch(s, suffix, start, end, true);
  return suffix.some((p) => tailMatch(s, p, start, end, true));
}

/** s.replace(old, new, count); count < 0 means all. */
export function pyReplace(s: string, old: string, rep: string, count = -1): string {
  if (count === 0) return s;
  if (old.length === 0) {
    const cps = Array.from(s);
    const limit = count < 0 ? cps.length + 1 : Math.min(count, cps.length + 1);
    let out = '';
    for (let i = 0; i < cps.length; i++) out += (i < limit ? rep : '') + cps[i];
    return limit > cps.length ? out + rep : out;
  }
  if (count < 0) return s.split(old).join(rep);
  let out = '';
  let from = 0;
  for (let n = 0; n < count; n++) {
    const i = s.indexOf(old, from);
    if (i < 0) break;
    out += s.slice(from, i) + rep;
    from = i + old.length;
  }
  return out + s.slice(from);
}

export function pyPartition(s: string, sep: string): [string, string, string] | PyError {
  if (sep.length === 0) return pyError('ValueError', 'empty separator');
  const i = s.indexOf(sep);
  return i < 0 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)];
}

export function pyRpartition(s: string, sep: string): [string, string, string] | PyError {
  if (sep.length === 0) return pyError('ValueError', 'empty separator');
  const i = s.lastIndexOf(sep);
  return i < 0 ? ['', '', s] : [s.slice(0, i), sep, s.slice(i + sep.length)];
}

export function pyRemoveprefix(s: string, prefix: string): string {
  return prefix.length > 0 && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

export function pyRemovesuffix(s: string, suffix: string): string {
  return suffix.length > 0 && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}
