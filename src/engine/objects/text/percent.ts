// printf-style formatting, str % args, as PyUnicode_Format in CPython (Objects/unicodeobject.c):
// flags - + space # 0, width and precision (or '*'), %(key) lookups in a mapping, conversions
// s r a d i u o x X e E f F g G c %, and CPython's TypeError/ValueError messages. The operands are
// opaque values of the caller's object model; callbacks convert them.
import { pyError, isPyError, type PyError } from './errors';
import { asciiEscape } from './str-repr';
import { doubleToString } from './float-format';
import { intToFloat } from './format-values';
import { codePoints } from './codepoints';

/** What an operand is, as far as %-formatting cares. */
export type PercentNumber =
  | { kind: 'int'; value: bigint } // int, bool, or an object with __index__
  | { kind: 'float'; value: number } // a real number that is not an int (float, or __float__ only)
  | { kind: 'str'; value: string }
  | { kind: 'other' };

export interface PercentCallbacks<T> {
  str(v: T): string | PyError;
  repr(v: T): string | PyError;
  typeName(v: T): string;
  classify(v: T): PercentNumber | PyError;
  /** mapping[key]; a KeyError (message = repr of the key) when missing */
  getItem(mapping: T, key: string): T | PyError;
}

/** The right operand of %: a tuple's items, a mapping (dict or any non-tuple, non-str mapping), or one value. */
export type PercentArgs<T> =
  | { kind: 'tuple'; items: readonly T[] }
  | { kind: 'mapping'; value: T }
  | { kind: 'single'; value: T };

const F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16;
const PY_SSIZE_T_MAX = 9223372036854775807n;
const INT_MAX = 2147483647;

class Ctx<T> {
  args: PercentArgs<T>;
  current: T | undefined;
  arglen: number;
  argidx: number;
  readonly dict: T | undefined;

  constructor(args: PercentArgs<T>) {
    this.args = args;
    if (args.kind === 'tuple') { this.arglen = args.items.length; this.argidx = 0; this.current = undefined; }
    else { this.arglen = -1; this.argidx = -2; this.current = args.value; }
    this.dict = args.kind === 'mapping' ? args.value : undefined;
  }

  next(): T | PyError {
    if (this.argidx < this.arglen) {
      const idx = this.argidx++;
      if (this.arglen < 0) return this.current!;
      return (this.args as { items: readonly T[] }).items[idx];
    }
    return pyError('TypeError', 'not enough arguments for format string');
  }
}

export function percentFormat<T>(fmt: string, args: PercentArgs<T>, cb: PercentCallbacks<T>): string | PyError {
  const ctx = new Ctx(args);
  const f = codePoints(fmt);
  let out = '';
  let pos = 0;
  while (pos < f.length) {
    if (f[pos] !== '%') { out += f[pos++]; continue; }
    pos++;
    const r = formatOne(f, pos, ctx, cb);
    if (isPyError(r)) return r;
    out += r.text;
    pos = r.pos;
  }
  if (ctx.argidx < ctx.arglen && ctx.dict === undefined) {
    return pyError('TypeError', 'not all arguments converted during string formatting');
  }
  return out;
}

interface Spec {
  flags: number;
  width: number;
  prec: number;
  ch: string;
}

function formatOne<T>(f: string[], start: number, ctx: Ctx<T>, cb: PercentCallbacks<T>): { text: string; pos: number } | PyError {
  let pos = start;
  let cnt = f.length - pos; // characters left, as fmtcnt
  const spec: Spec = { flags: 0, width: -1, prec: -1, ch: '' };
  if (f[pos] === '%') return { text: '%', pos: pos + 1 };
  if (f[pos] === '(') {
    if (ctx.dict === undefined) return pyError('TypeError', 'format requires a mapping');
    pos++; cnt--;
    const keyStart = pos;
    let pcount = 1;
    while (pcount > 0 && --cnt >= 0) {
      if (f[pos] === ')') pcount--;
      else if (f[pos] === '(') pcount++;
      pos++;
    }
    if (cnt < 0 || pcount > 0) return pyError('ValueError', 'incomplete format key');
    const key = f.slice(keyStart, pos - 1).join('');
    const v = cb.getItem(ctx.dict, key);
    if (isPyError(v)) return v;
    ctx.current = v; ctx.arglen = -1; ctx.argidx = -2;
  }
  const read = (): void => { spec.ch = f[pos++]; };
  while (--cnt >= 0) {
    read();
    const fl = spec.ch === '-' ? F_LJUST : spec.ch === '+' ? F_SIGN : spec.ch === ' ' ? F_BLANK
      : spec.ch === '#' ? F_ALT : spec.ch === '0' ? F_ZERO : 0;
    if (fl === 0) break;
    spec.flags |= fl;
  }
  if (spec.ch === '*') {
    const v = starArg(ctx, cb, 'ssize_t');
    if (isPyError(v)) return v;
    spec.width = v;
    if (spec.width < 0) { spec.flags |= F_LJUST; spec.width = -spec.width; }
    if (--cnt >= 0) read();
  } else if (spec.ch >= '0' && spec.ch <= '9') {
    spec.width = spec.ch.charCodeAt(0) - 48;
    while (--cnt >= 0) {
      read();
      if (!(spec.ch >= '0' && spec.ch <= '9')) break;
      const d = spec.ch.charCodeAt(0) - 48;
      if (BigInt(spec.width) * 10n + BigInt(d) > PY_SSIZE_T_MAX) return pyError('ValueError', 'width too big');
      spec.width = spec.width * 10 + d;
    }
  }
  if (spec.ch === '.') {
    spec.prec = 0;
    if (--cnt >= 0) read();
    if (current(spec) === '*') {
      const v = starArg(ctx, cb, 'int');
      if (isPyError(v)) return v;
      spec.prec = v < 0 ? 0 : v;
      if (--cnt >= 0) read();
    } else if (spec.ch >= '0' && spec.ch <= '9') {
      spec.prec = spec.ch.charCodeAt(0) - 48;
      while (--cnt >= 0) {
        read();
        if (!(spec.ch >= '0' && spec.ch <= '9')) break;
        const d = spec.ch.charCodeAt(0) - 48;
        if (spec.prec > (INT_MAX - d) / 10) return pyError('ValueError', 'precision too big');
        spec.prec = spec.prec * 10 + d;
      }
    }
  }
  if (cnt >= 0 && (spec.ch === 'h' || spec.ch === 'l' || spec.ch === 'L')) {
    if (--cnt >= 0) read();
  }
  if (cnt < 0) return pyError('ValueError', 'incomplete format');
  const text = convert(spec, ctx, cb, pos - 1);
  if (isPyError(text)) return text;
  return { text, pos };
}

/** spec.ch, re-read (the parser's read() changes it behind the type checker's back) */
function current(spec: Spec): string {
  return spec.ch;
}

function starArg<T>(ctx: Ctx<T>, cb: PercentCallbacks<T>, cType: 'int' | 'ssize_t'): number | PyError {
  const v = ctx.next();
  if (isPyError(v)) return v;
  const n = cb.classify(v);
  if (isPyError(n)) return n;
  if (n.kind !== 'int') return pyError('TypeError', '* wants int');
  const max = cType === 'int' ? BigInt(INT_MAX) : PY_SSIZE_T_MAX;
  if (n.value > max || n.value < -max - 1n) return pyError('OverflowError', `Python int too large to convert to C ${cType}`);
  return Number(n.value);
}

function convert<T>(spec: Spec, ctx: Ctx<T>, cb: PercentCallbacks<T>, index: number): string | PyError {
  const ch = spec.ch;
  const v = ctx.next();
  if (isPyError(v)) return v;
  let body: string | PyError;
  let numeric = false;
  switch (ch) {
    case 's': body = cb.str(v); break;
    case 'r': body = cb.repr(v); break;
    case 'a': { const r = cb.repr(v); body = isPyError(r) ? r : asciiEscape(r); break; }
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
      numeric = true; body = formatLong(v, spec, cb); break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      numeric = true; body = formatFloatArg(v, spec, cb); break;
    case 'c': body = formatChar(v, cb); break;
    default: {
      const cp = ch.codePointAt(0)!;
      const shown = cp >= 31 && cp <= 126 ? ch : '?';
      return pyError('ValueError', `unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${index}`);
    }
  }
  if (isPyError(body)) return body;
  return output(body, spec, numeric);
}

function formatLong<T>(v: T, spec: Spec, cb: PercentCallbacks<T>): string | PyError {
  const type = spec.ch;
  const n = cb.classify(v);
  if (isPyError(n)) return n;
  let value: bigint;
  const wrong = (): PyError => pyError('TypeError', type === 'o' || type === 'x' || type === 'X'
    ? `%${type} format: an integer is required, not ${cb.typeName(v)}`
    : `%${type} format: a real number is required, not ${cb.typeName(v)}`);
  if (n.kind === 'int') value = n.value;
  else if (n.kind === 'float') {
    if (type === 'o' || type === 'x' || type === 'X') return wrong();
    if (Number.isNaN(n.value)) return pyError('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(n.value)) return pyError('OverflowError', 'cannot convert float infinity to integer');
    value = BigInt(Math.trunc(n.value));
  } else return wrong();
  const base = type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString(base);
  if (spec.prec > digits.length) digits = '0'.repeat(spec.prec - digits.length) + digits;
  let prefix = (spec.flags & F_ALT) !== 0 && base !== 10 ? '0' + type : '';
  if (type === 'X') { digits = digits.toUpperCase(); prefix = prefix.toUpperCase(); }
  return (negative ? '-' : '') + prefix + digits;
}

function formatFloatArg<T>(v: T, spec: Spec, cb: PercentCallbacks<T>): string | PyError {
  const n = cb.classify(v);
  if (isPyError(n)) return n;
  let x: number;
  if (n.kind === 'float') x = n.value;
  else if (n.kind === 'int') {
    const f = intToFloat(n.value);
    if (isPyError(f)) return f;
    x = f;
  } else return pyError('TypeError', `must be real number, not ${cb.typeName(v)}`);
  const prec = spec.prec < 0 ? 6 : spec.prec;
  return doubleToString(x, spec.ch, prec, { alt: (spec.flags & F_ALT) !== 0 });
}

function formatChar<T>(v: T, cb: PercentCallbacks<T>): string | PyError {
  const n = cb.classify(v);
  if (isPyError(n)) return n;
  if (n.kind === 'str') {
    const cps = codePoints(n.value);
    if (cps.length === 1) return cps[0];
  } else if (n.kind === 'int') {
    if (n.value < 0n || n.value > 0x10ffffn) return pyError('OverflowError', '%c arg not in range(0x110000)');
    return String.fromCodePoint(Number(n.value));
  }
  return pyError('TypeError', '%c requires int or char');
}

/** unicode_format_arg_output: sign, '0x' prefix, zero or space padding, precision truncation for s/r/a. */
function output(str: string, spec: Spec, numeric: boolean): string {
  let cps = codePoints(str);
  if ((spec.ch === 's' || spec.ch === 'r' || spec.ch === 'a') && spec.prec >= 0 && cps.length > spec.prec) {
    cps = cps.slice(0, spec.prec);
  }
  let sign = numeric;
  const fill = sign && (spec.flags & F_ZERO) !== 0 ? '0' : ' ';
  let p = 0;
  let len = cps.length;
  let signchar = '';
  if (sign) {
    const c = cps[0];
    if (c === '-' || c === '+') { signchar = c; len--; p++; }
    else if (spec.flags & F_SIGN) signchar = '+';
    else if (spec.flags & F_BLANK) signchar = ' ';
    else sign = false;
  }
  let width = spec.width < len ? len : spec.width;
  let out = '';
  if (sign) {
    if (fill !== ' ') out += signchar;
    if (width > len) width--;
  }
  const alt = (spec.flags & F_ALT) !== 0 && (spec.ch === 'x' || spec.ch === 'X' || spec.ch === 'o');
  if (alt) {
    if (fill !== ' ') { out += cps[p] + cps[p + 1]; p += 2; }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && (spec.flags & F_LJUST) === 0) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === ' ') {
    if (sign) out += signchar;
    if (alt) { out += cps[p] + cps[p + 1]; p += 2; }
  }
  out += cps.slice(p, p + len).join('');
  if (width > len) out += ' '.repeat(width - len);
  return out;
}
