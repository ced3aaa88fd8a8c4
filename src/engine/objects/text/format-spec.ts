// The format-spec mini-language (PEP 3101) as CPython parses it (Python/formatter_unicode.c):
// [[fill]align][sign]['z']['#']['0'][width][grouping]['.' precision][type], plus the number layout
// (sign, prefix, zero padding through the digit grouping, alignment) shared by int and float.
import { pyError, minorOf, type PyError, type TextVersion } from './errors';
import { codePoints } from './codepoints';
import { decimalValue } from './unicode-props';

export type Grouping = '' | ',' | '_' | '_4';

export interface FormatSpec {
  fill: string;
  align: string;
  sign: string;
  noNegZero: boolean;
  alternate: boolean;
  width: number;
  grouping: Grouping;
  precision: number;
  type: string;
}

const PY_SSIZE_T_MAX = 9223372036854775807n;

function isAlign(c: string | undefined): boolean {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

function describe(type: string): string {
  const cp = type.codePointAt(0)!;
  return cp > 32 && cp < 128 ? type : '\\x' + cp.toString(16);
}

function readInt(cps: string[], pos: number): { value: number; next: number } | PyError {
  let acc = 0n;
  let p = pos;
  let d: number;
  while (p < cps.length && (d = decimalValue(cps[p].codePointAt(0)!)) >= 0) {
    acc = acc * 10n + BigInt(d);
    if (acc > PY_SSIZE_T_MAX) return pyError('ValueError', 'Too many decimal digits in format string');
    p++;
  }
  return { value: p === pos ? -1 : Number(acc), next: p };
}

/**
 * Parse a spec for an object whose type name is `typeName` (used in the 3.11+ error message).
 */
export function parseFormatSpec(spec: string, defaultType: string, defaultAlign: string, typeName: string,
  version?: TextVersion): FormatSpec | PyError {
  const cps = codePoints(spec);
  const end = cps.length;
  const f: FormatSpec = {
    fill: ' ', align: defaultAlign, sign: '', noNegZero: false, alternate: false, width: -1, grouping: '',
    precision: -1, type: defaultType,
  };
  let pos = 0;
  let fillSpecified = false;
  let alignSpecified = false;
  if (end - pos >= 2 && isAlign(cps[pos + 1])) {
    f.align = cps[pos + 1]; f.fill = cps[pos]; fillSpecified = true; alignSpecified = true; pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos])) {
    f.align = cps[pos]; alignSpecified = true; pos++;
  }
  if (pos < end && (cps[pos] === ' ' || cps[pos] === '+' || cps[pos] === '-')) f.sign = cps[pos++];
  if (minorOf(version) >= 11 && pos < end && cps[pos] === 'z') { f.noNegZero = true; pos++; }
  if (pos < end && cps[pos] === '#') { f.alternate = true; pos++; }
  if (!fillSpecified && pos < end && cps[pos] === '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign === '>') f.align = '=';
    pos++;
  }
  const w = readInt(cps, pos);
  if ('error' in w) return w;
  f.width = w.value; pos = w.next;
  if (pos < end && cps[pos] === ',') { f.grouping = ','; pos++; }
  if (pos < end && cps[pos] === '_') {
    if (f.grouping !== '') return pyError('ValueError', "Cannot specify both ',' and '_'.");
    f.grouping = '_'; pos++;
  }
  if (pos < end && cps[pos] === ',') return pyError('ValueError', "Cannot specify both ',' and '_'.");
  if (pos < end && cps[pos] === '.') {
    pos++;
    const p = readInt(cps, pos);
    if ('error' in p) return p;
    if (p.value < 0) return pyError('ValueError', 'Format specifier missing precision');
    f.precision = p.value; pos = p.next;
  }
  if (end - pos > 1) {
    if (minorOf(version) >= 11) {
      return pyError('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
    }
    return pyError('ValueError', 'Invalid format specifier');
  }
  if (end - pos === 1) f.type = cps[pos];
  if (f.grouping !== '') {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '':
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.grouping !== '_') return invalidGrouping(f);
        f.grouping = '_4';
        break;
      default:
        return invalidGrouping(f);
    }
  }
  return f;
}

function invalidGrouping(f: FormatSpec): PyError {
  return pyError('ValueError', `Cannot specify '${f.grouping}' with '${describe(f.type)}'.`);
}

export function unknownType(type: string, typeName: string): PyError {
  return pyError('ValueError', `Unknown format code '${describe(type)}' for object of type '${typeName}'`);
}

/** Pad `len` code points of content to the width: [left, right] padding counts. */
export function calcPadding(len: number, width: number, align: string): [number, number] {
  const total = width >= 0 && width > len ? width : len;
  let left = 0;
  if (align === '>') left = total - len;
  else if (align === '^') left = Math.floor((total - len) / 2);
  return [left, total - len - left];
}

/** _PyUnicode_InsertThousandsGrouping: digits grouped from the right, zero-filled up to minWidth. */
export function groupDigits(digits: string, minWidth: number, grouping: Grouping): string {
  const sep = grouping === ',' ? ',' : grouping === '' ? '' : '_';
  const size = grouping === '' ? 0 : grouping === '_4' ? 4 : 3;
  const parts: string[] = [];
  let remaining = digits.length;
  let mw = minWidth;
  let broken = false;
  if (size > 0) {
    for (;;) {
      const l = Math.min(size, Math.max(remaining, mw, 1));
      const nZeros = Math.max(0, l - remaining);
      const nChars = Math.max(0, Math.min(remaining, l));
      parts.push(zeros(nZeros) + digits.slice(remaining - nChars, remaining));
      remaining -= nChars;
      mw -= l;
      if (remaining <= 0 && mw <= 0) { broken = true; break; }
      mw -= sep.length;
    }
  }
  if (!broken) {
    const l = Math.max(remaining, mw, 1);
    const nZeros = Math.max(0, l - remaining);
    const nChars = Math.max(0, Math.min(remaining, l));
    parts.push(zeros(nZeros) + digits.slice(remaining - nChars, remaining));
  }
  return parts.reverse().join(sep);
}

function zeros(n: number): string {
  return n > 0 ? '0'.repeat(n) : '';
}

function repeatCp(c: string, n: number): string {
  return n > 0 ? c.repeat(n) : '';
}

/**
 * Lay out a number: `negative` selects the '-' sign, `prefix` is '0x' etc., `digits` the integer
 * digits (may be empty, for 'c'), `remainder` what follows them ('.5e+10', or the 'c' character).
 */
export function layoutNumber(f: FormatSpec, negative: boolean, prefix: string, digits: string, remainder: string): string {
  let sign = '';
  if (f.sign === '+') sign = negative ? '-' : '+';
  else if (f.sign === ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  const remLen = codePoints(remainder).length;
  const nonDigit = sign.length + prefix.length + remLen;
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - nonDigit : 0;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, f.grouping);
  const nPadding = f.width - (nonDigit + grouped.length);
  let lp = 0, sp = 0, rp = 0;
  if (nPadding > 0) {
    switch (f.align) {
      case '<': rp = nPadding; break;
      case '^': lp = Math.floor(nPadding / 2); rp = nPadding - lp; break;
      case '=': sp = nPadding; break;
      default: lp = nPadding; break;
    }
  }
  return repeatCp(f.fill, lp) + sign + prefix + repeatCp(f.fill, sp) + grouped + remainder + repeatCp(f.fill, rp);
}
