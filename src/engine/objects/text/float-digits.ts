// Decimal digits of an IEEE double, as David Gay's dtoa produces them for CPython: the shortest
// round-trip digits (mode 0) and correctly rounded (half-even on the exact binary value) digits with a
// number of significant digits (mode 2) or of digits after the point (mode 3). Trailing zeros are
// stripped, as dtoa does; `decpt` is the position of the decimal point relative to the digits.

export interface Digits {
  /** significant digits, no leading or trailing zeros ('' when the value rounded to zero in mode 3) */
  digits: string;
  /** value = 0.digits * 10**decpt */
  decpt: number;
  negative: boolean;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** x = mant * 2**exp exactly, mant >= 0 (x finite). */
export function decompose(x: number): { mant: bigint; exp: number } {
  f64[0] = x;
  const hi = u32[LITTLE ? 1 : 0];
  const lo = u32[LITTLE ? 0 : 1];
  const bexp = (hi >>> 20) & 0x7ff;
  const fracHi = hi & 0xfffff;
  let mant = (BigInt(fracHi) << 32n) | BigInt(lo);
  if (bexp === 0) return { mant, exp: -1074 };
  mant |= 1n << 52n;
  return { mant, exp: bexp - 1075 };
}

export function signBit(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** Shortest digits that round-trip (dtoa mode 0). */
export function shortestDigits(x: number): Digits {
  const negative = signBit(x);
  const a = Math.abs(x);
  if (a === 0) return { digits: '0', decpt: 1, negative };
  const s = a.toExponential();
  const ePos = s.indexOf('e');
  const mantissa = s.slice(0, ePos).replace('.', '');
  const exp10 = Number(s.slice(ePos + 1));
  return { digits: mantissa.replace(/0+$/, ''), decpt: exp10 + 1, negative };
}

const POW10_CACHE: bigint[] = [1n];
function pow10(n: number): bigint {
  if (n < 64) {
    while (POW10_CACHE.length <= n) POW10_CACHE.push(POW10_CACHE[POW10_CACHE.length - 1] * 10n);
    return POW10_CACHE[n];
  }
  return 10n ** BigInt(n);
}

/** round(num / den) with ties to even, num, den > 0 */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num - q * den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** The exact value |x| as num/den. */
function exactRatio(x: number): { num: bigint; den: bigint } {
  const { mant, exp } = decompose(x);
  if (exp >= 0) return { num: mant << BigInt(exp), den: 1n };
  return { num: mant, den: 1n << BigInt(-exp) };
}

/** Scale num/den by 10**k (k may be negative). */
function scale(num: bigint, den: bigint, k: number): { num: bigint; den: bigint } {
  return k >= 0 ? { num: num * pow10(k), den } : { num, den: den * pow10(-k) };
}

function stripZeros(d: string): string {
  let end = d.length;
  while (end > 0 && d.charCodeAt(end - 1) === 48) end--;
  return d.slice(0, end);
}

/** Correctly rounded digits: mode 2 = `ndigits` significant digits (>= 1), mode 3 = `ndigits` after the point. */
export function fixedDigits(x: number, mode: 2 | 3, ndigits: number): Digits {
  const negative = signBit(x);
  if (x === 0) return { digits: '0', decpt: 1, negative };
  const { num, den } = exactRatio(Math.abs(x));
  if (mode === 3) {
    const s = scale(num, den, ndigits);
    const q = roundHalfEven(s.num, s.den);
    if (q === 0n) return { digits: '', decpt: -ndigits, negative };
    const str = q.toString();
    return { digits: stripZeros(str), decpt: str.length - ndigits, negative };
  }
  // mode 2: find k with 10**k <= |x| < 10**(k+1)
  let k = Math.floor(Math.log10(Math.abs(x)));
  if (!Number.isFinite(k)) k = -324;
  for (;;) {
    const lo = scale(num, den, -k); // |x| / 10**k
    if (lo.num < lo.den) { k--; continue; }
    if (lo.num >= lo.den * 10n) { k++; continue; }
    break;
  }
  const s = scale(num, den, ndigits - 1 - k);
  let q = roundHalfEven(s.num, s.den);
  let decpt = k + 1;
  if (q === pow10(ndigits)) { q = pow10(ndigits - 1); decpt++; }
  return { digits: stripZeros(q.toString()), decpt, negative };
}
