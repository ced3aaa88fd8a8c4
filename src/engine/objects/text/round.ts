// round() of floats and ints as CPython computes it: round(x) is half-to-even to an int,
// round(x, n) rounds the exact binary value to n decimal places through correctly rounded digits
// (float___round___impl / double_round in Objects/floatobject.c), round(int, n) uses divmod_near.
import { pyError, type PyError } from './errors';
import { fixedDigits } from './float-digits';

const NDIGITS_MAX = 323; // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103
const NDIGITS_MIN = -308; // -(DBL_MAX_EXP + 1) * 0.30103

/** round(x) for a float: the nearest int, ties to even. */
export function floatRoundToInt(x: number): bigint | PyError {
  if (Number.isNaN(x)) return pyError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) return pyError('OverflowError', 'cannot convert float infinity to integer');
  let r = Math.floor(x);
  const diff = x - r;
  if (diff > 0.5 || (diff === 0.5 && r % 2 !== 0)) r += 1;
  return BigInt(r);
}

/** round(x, ndigits) for a float. */
export function floatRound(x: number, ndigits: number): number | PyError {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return 0 * x;
  const d = fixedDigits(x, 3, ndigits);
  const rounded = d.digits === '' ? 0 : Number(`0.${d.digits}e${d.decpt}`);
  if (!Number.isFinite(rounded)) return pyError('OverflowError', 'rounded value too large to represent');
  return d.negative ? -rounded : rounded;
}

/** round(v, ndigits) for an int. */
export function intRound(v: bigint, ndigits: number | bigint): bigint {
  const nd = BigInt(ndigits);
  if (nd >= 0n) return v;
  const p = 10n ** -nd;
  // divmod_near: remainder r in [-p/2, p/2], ties to even quotient
  let q = v / p;
  let r = v % p;
  if (r < 0n) { r += p; q -= 1n; }
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) q += 1n;
  return q * p;
}
