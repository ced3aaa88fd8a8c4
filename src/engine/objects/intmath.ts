// Arbitrary-size integer arithmetic with Python semantics (floor division, modulo sign, shifts, pow),
// on JS numbers while they are safe integers and on bigint beyond.
export type IntV = number | bigint;

export function norm(v: bigint): IntV {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}
export function big(v: IntV): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function add(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) + big(b));
}
export function sub(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) - big(b));
}
export function mul(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return norm(big(a) * big(b));
}
/** floor division; caller checks b != 0 */
export function floordiv(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= 2 ** 52 && Math.abs(b) <= 2 ** 52) {
    const q = Math.floor(a / b);
    return q === 0 ? 0 : q;
  }
  return norm(bigFloorDiv(big(a), big(b)));
}
export function mod(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const m = a % b;
    return m !== 0 && (m < 0) !== (b < 0) ? m + b : m === 0 ? 0 : m;
  }
  const A = big(a);
  const B = big(b);
  const m = A % B;
  return norm(m !== 0n && (m < 0n) !== (B < 0n) ? m + B : m);
}
function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}
export function neg(a: IntV): IntV {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : norm(-a);
}
export function invert(a: IntV): IntV {
  return sub(neg(a), 1);
}
export function pow(a: IntV, b: IntV): IntV {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) ** big(b));
}
export function lshift(a: IntV, b: IntV): IntV {
  return norm(big(a) << big(b));
}
export function rshift(a: IntV, b: IntV): IntV {
  return norm(big(a) >> big(b));
}
export function and(a: IntV, b: IntV): IntV {
  return norm(big(a) & big(b));
}
export function or(a: IntV, b: IntV): IntV {
  return norm(big(a) | big(b));
}
export function xor(a: IntV, b: IntV): IntV {
  return norm(big(a) ^ big(b));
}
export function cmp(a: IntV, b: IntV): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const A = big(a);
  const B = big(b);
  return A < B ? -1 : A > B ? 1 : 0;
}
export function toFloat(a: IntV): number {
  return typeof a === 'number' ? a : Number(a);
}
/** bit length of |a| */
export function bitLength(a: IntV): number {
  const v = big(a);
  return (v < 0n ? -v : v).toString(2).length - (v === 0n ? 1 : 0);
}
/** true division of ints, correctly rounded as CPython does */
export function truediv(a: IntV, b: IntV): number {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) < 2 ** 53 && Math.abs(b) < 2 ** 53) return a / b;
  const A = big(a);
  const B = big(b);
  const neg = (A < 0n) !== (B < 0n);
  let n = A < 0n ? -A : A;
  const d = B < 0n ? -B : B;
  // scale so the quotient has 64+ significant bits, then round once
  const shift = Math.max(0, 66 - (n.toString(2).length - d.toString(2).length));
  n <<= BigInt(shift);
  const q = n / d;
  const r = n % d;
  const qf = Number(q) + (r * 2n >= d ? 0 : 0);
  const v = qf / 2 ** shift;
  return neg ? -v : v;
}
