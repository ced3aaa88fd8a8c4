// Runs the recorded CPython cases (cases.json, and the per-version diff files) through the text
// functions and reports mismatches per group.
import * as T from '../../../src/engine/objects/text';
import { decode, encodeResult, parseFloatRepr, pyRepr, pyStr, typeName, type Enc, type PyVal } from './decode';

export interface Mismatch {
  group: string;
  input: unknown;
  expected: unknown;
  actual: unknown;
}

export interface GroupResult {
  total: number;
  mismatches: Mismatch[];
}

type Row = unknown[];
export type CaseFile = Record<string, unknown> & { python: string };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function resultOf(r: unknown): unknown {
  if (T.isPyError(r)) return { error: r.error, message: r.message };
  return r;
}

function num(e: Enc | undefined): number | undefined {
  if (e === undefined) return undefined;
  const v = decode(e);
  if (v.k === 'none') return undefined;
  if (v.k === 'int') return Number(v.v);
  if (v.k === 'bool') return v.v ? 1 : 0;
  throw new Error('not an int');
}

function strOrTuple(e: Enc): string | string[] {
  const v = decode(e);
  if (v.k === 'str') return v.v;
  if (v.k === 'tuple') return v.v.map((x) => (x as { v: string }).v);
  throw new Error('not a str');
}

function optStr(e: Enc | undefined): string | undefined {
  if (e === undefined) return undefined;
  const v = decode(e);
  return v.k === 'none' ? undefined : (v as { v: string }).v;
}

function tuple(r: unknown): unknown {
  return Array.isArray(r) ? { t: r.map(encodeResult) } : resultOf(r);
}

/** Call the text function for a recorded str method; the result encoded like the recorder's. */
export function callStrMethod(m: string, s: string, a: Enc[]): unknown {
  const S = (i: number): string => optStr(a[i])!;
  switch (m) {
    case 'upper': return T.pyUpper(s);
    case 'lower': return T.pyLower(s);
    case 'title': return T.pyTitle(s);
    case 'capitalize': return T.pyCapitalize(s);
    case 'swapcase': return T.pySwapcase(s);
    case 'casefold': return T.pyCasefold(s);
    case 'isdigit': return { b: T.pyIsDigit(s) };
    case 'isalpha': return { b: T.pyIsAlpha(s) };
    case 'isalnum': return { b: T.pyIsAlnum(s) };
    case 'isspace': return { b: T.pyIsSpace(s) };
    case 'isupper': return { b: T.pyIsUpper(s) };
    case 'islower': return { b: T.pyIsLower(s) };
    case 'isidentifier': return { b: T.pyIsIdentifier(s) };
    case 'isnumeric': return { b: T.pyIsNumeric(s) };
    case 'isdecimal': return { b: T.pyIsDecimal(s) };
    case 'istitle': return { b: T.pyIsTitle(s) };
    case 'isascii': return { b: T.pyIsAscii(s) };
    case 'isprintable': return { b: T.pyIsPrintable(s) };
    case 'splitlines': return encodeResult(T.pySplitlines(s, a.length > 0 ? decode(a[0]).k === 'bool' && (decode(a[0]) as { v: boolean }).v : false));
    case 'strip': return T.pyStrip(s, optStr(a[0]));
    case 'lstrip': return T.pyLstrip(s, optStr(a[0]));
    case 'rstrip': return T.pyRstrip(s, optStr(a[0]));
    case 'split': return encodeResult(resultOf(T.pySplit(s, optStr(a[0]), num(a[1]) ?? -1)));
    case 'rsplit': return encodeResult(resultOf(T.pyRsplit(s, optStr(a[0]), num(a[1]) ?? -1)));
    case 'expandtabs': return T.pyExpandtabs(s, num(a[0]) ?? 8);
    case '__repr__': return T.strRepr(s);
    case '__ascii__': return T.strAscii(s);
    case '__len__': return { i: String(T.pyLen(s)) };
    case '__cmp__': return { i: String(T.pyStrCompare(s, S(0))) };
    case '__storage__': {
      const st = T.strStorage(s);
      return { t: [{ i: String(st.length) }, { i: String(st.kind) }, { b: st.ascii }] };
    }
    case '__iter__': return encodeResult([...new T.PyStrView(s)]);
    case 'zfill': return T.pyZfill(s, num(a[0])!);
    case 'find': return { i: String(T.pyFind(s, S(0), num(a[1]), num(a[2]))) };
    case 'rfind': return { i: String(T.pyRfind(s, S(0), num(a[1]), num(a[2]))) };
    case 'index': return encodeResult(resultOf(T.pyIndex(s, S(0), num(a[1]), num(a[2]))));
    case 'rindex': return encodeResult(resultOf(T.pyRindex(s, S(0), num(a[1]), num(a[2]))));
    case 'count': return { i: String(T.pyCount(s, S(0), num(a[1]), num(a[2]))) };
    case 'startswith': return { b: T.pyStartswith(s, strOrTuple(a[0]), num(a[1]), num(a[2])) };
    case 'endswith': return { b: T.pyEndswith(s, strOrTuple(a[0]), num(a[1]), num(a[2])) };
    case 'partition': return tuple(T.pyPartition(s, S(0)));
    case 'rpartition': return tuple(T.pyRpartition(s, S(0)));
    case 'replace': return T.pyReplace(s, S(0), S(1), num(a[2]) ?? -1);
    case 'center': return resultOf(T.pyCenter(s, num(a[0])!, optStr(a[1])));
    case 'ljust': return resultOf(T.pyLjust(s, num(a[0])!, optStr(a[1])));
    case 'rjust': return resultOf(T.pyRjust(s, num(a[0])!, optStr(a[1])));
    case 'removeprefix': return T.pyRemoveprefix(s, S(0));
    case 'removesuffix': return T.pyRemovesuffix(s, S(0));
    case '__slice__': {
      const step = num(a[2]);
      return new T.PyStrView(s).slice(num(a[0]), num(a[1]), step);
    }
    case '__getitem__': {
      const c = new T.PyStrView(s).at(num(a[0])!);
      return c ?? { error: 'IndexError', message: 'string index out of range' };
    }
    default: throw new Error('unknown method ' + m);
  }
}

const callbacks: T.PercentCallbacks<PyVal> = {
  str: pyStr,
  repr: pyRepr,
  typeName,
  classify(v) {
    switch (v.k) {
      case 'int': return { kind: 'int', value: v.v };
      case 'bool': return { kind: 'int', value: v.v ? 1n : 0n };
      case 'float': return { kind: 'float', value: v.v };
      case 'str': return { kind: 'str', value: v.v };
      default: return { kind: 'other' };
    }
  },
  getItem(m, key) {
    if (m.k === 'dict') {
      const hit = m.v.find(([k]) => k.k === 'str' && k.v === key);
      if (hit) return hit[1];
      return T.pyError('KeyError', T.strRepr(key));
    }
    if (m.k === 'list') return T.pyError('TypeError', 'list indices must be integers or slices, not str');
    return T.pyError('TypeError', `'${typeName(m)}' object is not subscriptable`);
  },
};

/** format(v, spec) for the test value model (object.__format__ for the types without their own). */
function pyFormat(v: PyVal, spec: string, version: T.TextVersion): string | T.PyError {
  switch (v.k) {
    case 'int': return T.formatInt(v.v, spec, { version });
    case 'bool': return T.formatInt(v.v ? 1n : 0n, spec, { version, typeName: 'bool', str: pyStr(v) });
    case 'float': return T.formatFloat(v.v, spec, { version });
    case 'str': return T.formatStr(v.v, spec, { version });
    default:
      if (spec !== '') return T.pyError('TypeError', `unsupported format string passed to ${typeName(v)}.__format__`);
      return pyStr(v);
  }
}

function getItem(v: PyVal, key: string | number, version: T.TextVersion): PyVal | T.PyError {
  if (v.k === 'dict') {
    const hit = v.v.find(([k]) => (typeof key === 'number' ? k.k === 'int' && k.v === BigInt(key) : k.k === 'str' && k.v === key));
    return hit ? hit[1] : T.pyError('KeyError', typeof key === 'number' ? String(key) : T.strRepr(key));
  }
  if (v.k === 'list' || v.k === 'tuple') {
    if (typeof key !== 'number') return T.pyError('TypeError', `${v.k} indices must be integers or slices, not str`);
    return key < v.v.length ? v.v[key] : T.pyError('IndexError', `${v.k} index out of range`);
  }
  if (v.k === 'str') {
    if (typeof key !== 'number') {
      return T.pyError('TypeError', version === '3.10' ? 'string indices must be integers'
        : "string indices must be integers, not 'str'");
    }
    const c = new T.PyStrView(v.v).at(key);
    return c === undefined ? T.pyError('IndexError', 'string index out of range') : { k: 'str', v: c };
  }
  return T.pyError('TypeError', `'${typeName(v)}' object is not subscriptable`);
}

function formatCallbacks(kwargs: { v: [PyVal, PyVal][] }, version: T.TextVersion): T.StrFormatCallbacks<PyVal> {
  return {
    keyword: (name) => kwargs.v.find(([k]) => k.k === 'str' && k.v === name)?.[1],
    getAttr: (v, name) => {
      if (v.k === 'bool' && (name === 'real' || name === 'imag')) return { k: 'int', v: name === 'real' && v.v ? 1n : 0n };
      if ((v.k === 'int' || v.k === 'float') && name === 'real') return v;
      if (v.k === 'int' && name === 'imag') return { k: 'int', v: 0n };
      if (v.k === 'float' && name === 'imag') return { k: 'float', v: 0 };
      return T.pyError('AttributeError', `'${typeName(v)}' object has no attribute '${name}'`);
    },
    getItem: (v, key) => getItem(v, key, version),
    convert: (v, c) => ({ k: 'str', v: c === 's' ? pyStr(v) : c === 'r' ? pyRepr(v) : T.asciiEscape(pyRepr(v)) }),
    format: (v, spec) => pyFormat(v, spec, version),
  };
}

function percentArgs(v: PyVal): T.PercentArgs<PyVal> {
  if (v.k === 'tuple') return { kind: 'tuple', items: v.v };
  if (v.k === 'dict' || v.k === 'list') return { kind: 'mapping', value: v };
  return { kind: 'single', value: v };
}

export function runGroup(group: string, rows: Row[], version: T.TextVersion): GroupResult {
  const mismatches: Mismatch[] = [];
  for (const row of rows) {
    let input: unknown;
    let expected: unknown;
    let actual: unknown;
    switch (group) {
      case 'floatRepr': {
        const r = (row as unknown as { f: string }).f;
        input = r; expected = r; actual = T.floatRepr(parseFloatRepr(r));
        break;
      }
      case 'formatFloat': case 'formatInt': case 'formatStr': {
        const [v, spec, exp] = row as [Enc, string, unknown];
        input = [v, spec]; expected = exp;
        const val = decode(v);
        const r = val.k === 'float' ? T.formatFloat(val.v, spec, { version })
          : val.k === 'int' ? T.formatInt(val.v, spec, { version })
            : T.formatStr((val as { v: string }).v, spec, { version });
        actual = resultOf(r);
        break;
      }
      case 'percent': {
        const [fmt, a, exp] = row as [string, Enc, unknown];
        input = [fmt, a]; expected = exp;
        actual = resultOf(T.percentFormat(fmt, percentArgs(decode(a)), callbacks));
        break;
      }
      case 'str': {
        const [m, s, a, exp] = row as [string, string, Enc[], unknown];
        input = [m, s, a]; expected = exp;
        actual = callStrMethod(m, s, a);
        break;
      }
      case 'parseInt': {
        const [s, base, exp] = row as [string, number, unknown];
        input = [s.length > 60 ? s.slice(0, 60) + '...' : s, base]; expected = exp;
        const r = T.parsePyInt(s, base, { version });
        actual = resultOf(r);
        if (typeof r === 'bigint') {
          actual = { i: r.toString() };
          if (s.length >= 4300 && base === 10) actual = { i: String(T.pyLen(r.toString())) };
          if (base === 16 && s.length >= 5000) actual = { i: String(r % 1000n) };
        }
        break;
      }
      case 'parseFloat': {
        const [s, exp] = row as [string, unknown];
        input = s; expected = exp;
        const r = T.parsePyFloat(s);
        actual = typeof r === 'number' ? { f: T.floatRepr(r) } : resultOf(r);
        break;
      }
      case 'intToStr': {
        const [v, ...exp] = row as [Enc, ...string[]];
        const n = (decode(v) as { v: bigint }).v;
        input = v; expected = exp;
        actual = [resultOf(T.intToDecimal(n, { version })), T.pyBin(n), T.pyOct(n), T.pyHex(n)];
        if (exp[1] === '') actual = [(actual as unknown[])[0], '', '', ''];
        break;
      }
      case 'round': {
        const [v, nd, exp] = row as [Enc, Enc, unknown];
        input = [v, nd]; expected = exp;
        const x = decode(v);
        const n = decode(nd);
        const digits = n.k === 'int' ? n.v : undefined;
        let r: unknown;
        if (x.k === 'float') {
          r = digits === undefined ? T.floatRoundToInt(x.v) : T.floatRound(x.v, Number(digits));
          if (typeof r === 'number') r = { f: T.floatRepr(r) };
        } else {
          r = T.intRound((x as { v: bigint }).v, digits ?? 0n);
        }
        actual = encodeResult(resultOf(r));
        break;
      }
      case 'strFormat': {
        const [fmt, a, kw, exp] = row as [string, Enc, Enc, unknown];
        input = [fmt, a, kw]; expected = exp;
        const args = decode(a);
        const kwargs = decode(kw) as { k: 'dict'; v: [PyVal, PyVal][] };
        const positional = args.k === 'tuple' ? args.v : undefined;
        actual = resultOf(T.strFormat(fmt, positional, formatCallbacks(kwargs, version)));
        break;
      }
      default: throw new Error('unknown group ' + group);
    }
    if (!same(actual, expected)) mismatches.push({ group, input, expected, actual });
  }
  return { total: rows.length, mismatches };
}

export interface CharTable {
  methods: string[];
  rows: unknown[][];
}

export function runChars(table: CharTable): GroupResult {
  const mismatches: Mismatch[] = [];
  let total = 0;
  for (const row of table.rows) {
    const cp = row[0] as number;
    const c = String.fromCodePoint(cp);
    table.methods.forEach((m, i) => {
      total++;
      const actual = callStrMethod(m, c, []);
      if (!same(actual, row[i + 1])) {
        mismatches.push({ group: 'chars', input: [m, 'U+' + cp.toString(16)], expected: row[i + 1], actual });
      }
    });
  }
  return { total, mismatches };
}

export interface AllCharsTable {
  predicates: Record<string, string>;
  mappings: Record<string, string>;
}

function unpackFlags(packed: string): Uint8Array {
  const flags = new Uint8Array(0x110000);
  let prev = 0;
  for (const part of packed.split(';')) {
    if (part === '') continue;
    const [gap, len] = part.split(',');
    const start = prev + parseInt(gap, 36);
    const end = start + parseInt(len, 36);
    flags.fill(1, start, end + 1);
    prev = end + 1;
  }
  return flags;
}

const PREDICATES: Record<string, (s: string) => boolean> = {
  isdigit: T.pyIsDigit, isalpha: T.pyIsAlpha, isalnum: T.pyIsAlnum, isspace: T.pyIsSpace, isupper: T.pyIsUpper,
  islower: T.pyIsLower, isidentifier: T.pyIsIdentifier, isnumeric: T.pyIsNumeric, isdecimal: T.pyIsDecimal,
  istitle: T.pyIsTitle, isprintable: T.pyIsPrintable, xid_continue: (c) => T.pyIsIdentifier('a' + c),
};

const MAPPINGS: Record<string, (s: string) => string> = {
  upper: T.pyUpper, lower: T.pyLower, title: T.pyTitle, casefold: T.pyCasefold, swapcase: T.pySwapcase,
};

/** Every code point against CPython's one-character predicates and case mappings. */
export function runAllChars(table: AllCharsTable): GroupResult {
  const mismatches: Mismatch[] = [];
  let total = 0;
  const chars: string[] = [];
  for (let cp = 0; cp < 0x110000; cp++) chars.push(String.fromCodePoint(cp));
  for (const [name, packed] of Object.entries(table.predicates)) {
    const fn = PREDICATES[name];
    const flags = unpackFlags(packed);
    for (let cp = 0; cp < 0x110000; cp++) {
      total++;
      const got = fn(chars[cp]);
      if (got !== (flags[cp] === 1)) {
        mismatches.push({ group: 'allChars', input: [name, 'U+' + cp.toString(16)], expected: !got, actual: got });
      }
    }
  }
  for (const [name, packed] of Object.entries(table.mappings)) {
    const fn = MAPPINGS[name];
    const map = new Map<number, string>();
    for (const e of packed.split(';')) {
      if (e === '') continue;
      const [k, v] = e.split(':');
      map.set(parseInt(k, 36), String.fromCodePoint(...v.split('.').map((x) => parseInt(x, 36))));
    }
    for (let cp = 0; cp < 0x110000; cp++) {
      total++;
      const expected = map.get(cp) ?? chars[cp];
      const got = fn(chars[cp]);
      if (got !== expected) mismatches.push({ group: 'allChars', input: [name, 'U+' + cp.toString(16)], expected, actual: got });
    }
  }
  return { total, mismatches };
}
