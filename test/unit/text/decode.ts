// Decoding of the JSON values recorded by scripts/record-text-cases.py, and a tiny Python-like value
// model (str/repr of ints, floats, strs, tuples, lists, dicts) used as the % formatting callbacks.
import { floatRepr, strRepr } from '../../../src/engine/objects/text';

export type Enc = string | { i: string } | { f: string } | { b: boolean } | { none: 1 } | { t: Enc[] } | { l: Enc[] }
  | { d: [Enc, Enc][] } | { error: string; message: string };

export type PyVal =
  | { k: 'int'; v: bigint }
  | { k: 'float'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'none' }
  | { k: 'str'; v: string }
  | { k: 'tuple'; v: PyVal[] }
  | { k: 'list'; v: PyVal[] }
  | { k: 'dict'; v: [PyVal, PyVal][] };

export function parseFloatRepr(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan') return NaN;
  return Number(s);
}

export function decode(e: Enc): PyVal {
  if (typeof e === 'string') return { k: 'str', v: e };
  if ('i' in e) return { k: 'int', v: BigInt(e.i) };
  if ('f' in e) return { k: 'float', v: parseFloatRepr(e.f) };
  if ('b' in e) return { k: 'bool', v: e.b };
  if ('none' in e) return { k: 'none' };
  if ('t' in e) return { k: 'tuple', v: e.t.map(decode) };
  if ('l' in e) return { k: 'list', v: e.l.map(decode) };
  if ('d' in e) return { k: 'dict', v: e.d.map(([a, b]) => [decode(a), decode(b)]) };
  throw new Error('cannot decode an error value');
}

export function pyRepr(v: PyVal): string {
  switch (v.k) {
    case 'int': return v.v.toString();
    case 'float': return floatRepr(v.v);
    case 'bool': return v.v ? 'True' : 'False';
    case 'none': return 'None';
    case 'str': return strRepr(v.v);
    case 'tuple': return v.v.length === 1 ? `(${pyRepr(v.v[0])},)` : `(${v.v.map(pyRepr).join(', ')})`;
    case 'list': return `[${v.v.map(pyRepr).join(', ')}]`;
    case 'dict': return `{${v.v.map(([a, b]) => `${pyRepr(a)}: ${pyRepr(b)}`).join(', ')}}`;
  }
}

export function pyStr(v: PyVal): string {
  return v.k === 'str' ? v.v : pyRepr(v);
}

export function typeName(v: PyVal): string {
  return v.k === 'none' ? 'NoneType' : v.k;
}

/** Encode a JS result the way the recorder encodes Python results. */
export function encodeResult(r: unknown): unknown {
  if (typeof r === 'string' || r === null) return r;
  if (typeof r === 'boolean') return { b: r };
  if (typeof r === 'number') return { i: String(r) };
  if (typeof r === 'bigint') return { i: r.toString() };
  if (Array.isArray(r)) return { l: r.map(encodeResult) };
  return r;
}
