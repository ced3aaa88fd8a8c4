// Constant folding as CPython's AST optimizer (Python/ast_opt.c) does it: operations on constants
// become one constant, within the same size limits. This decides which objects are code constants,
// which shows in refcounts (`x = 1000 + 1` is a constant, `x = n + 1` is not).
import type * as A from '../parse/ast';
import type { ConstValue } from './code';

const MAX_INT_SIZE = 128n; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

function bits(v: bigint): bigint {
  if (v < 0n) v = -v;
  return BigInt(v.toString(2).length) - (v === 0n ? 1n : 0n);
}

export function literalConst(c: A.ConstantValue): ConstValue | null {
  switch (c.type) {
    case 'int':
      return { t: 'int', v: c.value };
    case 'float':
      return { t: 'float', v: c.value };
    case 'str':
      return { t: 'str', v: c.value };
    case 'bool':
      return { t: 'bool', v: c.value };
    case 'None':
      return { t: 'None' };
    case 'Ellipsis':
      return { t: 'Ellipsis' };
    default:
      return null; // bytes, complex: not simulated as constants
  }
}

/** The folded constant value of an expression, or null when it is not a compile-time constant. */
export function foldConst(e: A.Expr): ConstValue | null {
  switch (e.kind) {
    case 'Constant':
      return literalConst(e.value);
    case 'Tuple': {
      const items: ConstValue[] = [];
      for (const x of e.elts) {
        if (x.kind === 'Starred') return null;
        const c = foldConst(x);
        if (!c) return null;
        items.push(c);
      }
      return { t: 'tuple', items };
    }
    case 'UnaryOp': {
      if (e.op === 'not') return null;
      const v = foldConst(e.operand);
      if (!v) return null;
      return foldUnary(e.op, v);
    }
    case 'BinOp': {
      const l = foldConst(e.left);
      if (!l) return null;
      const r = foldConst(e.right);
      if (!r) return null;
      return foldBin(e.op, l, r);
    }
    default:
      return null;
  }
}

function asInt(c: ConstValue): bigint | null {
  if (c.t === 'int') return c.v;
  if (c.t === 'bool') return c.v ? 1n : 0n;
  return null;
}
function asNum(c: ConstValue): number | null {
  if (c.t === 'float') return c.v;
  const i = asInt(c);
  return i === null ? null : Number(i);
}

function foldUnary(op: '-' | '+' | '~', v: ConstValue): ConstValue | null {
  const i = asInt(v);
  if (i !== null) {
    if (op === '-') return { t: 'int', v: -i };
    if (op === '+') return { t: 'int', v: i };
    return { t: 'int', v: -i - 1n };
  }
  if (v.t === 'float') {
    if (op === '-') return { t: 'float', v: -v.v };
    if (op === '+') return v;
  }
  return null;
}

function countItems(c: ConstValue): number {
  return c.t === 'tuple' ? c.items.reduce((n, x) => n + countItems(x), c.items.length) : 0;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function floorMod(a: bigint, b: bigint): bigint {
  const m = a % b;
  return m !== 0n && (m < 0n) !== (b < 0n) ? m + b : m;
}

function foldBin(op: A.BinOperator, l: ConstValue, r: ConstValue): ConstValue | null {
  if (l.t === 'bool' && r.t === 'bool' && (op === '&' || op === '|' || op === '^'))
    return { t: 'bool', v: op === '&' ? l.v && r.v : op === '|' ? l.v || r.v : l.v !== r.v };
  const li = asInt(l);
  const ri = asInt(r);
  if (li !== null && ri !== null) {
    switch (op) {
      case '+':
        return { t: 'int', v: li + ri };
      case '-':
        return { t: 'int', v: li - ri };
      case '*':
        if (bits(li) + bits(ri) > MAX_INT_SIZE) return null;
        return { t: 'int', v: li * ri };
      case '//':
        return ri === 0n ? null : { t: 'int', v: floorDiv(li, ri) };
      case '%':
        return ri === 0n ? null : { t: 'int', v: floorMod(li, ri) };
      case '/':
        return ri === 0n ? null : { t: 'float', v: Number(li) / Number(ri) };
      case '**':
        if (ri < 0n) return li === 0n ? null : { t: 'float', v: Math.pow(Number(li), Number(ri)) };
        if (li !== 0n && bits(li) * ri > MAX_INT_SIZE) return null;
        return { t: 'int', v: li ** ri };
      case '<<':
        if (ri < 0n) return null;
        if (li !== 0n && (ri > MAX_INT_SIZE || bits(li) > MAX_INT_SIZE - ri)) return null;
        return { t: 'int', v: li << ri };
      case '>>':
        return ri < 0n ? null : { t: 'int', v: li >> ri };
      case '&':
        return { t: 'int', v: li & ri };
      case '|':
        return { t: 'int', v: li | ri };
      case '^':
        return { t: 'int', v: li ^ ri };
      default:
        return null;
    }
  }
  const ln = asNum(l);
  const rn = asNum(r);
  if (ln !== null && rn !== null && (l.t === 'float' || r.t === 'float')) {
    switch (op) {
      case '+':
        return { t: 'float', v: ln + rn };
      case '-':
        return { t: 'float', v: ln - rn };
      case '*':
        return { t: 'float', v: ln * rn };
      case '/':
        return rn === 0 ? null : { t: 'float', v: ln / rn };
      default:
        return null;
    }
  }
  if (l.t === 'str' && r.t === 'str' && op === '+') {
    if (l.v.length + r.v.length > MAX_STR_SIZE) return null;
    return { t: 'str', v: l.v + r.v };
  }
  if (op === '*') {
    const [seq, n] = ri !== null ? [l, ri] : li !== null ? [r, li] : [null, null];
    if (seq && n !== null) {
      if (seq.t === 'str') {
        if (n > 0n && BigInt(seq.v.length) * n > BigInt(MAX_STR_SIZE)) return null;
        return { t: 'str', v: n > 0n ? seq.v.repeat(Number(n)) : '' };
      }
      if (seq.t === 'tuple') {
        if (n > 0n && BigInt(seq.items.length) * n > BigInt(MAX_COLLECTION_SIZE)) return null;
        if (n > 0n && BigInt(countItems(seq)) * n > BigInt(MAX_TOTAL_ITEMS)) return null;
        const items: ConstValue[] = [];
        for (let k = 0n; k < n; k++) items.push(...seq.items);
        return { t: 'tuple', items };
      }
    }
  }
  if (l.t === 'tuple' && r.t === 'tuple' && op === '+') {
    if (l.items.length + r.items.length > MAX_COLLECTION_SIZE) return null;
    return { t: 'tuple', items: [...l.items, ...r.items] };
  }
  return null;
}
