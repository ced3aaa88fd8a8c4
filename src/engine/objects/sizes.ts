// sys.getsizeof per profile for the builtin layouts whose size depends on their contents: ints (30-bit
// digits), str (compact ascii / latin-1 / UCS-2 / UCS-4), list (allocated slots), tuple, dict (keys table
// size and kind), set (hash table size). Measured against each interpreter by test/oracle.
import type { Profile } from '../profiles';
import type { PyDict } from './model';

export function intDigits(v: number | bigint): number {
  if (typeof v === 'number') {
    const m = Math.abs(v);
    if (m === 0) return 0;
    if (m < 2 ** 30) return 1;
    if (m < 2 ** 60) return 2;
  }
  let a = typeof v === 'bigint' ? (v < 0n ? -v : v) : BigInt(Math.abs(v));
  let n = 0;
  while (a > 0n) {
    a >>= 30n;
    n++;
  }
  return n;
}

export function intSize(p: Profile, v: number | bigint): number {
  const d = intDigits(v);
  if (d === 0) return p.sizes.intZero;
  return p.sizes.intBase + 4 * d;
}

/** widest code point class: 0 ascii, 1 latin-1, 2 UCS-2, 4 UCS-4 */
export function strKind(s: string): 0 | 1 | 2 | 4 {
  let kind: 0 | 1 | 2 | 4 = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) continue;
    if (c >= 0xd800 && c <= 0xdbff) return 4;
    if (c < 256) {
      if (kind < 1) kind = 1;
    } else if (kind < 2) kind = 2;
  }
  return kind;
}

export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/**
 * sys.getsizeof(str). Non-ascii strings created from source (or printed) also carry a cached UTF-8
 * copy, which 3.12+ count; `utf8Cached` says whether that copy exists.
 */
export function strSize(p: Profile, s: string, utf8Cached = false): number {
  const kind = strKind(s);
  const n = codePointLength(s);
  if (kind === 0) return p.sizes.strAsciiHeader + n + 1;
  const charSize = kind === 1 ? 1 : kind;
  let size = p.sizes.strCompactHeader + (n + 1) * charSize;
  if (utf8Cached) size += new TextEncoder().encode(s).length + 1;
  return size;
}

export function listSize(p: Profile, allocated: number): number {
  return p.sizes.list + 8 * allocated;
}

export function tupleSize(p: Profile, n: number): number {
  return p.sizes.tuple + 8 * n;
}

/** usable entries of a keys table of this size (USABLE_FRACTION) */
export function usable(tableSize: number): number {
  return ((tableSize << 1) / 3) | 0;
}

export function dictSize(p: Profile, d: PyDict): number {
  if (d.tableSize === 0) return p.sizes.dictEmpty;
  const entry = d.unicodeKeys ? p.dictUnicodeEntrySize : p.dictEntrySize;
  const indexBytes = d.tableSize <= 0x80 ? 1 : d.tableSize <= 0x8000 ? 2 : d.tableSize <= 0x80000000 ? 4 : 8;
  const header = p.version === '3.10' ? 40 : 32;
  return p.sizes.dictEmpty + header + d.tableSize * indexBytes + usable(d.tableSize) * entry;
}

export function setSize(p: Profile, mask: number): number {
  return mask + 1 <= 8 ? p.sizes.set : p.sizes.set + (mask + 1) * 16;
}
