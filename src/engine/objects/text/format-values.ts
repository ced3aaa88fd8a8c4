// format(value, spec) for str, int and float: CPython's __format__ of the three builtin types
// (Python/formatter_unicode.c) built on the spec parser and number layout of format-spec.ts.
import { pyError, minorOf, type PyError, type TextVersion } from './errors';
import { calcPadding, layoutNumber, parseFormatSpec, unknownType, type FormatSpec } from './format-spec';
import { doubleToString, floatRepr } from './float-format';
import { PyStrView } from './codepoints';

export interface FormatOptions {
  version?: TextVersion;
  /** the object's type name in error messages ('bool' for True, a subclass name...) */
  typeName?: string;
  /** str(obj), returned for an empty spec when obj is not exactly int/float/str (bool, subclasses) */
  str?: string;
}

const INT_MAX = 2147483647;
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

export function formatStr(s: string, spec: string, opts: FormatOptions = {}): string | PyError {
  if (spec === '') return opts.str ?? s;
  const f = parseFormatSpec(spec, 's', '<', opts.typeName ?? 'str', opts.version);
  if ('error' in f) return f;
  if (f.type !== 's') return unknownType(f.type, opts.typeName ?? 'str');
  if (f.sign === ' ') return pyError('ValueError', 'Space not allowed in string format specifier');
  if (f.sign !== '') return pyError('ValueError', 'Sign not allowed in string format specifier');
  if (f.noNegZero) return pyError('ValueError', 'Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) return pyError('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') return pyError('ValueError', "'=' alignment not allowed in string format specifier");
  const view = new PyStrView(s);
  let len = view.length;
  let body = s;
  if (f.precision >= 0 && len > f.precision) { len = f.precision; body = view.substring(0, len); }
  const [l, r] = calcPadding(len, f.width, f.align);
  return (l > 0 ? f.fill.repeat(l) : '') + body + (r > 0 ? f.fill.repeat(r) : '');
}

/** int → float as float(int) does, or OverflowError. */
export function intToFloat(v: bigint): number | PyError {
  const x = Number(v);
  if (!Number.isFinite(x)) return pyError('OverflowError', 'int too large to convert to float');
  return x;
}

export function formatInt(v: bigint, spec: string, opts: FormatOptions = {}): string | PyError {
  if (spec === '') return opts.str ?? v.toString();
  const typeName = opts.typeName ?? 'int';
  const f = parseFormatSpec(spec, 'd', '>', typeName, opts.version);
  if ('error' in f) return f;
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return formatLong(v, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      const x = intToFloat(v);
      if (typeof x !== 'number') return x;
      return formatFloatSpec(x, f);
    }
    default:
      return unknownType(f.type, typeName);
  }
}

function formatLong(v: bigint, f: FormatSpec): string | PyError {
  if (f.precision !== -1) return pyError('ValueError', 'Precision not allowed in integer format specifier');
  if (f.noNegZero) return pyError('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') return pyError('ValueError', "Sign not allowed with integer format specifier 'c'");
    if (f.alternate) return pyError('ValueError', "Alternate form (#) not allowed with integer format specifier 'c'");
    if (v > LONG_MAX || v < LONG_MIN) return pyError('OverflowError', 'Python int too large to convert to C long');
    if (v < 0n || v > 0x10ffffn) return pyError('OverflowError', '%c arg not in range(0x110000)');
    return layoutNumber(f, false, '', '', String.fromCodePoint(Number(v)));
  }
  const base = f.type === 'b' ? 2 : f.type === 'o' ? 8 : f.type === 'x' || f.type === 'X' ? 16 : 10;
  const negative = v < 0n;
  let digits = (negative ? -v : v).toString(base);
  let prefix = f.alternate && base !== 10 ? '0' + f.type.toLowerCase() : '';
  if (f.type === 'X') { digits = digits.toUpperCase(); prefix = prefix.toUpperCase(); }
  return layoutNumber(f, negative, prefix, digits, '');
}

export function formatFloat(x: number, spec: string, opts: FormatOptions = {}): string | PyError {
  if (spec === '') return opts.str ?? floatRepr(x);
  const typeName = opts.typeName ?? 'float';
  const f = parseFormatSpec(spec, '', '>', typeName, opts.version);
  if ('error' in f) return f;
  switch (f.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return formatFloatSpec(x, f);
    default:
      return unknownType(f.type, typeName);
  }
}

function formatFloatSpec(value: number, f: FormatSpec): string | PyError {
  if (f.precision > INT_MAX) return pyError('ValueError', 'precision too big');
  let type = f.type;
  let precision = f.precision;
  let defaultPrecision = 6;
  let addDot0 = false;
  let val = value;
  let addPct = false;
  if (type === '') { addDot0 = true; type = 'r'; defaultPrecision = 0; }
  if (type === 'n') type = 'g';
  if (type === '%') { type = 'f'; val *= 100; addPct = true; }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let s = doubleToString(val, type, precision, { addDot0, alt: f.alternate, noNegZero: f.noNegZero });
  if (addPct) s += '%';
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return layoutNumber(f, negative, '', s.slice(0, i), s.slice(i));
}

/** Whether a version accepts the 'z' option (3.11+); exposed for callers that pre-validate specs. */
export function supportsNoNegZero(version?: TextVersion): boolean {
  return minorOf(version) >= 11;
}
