// Lowers the operator layers whose shape Lezer's tree does not give directly: chained comparisons
// (`a < b < c` is one Compare), and the boolean layer (not/and/or), rebuilt with Python's precedence
// into CPython's flat BoolOps.
import type { BinOperator, CmpOperator, Expr } from './ast';
import { type Ctx, type SyntaxNode, fail, kids, span, text } from './cst';
import { lowerExpr } from './lower-expr';

const CMP_WORDS: Record<string, CmpOperator> = { in: 'in', is: 'is' };

export function lowerBinary(c: Ctx, n: SyntaxNode): Expr {
  const ks = kids(n);
  const opNode = ks[1];
  const s = span(c, n);
  const opName = opNode?.name;
  if (opName === 'ArithOp' || opName === 'BitOp') {
    return { kind: 'BinOp', left: lowerExpr(c, ks[0]), op: text(c, opNode) as BinOperator, right: lowerExpr(c, ks[2]), ...s };
  }
  if (opName === 'and' || opName === 'or') return lowerBoolLayer(c, n);
  // comparisons: a chain `a < b < c` is one Compare
  const chain: { op: CmpOperator; right: SyntaxNode }[] = [];
  let cur: SyntaxNode = n;
  for (;;) {
    const ck = kids(cur);
    const op = compareOp(c, ck);
    if (cur.name !== 'BinaryExpression' || op === null) break;
    const right = ck[op.rightAt];
    // `a == not b`: Lezer takes it, Python does not
    if (right?.name === 'UnaryExpression' && kids(right)[0]?.name === 'not') fail(c, 'invalid syntax', kids(right)[0]);
    chain.push({ op: op.op, right });
    cur = ck[0];
  }
  if (chain.length === 0) return fail(c, 'invalid syntax', n);
  chain.reverse();
  return {
    kind: 'Compare',
    left: lowerExpr(c, cur),
    ops: chain.map((x) => x.op),
    comparators: chain.map((x) => lowerExpr(c, x.right)),
    ...s,
  };
}

function compareOp(c: Ctx, ks: SyntaxNode[]): { op: CmpOperator; rightAt: number } | null {
  const o = ks[1];
  if (!o) return null;
  if (o.name === 'CompareOp') {
    const t = text(c, o);
    if (t === '<>') fail(c, 'invalid syntax', o);
    return { op: t as CmpOperator, rightAt: 2 };
  }
  if (o.name === 'not' && ks[2]?.name === 'in') return { op: 'not in', rightAt: 3 };
  if (o.name === 'is' && ks[2]?.name === 'not') return { op: 'is not', rightAt: 3 };
  if (o.name in CMP_WORDS) return { op: CMP_WORDS[o.name], rightAt: 2 };
  return null;
}

// ---------------------------------------------------------------- not / and / or

type BoolItem = SyntaxNode | 'not' | 'and' | 'or';

/**
 * Lezer's grammar lets `not` swallow everything to its right (`not a and b` comes out as
 * `not (a and b)`), so the boolean layer is rebuilt from its operands in source order with Python's
 * precedence (or < and < not), giving CPython's flat BoolOps (`a or b or c` is one BoolOp).
 */
export function lowerBoolLayer(c: Ctx, n: SyntaxNode): Expr {
  const items: { item: BoolItem; at: number }[] = [];
  const stack: SyntaxNode[] = [n];
  // iterative in-order flattening (deep chains must not recurse)
  const out: { item: BoolItem; at: number }[] = [];
  while (stack.length) {
    const cur = stack.pop()!;
    const ks = kids(cur);
    if (cur.name === 'BinaryExpression' && (ks[1]?.name === 'and' || ks[1]?.name === 'or') && ks.length === 3) {
      stack.push(ks[2]);
      stack.push({ name: ks[1].name, from: ks[1].from } as SyntaxNode);
      stack.push(ks[0]);
    } else if (cur.name === 'UnaryExpression' && ks[0]?.name === 'not' && ks.length === 2) {
      out.push({ item: 'not', at: ks[0].from + c.base });
      stack.push(ks[1]);
    } else if (cur.name === 'and' || cur.name === 'or') {
      out.push({ item: cur.name, at: cur.from + c.base });
    } else out.push({ item: cur, at: cur.from + c.base });
  }
  items.push(...out);
  let i = 0;
  const operand = (): Expr => {
    const it = items[i++];
    if (!it || typeof it.item === 'string') {
      if (it?.item === 'not') {
        const v = operand();
        return { kind: 'UnaryOp', op: 'not', operand: v, start: it.at, end: v.end };
      }
      return fail(c, 'invalid syntax', n);
    }
    return lowerExpr(c, it.item);
  };
  const level = (op: 'and' | 'or'): Expr => {
    const values = [op === 'or' ? level('and') : operand()];
    while (items[i]?.item === op) {
      i++;
      values.push(op === 'or' ? level('and') : operand());
    }
    if (values.length === 1) return values[0];
    return { kind: 'BoolOp', op, values, start: values[0].start, end: values[values.length - 1].end };
  };
  const e = level('or');
  if (i !== items.length) fail(c, 'invalid syntax', n);
  return e;
}
