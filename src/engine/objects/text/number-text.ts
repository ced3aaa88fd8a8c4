// int <-> text and float <- text with CPython's rules: str()/bin()/oct()/hex() of ints (with the 4300
// digit limit), int(str, base) (base 0 prefixes, underscores, Unicode digits and whitespace, sign) and
// float(str) (inf/nan spellings, underscores), with CPython's ValueError messages.
import { pyError, minorOf, type PyError, type TextVersion } from './errors';
import { strRepr } from './str-repr';
import { codePoints } from './codepoints';
import { decimalValue, isDecimalCp, isSpaceCp } from './unicode-props';

/** sys.get_int_max_str_digits() default */
export const INT_MAX_STR_DIGITS = 4300;

/** Digits of v in base 2..36, lowercase, '-' for negatives, no prefix. */
export function intToStr(v: bigint, base = 10): string {
  return v.toString(base);
}

export interface IntTextOptions {
  version?: TextVersion;
  /** sys.get_int_max_str_digits(); 0 = no limit */
  maxDigits?: number;
}

function limitText(opts: IntTextOptions): string {
  const max = opts.maxDigits ?? INT_MAX_STR_DIGITS;
  return minorOf(opts.version) >= 11 ? `${max} digits` : String(max);
}

/** str(v) / repr(v) of an int, with the 4300-digit limit of CPython 3.10.7+. */
export function intToDecimal(v: bigint, opts: IntTextOptions = {}): string | PyError {
  const s = v.toString();
  const digits = s.length - (v < 0n ? 1 : 0);
  const max = opts.maxDigits ?? INT_MAX_STR_DIGITS;
  if (max > 0 && digits > max) {
    return pyError('ValueError', `Exceeds the limit (${limitText(opts)}) for integer string conversion; `
      + 'use sys.set_int_max_str_digits() to increase the limit');
  }
  return s;
}

function prefixed(v: bigint, base: number, prefix: string): string {
  return v < 0n ? '-' + prefix + (-v).toString(base) : prefix + v.toString(base);
}

export const pyBin = (v: bigint): string => prefixed(v, 2, '0b');
export const pyOct = (v: bigint): string => prefixed(v, 8, '0o');
export const pyHex = (v: bigint): string => prefixed(v, 16, '0x');

/** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits → ASCII, whitespace → ' ', other non-ASCII → '?'. */
function toAsciiNumber(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const c of codePoints(s)) {
    const cp = c.codePointAt(0)!;
    if (cp < 128) out += c;
    else if (isSpaceCp(cp)) out += ' ';
    else if (isDecimalCp(cp)) out += String(decimalValue(cp));
    else out += '?';
  }
  return out;
}

function isAsciiSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\x0b' || c === '\x0c';
}

function digitValue(c: string | undefined): number {
  if (c === undefined) return 99;
  const x = c.charCodeAt(0);
  if (x >= 48 && x <= 57) return x - 48;
  if (x >= 97 && x <= 122) return x - 87;
  if (x >= 65 && x <= 90) return x - 55;
  return 99;
}

function truncatedRepr(s: string): string {
  const r = codePoints(strRepr(s));
  return r.length > 200 ? r.slice(0, 200).join('') : r.join('');
}

/** int(s, base) for a str argument (base 0 or 2..36). */
export function parseInt(s: string, base = 10, opts: IntTextOptions = {}): bigint | PyError {
  const maxDigits = opts.maxDigits ?? INT_MAX_STR_DIGITS;
  if ((base !== 0 && base < 2) || base > 36) return pyError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  const invalid = (): PyError => pyError('ValueError', `invalid literal for int() with base ${base}: ${truncatedRepr(s)}`);
  const t = toAsciiNumber(s);
  let i = 0;
  while (isAsciiSpace(t[i])) i++;
  let negative = false;
  if (t[i] === '+' || t[i] === '-') { negative = t[i] === '-'; i++; }
  let b = base;
  let oldOctal = false;
  if (b === 0) {
    if (t[i] !== '0') b = 10;
    else if (t[i + 1] === 'x' || t[i + 1] === 'X') b = 16;
    else if (t[i + 1] === 'o' || t[i + 1] === 'O') b = 8;
    else if (t[i + 1] === 'b' || t[i + 1] === 'B') b = 2;
    else { b = 10; oldOctal = true; }
  }
  let allowUnderscore = false;
  if (t[i] === '0' && ((b === 16 && (t[i + 1] === 'x' || t[i + 1] === 'X'))
    || (b === 8 && (t[i + 1] === 'o' || t[i + 1] === 'O')) || (b === 2 && (t[i + 1] === 'b' || t[i + 1] === 'B')))) {
    i += 2;
    allowUnderscore = true;
  }
  if (t[i] === '_' && allowUnderscore) i++;
  if (t[i] === '_') return invalid();
  const start = i;
  let digits = '';
  let prevUnderscore = false;
  while (i < t.length) {
    const c = t[i];
    if (c === '_') {
      if (prevUnderscore) return invalid();
      prevUnderscore = true;
      i++;
      continue;
    }
    if (digitValue(c) >= b) break;
    prevUnderscore = false;
    digits += c;
    i++;
  }
  if (prevUnderscore || i === start || digits.length === 0) return invalid();
  while (isAsciiSpace(t[i])) i++;
  if (i !== t.length) return invalid();
  if (oldOctal && /[^0]/.test(digits)) return invalid();
  if ((b & (b - 1)) !== 0 && maxDigits > 0 && digits.length > maxDigits) {
    return pyError('ValueError', `Exceeds the limit (${limitText(opts)}) for integer string conversion: `
      + `value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  let v = 0n;
  if (b === 10) v = BigInt(digits);
  else if (b === 16 || b === 8 || b === 2) v = BigInt((b === 16 ? '0x' : b === 8 ? '0o' : '0b') + digits);
  else {
    const bb = BigInt(b);
    for (const c of digits) v = v * bb + BigInt(digitValue(c));
  }
  return negative ? -v : v;
}

const FLOAT_RE = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** float(s) for a str argument. */
export function parseFloat(s: string): number | PyError {
  const fail = (): PyError => pyError('ValueError', `could not convert string to float: ${strRepr(s)}`);
  const t = toAsciiNumber(s).replace(/^[ \t\n\r\x0b\x0c]+|[ \t\n\r\x0b\x0c]+$/g, '');
  let u = t;
  if (t.includes('_')) {
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== '_') continue;
      if (!(i > 0 && digitValue(t[i - 1]) < 10 && digitValue(t[i + 1]) < 10)) return fail();
    }
    u = t.replace(/_/g, '');
  }
  if (!FLOAT_RE.test(u)) return fail();
  const lower = u.toLowerCase();
  const neg = lower.startsWith('-');
  const body = lower.replace(/^[+-]/, '');
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return neg ? -Infinity : Infinity;
  return Number(u);
}
