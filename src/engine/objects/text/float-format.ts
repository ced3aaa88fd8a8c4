// CPython's PyOS_double_to_string / format_float_short (Python/pystrtod.c) over exact digits: repr(),
// str() and the 'e', 'f', 'g', 'r' renderings that format() and %-formatting build on.
import { fixedDigits, shortestDigits, type Digits } from './float-digits';

export interface DoubleFlags {
  /** '+' before non-negative values */
  sign?: boolean;
  /** add '.0' to a result that would look like an integer (repr, str, format without type) */
  addDot0?: boolean;
  /** '#': keep the decimal point and, for 'g', trailing zeros */
  alt?: boolean;
  /** 'z': a negative value that rounds to zero loses its sign */
  noNegZero?: boolean;
}

/**
 * code: 'e' 'E' 'f' 'F' 'g' 'G' or 'r' (repr; precision ignored).
 * precision is the user's precision (for 'e' the digits after the point).
 */
export function doubleToString(x: number, code: string, precision: number, flags: DoubleFlags = {}): string {
  const upper = code === 'E' || code === 'F' || code === 'G';
  const lc = code.toLowerCase();
  if (!Number.isFinite(x)) {
    let s = Number.isNaN(x) ? 'nan' : 'inf';
    if (upper) s = s.toUpperCase();
    if (x === -Infinity) return '-' + s;
    return flags.sign ? '+' + s : s;
  }
  let d: Digits;
  let prec = precision;
  switch (lc) {
    case 'e': prec = precision + 1; d = fixedDigits(x, 2, prec); break;
    case 'f': d = fixedDigits(x, 3, prec); break;
    case 'g': if (prec === 0) prec = 1; d = fixedDigits(x, 2, prec); break;
    default: d = shortestDigits(x); prec = 0; break;
  }
  return formatShort(d, lc, prec, flags, upper ? 'E' : 'e');
}

function zeros(n: number): string {
  return n > 0 ? '0'.repeat(n) : '';
}

function formatShort(d: Digits, code: string, precision: number, flags: DoubleFlags, eChar: string): string {
  const digits = d.digits;
  const digitsLen = digits.length;
  let decpt = d.decpt;
  let negative = d.negative;
  if (flags.noNegZero && negative && (digitsLen === 0 || digits === '0')) negative = false;
  let useExp = false;
  let vEnd = digitsLen;
  const addDot0 = !!flags.addDot0;
  const alt = !!flags.alt;
  switch (code) {
    case 'e': useExp = true; vEnd = precision; break;
    case 'f': vEnd = decpt + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    default:
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) { exp = decpt - 1; decpt = 1; }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = negative ? '-' : flags.sign ? '+' : '';
  if (decpt <= 0) out += zeros(decpt - vStart) + '.' + zeros(-decpt);
  else out += zeros(-vStart);
  if (decpt > 0 && decpt <= digitsLen) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (digitsLen < decpt) out += zeros(decpt - digitsLen) + '.' + zeros(vEnd - decpt);
  else out += zeros(vEnd - digitsLen);
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = Math.abs(exp);
    out += eChar + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
  }
  return out;
}

/** repr(x) for a float (also str(x) since Python 3.2). */
export function floatRepr(x: number): string {
  const a = Math.abs(x);
  // Fast path: in [1e-4, 1e16) Python and JS both print the shortest digits in fixed notation.
  if (a >= 1e-4 && a < 1e16) return Number.isInteger(x) ? String(x) + '.0' : String(x);
  return doubleToString(x, 'r', 0, { addDot0: true });
}
