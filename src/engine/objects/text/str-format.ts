// str.format() and str.format_map() as CPython's Objects/stringlib/unicode_format.h: literal text
// with {{ }} escapes, replacement fields {name.attr[key]!conv:spec} with automatic or manual numbering,
// nested fields in the spec (two levels). Field values are opaque; callbacks look them up and format them.
import { pyError, isPyError, type PyError } from './errors';
import { codePoints } from './codepoints';
import { decimalValue } from './unicode-props';
import { strRepr } from './str-repr';

export interface StrFormatCallbacks<T> {
  /** kwargs[name] (or mapping[name] for format_map); undefined = missing (KeyError) */
  keyword(name: string): T | PyError | undefined;
  getAttr(v: T, name: string): T | PyError;
  /** v[key]: a number when the key is all decimal digits, else the key text */
  getItem(v: T, key: string | number): T | PyError;
  /** repr(v), str(v) or ascii(v) as a str object */
  convert(v: T, conversion: 'r' | 's' | 'a'): T | PyError;
  /** format(v, spec) */
  format(v: T, spec: string): string | PyError;
}

const PY_SSIZE_T_MAX = 9223372036854775807n;

type AutoState = 'init' | 'auto' | 'manual';
interface Auto {
  state: AutoState;
  next: number;
}

/** get_integer: -1 when not all decimal digits (or empty). */
function getInteger(s: string[]): number | PyError {
  if (s.length === 0) return -1;
  let acc = 0n;
  for (const c of s) {
    const d = decimalValue(c.codePointAt(0)!);
    if (d < 0) return -1;
    acc = acc * 10n + BigInt(d);
    if (acc > PY_SSIZE_T_MAX) return pyError('ValueError', 'Too many decimal digits in format string');
  }
  return Number(acc);
}

interface Field {
  name: string[];
  conversion: string;
  spec: string[];
  specNeedsExpanding: boolean;
}

/** str.format(*args, **kwargs); args undefined = format_map (positional fields are an error). */
export function strFormat<T>(fmt: string, args: readonly T[] | undefined, cb: StrFormatCallbacks<T>): string | PyError {
  return buildString(codePoints(fmt), args, cb, 2, { state: 'init', next: 0 });
}

function buildString<T>(input: string[], args: readonly T[] | undefined, cb: StrFormatCallbacks<T>, depth: number,
  auto: Auto): string | PyError {
  if (depth <= 0) return pyError('ValueError', 'Max string recursion exceeded');
  let out = '';
  let pos = 0;
  const end = input.length;
  while (pos < end) {
    // literal text up to a brace
    const start = pos;
    let c = '';
    let markup = false;
    while (pos < end) {
      c = input[pos++];
      if (c === '{' || c === '}') { markup = true; break; }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (c === '}' && markup && (atEnd || input[pos] !== '}')) {
      return pyError('ValueError', "Single '}' encountered in format string");
    }
    if (atEnd && c === '{' && markup) return pyError('ValueError', "Single '{' encountered in format string");
    if (!atEnd && markup) {
      if (input[pos] === c) { pos++; markup = false; } else len--;
    }
    out += input.slice(start, start + len).join('');
    if (!markup) continue;
    const field = parseField(input, pos);
    if (isPyError(field)) return field;
    pos = field.next;
    const r = outputMarkup(field.field, args, cb, depth, auto);
    if (isPyError(r)) return r;
    out += r;
  }
  return out;
}

function parseField(s: string[], from: number): { field: Field; next: number } | PyError {
  let pos = from;
  const end = s.length;
  let c = '';
  const nameStart = pos;
  let stop = false;
  while (pos < end) {
    c = s[pos++];
    if (c === '{') return pyError('ValueError', "unexpected '{' in field name");
    if (c === '[') {
      while (pos < end && s[pos] !== ']') pos++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') { stop = true; break; }
  }
  if (!stop) c = '';
  const field: Field = { name: s.slice(nameStart, stop ? pos - 1 : pos), conversion: '', spec: [], specNeedsExpanding: false };
  if (c === '!' || c === ':') {
    if (c === '!') {
      if (pos >= end) return pyError('ValueError', 'end of string while looking for conversion specifier');
      field.conversion = s[pos++];
      if (pos < end) {
        const d = s[pos++];
        if (d === '}') return { field, next: pos };
        if (d !== ':') return pyError('ValueError', "expected ':' after conversion specifier");
      }
    }
    const specStart = pos;
    let count = 1;
    while (pos < end) {
      const d = s[pos++];
      if (d === '{') { field.specNeedsExpanding = true; count++; }
      else if (d === '}') {
        count--;
        if (count === 0) { field.spec = s.slice(specStart, pos - 1); return { field, next: pos }; }
      }
    }
    return pyError('ValueError', "unmatched '{' in format spec");
  }
  if (c !== '}') return pyError('ValueError', "expected '}' before end of string");
  return { field, next: pos };
}

function outputMarkup<T>(field: Field, args: readonly T[] | undefined, cb: StrFormatCallbacks<T>, depth: number,
  auto: Auto): string | PyError {
  let obj = getFieldObject(field.name, args, cb, auto);
  if (isPyError(obj)) return obj;
  if (field.conversion !== '') {
    const conv = field.conversion;
    if (conv !== 'r' && conv !== 's' && conv !== 'a') {
      const cp = conv.codePointAt(0)!;
      return pyError('ValueError', cp > 32 && cp < 127 ? `Unknown conversion specifier ${conv}`
        : `Unknown conversion specifier \\x${cp.toString(16)}`);
    }
    const converted = cb.convert(obj, conv);
    if (isPyError(converted)) return converted;
    obj = converted;
  }
  let spec = field.spec.join('');
  if (field.specNeedsExpanding) {
    const expanded = buildString(field.spec, args, cb, depth - 1, auto);
    if (isPyError(expanded)) return expanded;
    spec = expanded;
  }
  return cb.format(obj, spec);
}

function getFieldObject<T>(name: string[], args: readonly T[] | undefined, cb: StrFormatCallbacks<T>,
  auto: Auto): T | PyError {
  let i = 0;
  while (i < name.length && name[i] !== '[' && name[i] !== '.') i++;
  const first = name.slice(0, i);
  let index = getInteger(first);
  if (isPyError(index)) return index;
  const empty = first.length === 0;
  const numeric = empty || index !== -1;
  if (auto.state === 'init' && numeric) auto.state = empty ? 'auto' : 'manual';
  if (numeric) {
    if (auto.state === 'manual' && empty) {
      return pyError('ValueError', 'cannot switch from manual field specification to automatic field numbering');
    }
    if (auto.state !== 'manual' && !empty) {
      return pyError('ValueError', 'cannot switch from automatic field numbering to manual field specification');
    }
  }
  if (empty) index = auto.next++;
  let obj: T | PyError;
  if (index === -1) {
    const key = first.join('');
    const v = cb.keyword(key);
    obj = v === undefined ? pyError('KeyError', strRepr(key)) : v;
  } else {
    if (args === undefined) return pyError('ValueError', 'Format string contains positional fields');
    obj = index < args.length ? args[index]
      : pyError('IndexError', `Replacement index ${index} out of range for positional args tuple`);
  }
  if (isPyError(obj)) return obj;
  // the rest: .attr and [key] lookups
  while (i < name.length) {
    const c = name[i++];
    let part: string[];
    let isAttr: boolean;
    if (c === '.') {
      isAttr = true;
      const s = i;
      while (i < name.length && name[i] !== '[' && name[i] !== '.') i++;
      part = name.slice(s, i);
    } else if (c === '[') {
      isAttr = false;
      const s = i;
      while (i < name.length && name[i] !== ']') i++;
      if (i >= name.length) return pyError('ValueError', "Missing ']' in format string");
      part = name.slice(s, i);
      i++;
    } else {
      return pyError('ValueError', "Only '.' or '[' may follow ']' in format field specifier");
    }
    const idx = isAttr ? -1 : getInteger(part);
    if (isPyError(idx)) return idx;
    if (part.length === 0) return pyError('ValueError', 'Empty attribute in format string');
    const next: T | PyError = isAttr ? cb.getAttr(obj, part.join(''))
      : cb.getItem(obj, idx === -1 ? part.join('') : idx);
    if (isPyError(next)) return next;
    obj = next;
  }
  return obj;
}
